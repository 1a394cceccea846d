import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';
import {
  approve,
  personWith,
  publish,
  publishableApproval,
  storyFields,
  writeStory,
} from '../../support/stories';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

describe('a story from draft to withdrawal', () => {
  it('goes draft → submit → moderator edit → author approves → publish → withdraw', async () => {
    const author = await personWith(t, 'mira@example.org', ['storyteller']);
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const visitor = new (await import('../../support/browser')).TestBrowser(t);

    const id = await writeStory(author);
    expect((await visitor.get(`/stories/${id}`)).status).toBe(404);
    // A draft is the author's alone: not even moderators see it before it is submitted.
    expect((await moderator.get(`/moderation/stories/${id}`)).status).toBe(404);

    expect((await author.post(`/my-stories/${id}/submission`)).status).toBe(303);
    const queue = await (await moderator.get('/moderation/stories')).text();
    expect(queue).toContain('Finding my way');

    const edit = await moderator.post(
      `/moderation/stories/${id}/versions`,
      storyFields({ body: 'The first winter was the hardest.\n\nThen a kind neighbour knocked.' }),
    );
    expect(edit.status).toBe(303);
    // Nothing approved: nothing to publish.
    expect(await publishableApproval(moderator, id)).toBeNull();

    const authorView = await (await author.get(`/my-stories/${id}`)).text();
    expect(authorView).toContain('Version 2');
    const diff = await (await author.get(`/my-stories/${id}/versions/2`)).text();
    expect(diff).toMatch(/<ins>.*kind/);
    expect(diff).toMatch(/<del>.*on my door/);

    expect((await approve(author, id, 2)).status).toBe(303);
    expect((await visitor.get(`/stories/${id}`)).status).toBe(404);
    expect((await publish(moderator, id)).status).toBe(303);

    const page = await visitor.get(`/stories/${id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Then a kind neighbour knocked.');
    expect(html.indexOf('Violence')).toBeLessThan(html.indexOf('<details'));
    expect(html).toMatch(/<details[^>]*>\s*<summary>Read the story<\/summary>/);
    expect(visibleText(await (await visitor.get('/stories')).text())).toContain('Finding my way');
    expect(html).not.toContain('mira@example.org');

    expect((await author.post(`/my-stories/${id}/withdrawal`)).status).toBe(303);
    const gone = await visitor.get(`/stories/${id}`);
    expect(gone.status).toBe(410);
    expect(await gone.text()).not.toContain('Finding my way');
    expect(visibleText(await (await visitor.get('/stories')).text())).not.toContain(
      'Finding my way',
    );
  });
});

describe('demo stories and French pages', () => {
  it('seeds two published example stories, one consented for the demo campaign', async () => {
    const { seedDemoData } = await import('../../../db/demo/seed');
    const { DEMO_STORY_CAMPAIGN_ID } = await import('../../../db/demo/stories');
    const { listPublishedStories, listStoriesForCampaign } =
      await import('../../../db/stories/stories');
    expect(await seedDemoData(t.db)).toContain('stories');
    const published = await listPublishedStories(t.db);
    expect(published).toHaveLength(2);
    expect(
      published.every((s) => /example|exemple/i.test(s.title) && /example|exemple/i.test(s.body)),
    ).toBe(true);
    expect(await listStoriesForCampaign(t.db, DEMO_STORY_CAMPAIGN_ID)).toHaveLength(1);
  });

  it('speaks French on every stories page', async () => {
    const author = await personWith(t, 'mira@example.org', ['storyteller']);
    const id = await writeStory(author);
    author.cookies.set('lang', 'fr');
    const page = visibleText(await (await author.get(`/my-stories/${id}`)).text());
    expect(page).toContain('Approuver la version 1');
    expect(page).toContain('Retirer mon témoignage');
    const form = visibleText(await (await author.get('/my-stories/new')).text());
    expect(form).toContain('Vous ne devez aucun détail à personne');
  });
});
