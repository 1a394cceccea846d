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

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

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
      new Date(Date.UTC(2026, 0, i)),
    );
  }
};
const titles = (html: string) =>
  [...html.matchAll(/<a href="\/stories\/[a-z0-9]+">(Story \d+)<\/a>/g)].map((m) => m[1]);

describe('/stories pages', () => {
  it(`shows ${STORIES_PER_PAGE} stories a page, newest first, with plain links between pages`, async () => {
    await publishStories(STORIES_PER_PAGE + 1);
    const first = await (await new TestBrowser(t).get('/stories')).text();
    expect(titles(first)).toHaveLength(STORIES_PER_PAGE);
    expect(titles(first)[0]).toBe(`Story ${STORIES_PER_PAGE + 1}`);
    expect(first).toContain('<a href="/stories?page=2" rel="next">');
    expect(visibleText(first)).toContain('Page 1 of 2');

    const second = await (await new TestBrowser(t).get('/stories?page=2')).text();
    expect(titles(second)).toEqual(['Story 1']);
    expect(second).toContain('<a href="/stories?page=1" rel="prev">');
  });

  it('answers a page out of range or not a number with the nearest real page, never an error', async () => {
    await publishStories(2);
    for (const page of ['0', '-3', 'abc', '99999999999999999999', '2']) {
      const res = await new TestBrowser(t).get(`/stories?page=${page}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(titles(html)).toEqual(['Story 2', 'Story 1']);
      expect(html).not.toContain('class="pagination"');
    }
  });
});
