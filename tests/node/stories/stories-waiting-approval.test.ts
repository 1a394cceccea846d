import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stories } from '../../../db/schema';
import { listStoriesForCampaign } from '../../../db/stories/stories';
import { TestBrowser } from '../../support/browser';
import { visibleText, type TestApp } from '../../support/app';
import {
  approve,
  makeStoriesApp,
  personWith,
  publish,
  storyFields,
  writeStory,
} from '../../support/stories';

/**
 * An author approves a new version while an older one is published: the older stays public
 * under its own consent until a moderator publishes the new one. The author's page says exactly
 * that, and lets them keep the older one (nothing to do) or take it down now.
 */

let t: TestApp;
beforeEach(async () => {
  t = await makeStoriesApp();
});
afterEach(() => t.close());

/** Version 1 public on its page and campaign A; version 2 approved for campaign B and event quotes. */
const newerWaiting = async () => {
  const author = await personWith(t, 'mira@example.org', ['storyteller']);
  const moderator = await personWith(t, 'mod@example.org', ['moderator']);
  const id = await writeStory(author);
  const first = { ownPage: 'yes', campaignIds: 'camp-a', months: '12' };
  expect((await approve(author, id, 1, first)).status).toBe(303);
  expect((await publish(moderator, id)).status).toBe(303);
  await author.post(`/my-stories/${id}/versions`, storyFields({ body: 'Version two text.' }));
  const second = { campaignIds: 'camp-b', eventQuotes: 'yes', months: '6' };
  expect((await approve(author, id, 2, second)).status).toBe(303);
  return { author, moderator, id };
};

const page = async (browser: TestBrowser, id: string) =>
  visibleText(await (await browser.get(`/my-stories/${id}`)).text());

describe('a newer approval waiting behind a published version', () => {
  it('says what is public now and under which consent, and what waits under which', async () => {
    const { author, id } = await newerWaiting();
    const text = await page(author, id);
    expect(text).toMatch(/Public now: version 1, until [^.]+\. It is shown:/);
    expect(text).toContain('on its own page, and in the list of stories');
    expect(text).toContain('on the page of the campaign “Campaign A”');
    expect(text).toContain('Version 2 is waiting for a moderator');
    expect(text).toContain('on the page of the campaign “Campaign B”');
    expect(text).toContain('quoted in the descriptions of events by organizers');
    expect(text).toContain('version 1 stays public, where and until when you agreed for version 1');
    expect(text).toContain('To keep version 1 public until then, you do not need to do anything.');
    expect(text).toContain('Take version 1 down now');
    // Public: still version 1, as the page says.
    const story = await (await new TestBrowser(t).get(`/stories/${id}`)).text();
    expect(story).toContain('The first winter was the hardest.');
    expect(story).not.toContain('Version two text.');
  });

  it('takes the older version down at once, once, and keeps the newer one for the moderator', async () => {
    const { author, moderator, id } = await newerWaiting();
    const [a, b] = await Promise.all([
      author.post(`/my-stories/${id}/published-version-removal`),
      author.post(`/my-stories/${id}/published-version-removal`),
    ]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect((await new TestBrowser(t).get(`/stories/${id}`)).status).toBe(404);
    const text = await page(author, id);
    expect(text).toContain('Not published.');
    expect(text).not.toContain('Take version 1 down now');
    expect(text.match(/You took version 1 down/g)).toHaveLength(1);
    // The story is not withdrawn: the moderator publishes version 2 under its own consent.
    expect((await publish(moderator, id)).status).toBe(303);
    expect(await page(author, id)).toMatch(/Public now: version 2, until [^.]+\. It is shown:/);
    expect((await t.db.select().from(stories).get())?.withdrawnAt).toBeNull();
  });

  it('offers nothing to take down when no newer approval waits, and refuses a take-down of someone else’s story', async () => {
    const { author, moderator, id } = await newerWaiting();
    expect((await publish(moderator, id)).status).toBe(303);
    const text = await page(author, id);
    expect(text).toMatch(/Public now: version 2/);
    expect(text).not.toContain('is waiting for a moderator');
    expect((await moderator.post(`/my-stories/${id}/published-version-removal`)).status).toBe(404);
    // Version 2's own consent now: campaign B, not its own page.
    expect((await listStoriesForCampaign(t.db, 'camp-b')).map((s) => s.id)).toEqual([id]);
    expect((await new TestBrowser(t).get(`/stories/${id}`)).status).toBe(404);
  });

  it('says it in French', async () => {
    const { author, id } = await newerWaiting();
    author.cookies.set('lang', 'fr');
    const text = await page(author, id);
    expect(text).toMatch(/Public aujourd’hui : la version 1, jusqu’au [^.]+\. Elle est visible :/);
    expect(text).toContain('La version 2 attend un modérateur');
    expect(text).toContain('Retirer la version 1 maintenant');
  });
});
