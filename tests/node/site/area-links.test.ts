import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeCampaign } from '../../../db/campaigns/campaigns';
import { publishedCampaign } from '../../support/campaigns';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';
import { approve, personWith, publish, writeStory } from '../../support/stories';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

/** A story published with consent for the given campaign ids only (not its own page). */
const storyFor = async (campaignIds: string, title: string) => {
  const author = await personWith(t, `author-${Math.random()}@example.org`, ['storyteller']);
  const moderator = await personWith(t, `mod-${Math.random()}@example.org`, ['moderator']);
  const id = await writeStory(author, { title });
  await author.post(`/my-stories/${id}/submission`);
  expect((await approve(author, id, 1, { campaignIds, months: '12' })).status).toBe(303);
  await publish(moderator, id);
  return { author, id };
};

describe('stories on campaign pages', () => {
  it('a storyteller can pick any public campaign, and the story shows only on the campaigns picked', async () => {
    const chosen = await publishedCampaign(t, { title: 'Safe beds now' });
    const other = await publishedCampaign(t, { title: 'Open the clinic on Sundays' });
    const author = await personWith(t, 'writer@example.org', ['storyteller']);
    const id = await writeStory(author);
    const approvalPage = await (await author.get(`/my-stories/${id}`)).text();
    expect(approvalPage).toContain(chosen);
    expect(visibleText(approvalPage)).toContain('Open the clinic on Sundays');

    const { id: storyId } = await storyFor(chosen, 'The night the bus came');
    const chosenPage = visibleText(await (await t.app.request(`/campaigns/${chosen}`)).text());
    expect(chosenPage).toContain('Stories shared for this campaign');
    expect(chosenPage).toContain('The night the bus came');
    const otherPage = visibleText(await (await t.app.request(`/campaigns/${other}`)).text());
    expect(otherPage).not.toContain('The night the bus came');
    expect(otherPage).not.toContain('Stories shared for this campaign');
    expect(storyId).toBeTruthy();
  });

  it('a withdrawn story leaves the campaign page at once', async () => {
    const campaign = await publishedCampaign(t);
    const { author, id } = await storyFor(campaign, 'Gone tomorrow');
    expect(visibleText(await (await t.app.request(`/campaigns/${campaign}`)).text())).toContain(
      'Gone tomorrow',
    );
    await author.post(`/my-stories/${id}/withdrawal`);
    expect(visibleText(await (await t.app.request(`/campaigns/${campaign}`)).text())).not.toContain(
      'Gone tomorrow',
    );
  });

  it('a closed campaign can still be chosen while the public can see it', async () => {
    const campaign = await publishedCampaign(t, { title: 'Closed but visible' });
    const owner = (await t.db.query.campaigns.findFirst())!.ownerId!;
    await closeCampaign(t.db, campaign, owner);
    const author = await personWith(t, 'w2@example.org', ['storyteller']);
    const id = await writeStory(author);
    expect(visibleText(await (await author.get(`/my-stories/${id}`)).text())).toContain(
      'Closed but visible',
    );
  });
});
