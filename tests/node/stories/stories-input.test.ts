import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stories, storyEvents, storyVersions } from '../../../db/schema';
import { loadStory } from '../../../db/stories/stories';
import { TestBrowser } from '../../support/browser';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';
import { approve, personWith, publish, storyFields, writeStory } from '../../support/stories';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '<a href="javascript:alert(1)">click</a>',
  '[link](javascript:alert(1))',
  '<div hx-get="/account" hx-trigger="load" hx-swap="outerHTML">x</div>',
].join(' ');

describe('story forms with hostile, empty, huge and repeated input', () => {
  it('renders markup, scripts, javascript: links and hx-* attributes in title and text as inert text', async () => {
    const author = await personWith(t, 'mira@example.org', ['storyteller']);
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const id = await writeStory(author, {
      title:
        '<script>alert(1)</script><img src=x onerror="alert(1)"><div hx-get="/account" hx-trigger="load">',
      body: `Body ${HOSTILE}`,
      shownName: '<b>Nia</b>',
      contentNoteText: '<i onmouseover=x>',
    });
    await approve(author, id, 1);
    await publish(moderator, id);
    for (const [browser, path] of [
      [new TestBrowser(t), `/stories/${id}`],
      [new TestBrowser(t), '/stories'],
      [author, `/my-stories/${id}`],
      [author, `/my-stories/${id}/versions/1`],
      [moderator, `/moderation/stories/${id}`],
      [moderator, '/moderation/stories'],
    ] as const) {
      const html = await (await browser.get(path)).text();
      expect(html, path).not.toMatch(
        /<script>alert|<img src=x|<a href="javascript|<div hx-get|<b>Nia|<i onmouseover/,
      );
      expect(html, path).not.toMatch(/<[a-z][^>]*\shx-(get|trigger|swap)=["']/);
      expect(html, path).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });

  it('strips direction overrides and control characters from what is stored', async () => {
    const author = await personWith(t, 'mira@example.org', ['storyteller']);
    const id = await writeStory(author, {
      title: 'Safe\u202Etxt.exe\u0007',
      shownName: 'Ana\u2066\u200F',
    });
    const [version] = (await loadStory(t.db, id))!.versions;
    expect(version!.title).toBe('Safetxt.exe');
    expect(version!.shownName).toBe('Ana');
  });

  it('answers empty and over-long forms with 400, plain errors and what was typed, and writes nothing', async () => {
    const author = await personWith(t, 'mira@example.org', ['storyteller']);
    const empty = await author.post('/my-stories', { title: '', body: '   ', language: 'en' });
    expect(empty.status).toBe(400);
    const emptyText = visibleText(await empty.text());
    expect(emptyText).toContain('Please give your story a title.');
    expect(emptyText).toContain('Please write your story.');

    const huge = await author.post(
      '/my-stories',
      storyFields({ title: 'Kept title', body: 'word '.repeat(5000) }),
    );
    expect(huge.status).toBe(400);
    const hugeHtml = await huge.text();
    expect(hugeHtml).toContain('The story is too long');
    expect(hugeHtml).toContain('value="Kept title"');

    const bad = await author.post(
      '/my-stories',
      storyFields({ language: 'xx', contentNotes: 'nonsense' }),
    );
    expect(bad.status).toBe(400);
    const tooBig = await author.post('/my-stories', storyFields({ body: 'x'.repeat(300_000) }));
    expect(tooBig.status).toBe(413);
    expect(await t.db.select().from(stories).all()).toHaveLength(0);
  });

  it('gives two concurrent edits two version numbers, and never changes a version in place', async () => {
    const author = await personWith(t, 'mira@example.org', ['storyteller']);
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const id = await writeStory(author);
    await author.post(`/my-stories/${id}/submission`);
    const results = await Promise.all([
      author.post(`/my-stories/${id}/versions`, storyFields({ body: 'A' })),
      moderator.post(`/moderation/stories/${id}/versions`, storyFields({ body: 'B' })),
      author.post(`/my-stories/${id}/versions`, storyFields({ body: 'C' })),
    ]);
    expect(results.map((r) => r.status)).toEqual([303, 303, 303]);
    const numbers = (await t.db.select().from(storyVersions).all()).map((v) => v.number).sort();
    expect(numbers).toEqual([1, 2, 3, 4]);
    await expect(t.db.update(storyVersions).set({ body: 'changed' })).rejects.toThrow();
  });

  it('writes one audit line for a repeated or concurrent submit, publish and withdrawal', async () => {
    const author = await personWith(t, 'mira@example.org', ['storyteller']);
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const id = await writeStory(author);
    await Promise.all([
      author.post(`/my-stories/${id}/submission`),
      author.post(`/my-stories/${id}/submission`),
    ]);
    await approve(author, id, 1);
    const approval = (await loadStory(t.db, id))!.approvals[0]!.id;
    await Promise.all([
      moderator.post(`/moderation/stories/${id}/publication`, { approval }),
      moderator.post(`/moderation/stories/${id}/publication`, { approval }),
    ]);
    await Promise.all([
      author.post(`/my-stories/${id}/withdrawal`),
      author.post(`/my-stories/${id}/withdrawal`),
    ]);
    const actions = (await t.db.select().from(storyEvents).all()).map((e) => e.action).sort();
    expect(actions).toEqual(['approved', 'created', 'published', 'submitted', 'withdrawn']);
  });

  it('keeps the history free of any story text', async () => {
    const author = await personWith(t, 'mira@example.org', ['storyteller']);
    const id = await writeStory(author, {
      title: 'Unique title words',
      body: 'Unique body words.',
    });
    await author.post(
      `/my-stories/${id}/versions`,
      storyFields({ title: 'Unique title words', body: 'Changed body words.' }),
    );
    const events = JSON.stringify(await t.db.select().from(storyEvents).all());
    expect(events).not.toMatch(/Unique|Changed|mira@/);
  });
});
