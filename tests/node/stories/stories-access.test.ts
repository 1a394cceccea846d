import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stories, storyApprovals, storyEvents, storyVersions } from '../../../db/schema';
import { send, TestBrowser, type Route } from '../../support/browser';
import { makeTestApp, tablesSnapshot, type TestApp } from '../../support/app';
import { approve, personWith, publish, storyFields, writeStory } from '../../support/stories';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

/** Everything about stories in the database, to prove a refused request wrote nothing. */
const snapshot = () => tablesSnapshot(t, [stories, storyVersions, storyApprovals, storyEvents]);

/** Every route that can show or change one story, with what each sends. */
const routes = (id: string, approval: string): Route[] => [
  { method: 'GET', path: `/my-stories/${id}` },
  { method: 'GET', path: `/my-stories/${id}/edit` },
  { method: 'GET', path: `/my-stories/${id}/versions/1` },
  { method: 'GET', path: `/my-stories/${id}/versions/2` },
  {
    method: 'POST',
    path: `/my-stories/${id}/versions`,
    body: storyFields({ body: 'Hijacked text.' }),
  },
  { method: 'POST', path: `/my-stories/${id}/submission` },
  {
    method: 'POST',
    path: `/my-stories/${id}/approval`,
    body: { version: '2', ownPage: 'yes', months: '12' },
  },
  { method: 'POST', path: `/my-stories/${id}/withdrawal`, body: { deleteVersions: 'yes' } },
  { method: 'POST', path: `/my-stories/${id}/versions-deletion` },
  { method: 'GET', path: `/moderation/stories/${id}` },
  { method: 'GET', path: `/moderation/stories/${id}/versions/2` },
  {
    method: 'POST',
    path: `/moderation/stories/${id}/versions`,
    body: storyFields({ body: 'Hijacked text.' }),
  },
  { method: 'POST', path: `/moderation/stories/${id}/publication`, body: { approval } },
];

describe('who can reach a story that is not public', () => {
  it('gives everyone but the author and moderators nothing: 404 like a story that never existed, and writes nothing', async () => {
    const author = await personWith(t, 'mira@example.org', ['storyteller']);
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const id = await writeStory(author, { title: 'Secret draft title' });
    await author.post(`/my-stories/${id}/submission`);
    await moderator.post(
      `/moderation/stories/${id}/versions`,
      storyFields({ title: 'Secret draft title', body: 'Unapproved version 2.' }),
    );
    await approve(author, id, 1);
    const approval = (await t.db.select().from(storyApprovals).all())[0]!.id;
    const before = await snapshot();

    const other = await personWith(t, 'other@example.org', ['storyteller']);
    const organizer = await personWith(t, 'org@example.org', ['organizer']);
    const anonymous = new TestBrowser(t);
    const never = 'aaaaaaaaaaaaaaaaaaaaaaaa';

    for (const route of routes(id, approval)) {
      const label = `${route.method} ${route.path}`;
      // Anonymous: sent to sign in, never shown anything.
      const anon = await send(anonymous, route);
      expect(anon.status, label).toBe(303);
      expect(anon.headers.get('location'), label).toMatch(/^\/sign-in/);

      for (const [who, browser] of [
        ['another storyteller', other],
        ['an organizer', organizer],
      ] as const) {
        const res = await send(browser, route);
        const html = await res.text();
        expect([403, 404], `${who}: ${label}`).toContain(res.status);
        expect(html, `${who}: ${label}`).not.toContain('Secret draft title');
        if (res.status === 404 && route.path.startsWith('/my-stories')) {
          // Same answer as an id that never existed.
          const ghost = await send(browser, { ...route, path: route.path.replace(id, never) });
          expect(ghost.status, label).toBe(404);
        }
      }

      // A moderator acting on /my-stories is not the author: refused, whatever their role
      // (403 where writing needs the storyteller role they lack, 404 everywhere else).
      if (route.path.startsWith('/my-stories')) {
        const res = await send(moderator, route);
        expect([403, 404], `moderator: ${label}`).toContain(res.status);
        expect(await res.text()).not.toContain('Secret draft title');
      }
    }
    expect(await snapshot()).toBe(before);

    for (const browser of [anonymous, other, organizer, moderator]) {
      expect((await browser.get(`/stories/${id}`)).status).toBe(404);
      expect(await (await browser.get('/stories')).text()).not.toContain('Secret draft title');
    }
  });

  it('never shows moderators a draft the author has not submitted', async () => {
    const author = await personWith(t, 'mira@example.org', ['storyteller']);
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const id = await writeStory(author, { title: 'Private draft' });
    expect((await moderator.get(`/moderation/stories/${id}`)).status).toBe(404);
    expect((await moderator.get(`/moderation/stories/${id}/versions/1`)).status).toBe(404);
    expect(await (await moderator.get('/moderation/stories')).text()).not.toContain(
      'Private draft',
    );
  });

  it('shows the public only the published version, never a later unapproved one, and no email', async () => {
    const author = await personWith(t, 'mira@example.org', ['storyteller']);
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const id = await writeStory(author, { body: 'Published words.' });
    await approve(author, id, 1);
    await publish(moderator, id);
    await author.post(`/my-stories/${id}/versions`, storyFields({ body: 'Unapproved words.' }));
    const visitor = new TestBrowser(t);
    for (const path of [`/stories/${id}`, '/stories', `/stories/${id}?version=2`]) {
      const html = await (await visitor.get(path)).text();
      expect(html).not.toContain('Unapproved words.');
      expect(html).not.toContain('mira@example.org');
    }
    expect((await visitor.get(`/stories/${id}/versions/2`)).status).toBe(404);
  });

  it('keeps moderation pages from members without the role (403) and from visitors (sign in)', async () => {
    const storyteller = await personWith(t, 'mira@example.org', ['storyteller']);
    expect((await storyteller.get('/moderation/stories')).status).toBe(403);
    expect((await new TestBrowser(t).get('/moderation/stories')).status).toBe(303);
    const member = await personWith(t, 'member@example.org', []);
    expect((await member.get('/my-stories/new')).status).toBe(403);
    expect((await member.post('/my-stories', storyFields())).status).toBe(403);
    expect(await t.db.select().from(stories).all()).toHaveLength(0);
  });
});
