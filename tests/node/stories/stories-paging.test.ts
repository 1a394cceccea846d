import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  approveStoryVersion,
  createStory,
  loadStory,
  publishStoryApproval,
  STORIES_PER_PAGE,
} from '../../../db/stories/stories';
import { findOrCreateUser } from '../../../db/accounts/users';
import { TestBrowser } from '../../support/browser';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';
import { GARBAGE_CURSORS, relLink, walkPages } from '../../support/paging';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

/** Stories 1…count, published a day apart (two on the last day, to tie on the date). */
const publishStories = async (count: number) => {
  const author = await findOrCreateUser(t.db, 'writer@example.org');
  for (let i = 1; i <= count; i++) {
    const id = await createStory(t.db, author.id, {
      title: `Story ${i}`,
      body: 'Plain words.',
      shownName: '',
      language: 'en',
      contentNotes: [],
      contentNoteText: '',
    });
    await approveStoryVersion(t.db, {
      storyId: id,
      authorId: author.id,
      versionNumber: 1,
      consent: { ownPage: true, campaignIds: [], eventQuotes: false, months: 12 },
      siteOrigin: 'http://localhost',
    });
    await publishStoryApproval(
      t.db,
      id,
      (await loadStory(t.db, id))!.approvals[0]!.id,
      new Date(Date.UTC(2026, 0, Math.min(i, count - 1))),
    );
  }
};
const titles = (html: string) =>
  [...html.matchAll(/<a href="\/stories\/[a-z0-9]+">(Story \d+)<\/a>/g)].map((m) => m[1]!);

describe('/stories pages', () => {
  it('walks every story once, newest first, in pages of 20 with plain links', async () => {
    const count = 2 * STORIES_PER_PAGE + 3;
    await publishStories(count);
    const browser = new TestBrowser(t);
    const pages = await walkPages(browser, '/stories');
    expect(pages.map((html) => titles(html).length)).toEqual([
      STORIES_PER_PAGE,
      STORIES_PER_PAGE,
      3,
    ]);
    const seen = pages.flatMap(titles);
    // Disjoint, complete, and in order (the two stories sharing a date included once each).
    expect(new Set(seen).size).toBe(count);
    expect(seen.slice(2)).toEqual(
      Array.from({ length: count - 2 }, (_, i) => `Story ${count - 2 - i}`),
    );
    expect(relLink(pages[0]!, 'prev')).toBeNull();
    expect(relLink(pages.at(-1)!, 'next')).toBeNull();
    expect(pages[0]).toContain('<nav class="pagination" aria-label="Pages of stories">');

    // Back from the last page with "Previous page": the same pages, the other way.
    const lastHref = relLink(pages[1]!, 'next')!;
    const back = await walkPages(browser, lastHref, 'prev');
    expect(back.map(titles)).toEqual(pages.map(titles).reverse());
  });

  it('draws no page links when every story fits on one page', async () => {
    await publishStories(2);
    const html = await (await new TestBrowser(t).get('/stories')).text();
    expect(titles(html).sort()).toEqual(['Story 1', 'Story 2']);
    expect(html).not.toContain('class="pagination"');
  });

  it('answers a cursor it does not recognise with the first page, never an error', async () => {
    await publishStories(STORIES_PER_PAGE + 1);
    const first = titles(await (await new TestBrowser(t).get('/stories')).text());
    for (const cursor of [...GARBAGE_CURSORS, '']) {
      for (const name of ['after', 'before', 'page']) {
        const res = await new TestBrowser(t).get(`/stories?${name}=${encodeURIComponent(cursor)}`);
        expect(res.status).toBe(200);
        expect(titles(await res.text())).toEqual(first);
      }
    }
    // A cursor past the end is an empty page that still leads back.
    const res = await new TestBrowser(t).get('/stories?after=1.aaaa');
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(titles(html)).toEqual([]);
    expect(relLink(html, 'prev')).toBe('/stories?before=1.aaaa');
  });

  it('names the links in French', async () => {
    await publishStories(STORIES_PER_PAGE + 1);
    const browser = new TestBrowser(t, 'http://localhost', { 'Accept-Language': 'fr' });
    const first = await (await browser.get('/stories')).text();
    expect(first).toContain('aria-label="Pages des témoignages"');
    expect(visibleText(first)).toContain('Page suivante');
    const second = await (await browser.get(relLink(first, 'next')!)).text();
    expect(visibleText(second)).toContain('Page précédente');
  });
});
