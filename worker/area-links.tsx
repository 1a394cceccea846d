/**
 * Where one area shows another's content, wired in one place so neither area's modules need to
 * know the other: stories may be linked from campaigns only within their consent scope.
 */
import { listPublicCampaigns } from '../db/campaigns';
import { campaignOptionSources } from '../db/story-campaigns';
import { listStoriesForCampaign } from '../db/stories';
import { CampaignStories } from '../web/components/campaign-stories';
import { campaignPageSlots } from './campaign-slots';

let wired = false;

/** Registers the links once (createApp may run more than once in a process, e.g. in tests). */
export const wireAreaLinks = (): void => {
  if (wired) return;
  wired = true;

  // A storyteller can give consent for any campaign the public can see.
  campaignOptionSources.push(async (db) => (await listPublicCampaigns(db)).map((campaign) => ({ id: campaign.id, title: campaign.title })));

  // A campaign page lists the stories consented for it: published, not withdrawn, not expired.
  campaignPageSlots.push(async (c, campaign) => {
    const stories = await listStoriesForCampaign(c.get('db'), campaign.id);
    return <CampaignStories t={c.get('t')} locale={c.get('locale')} stories={stories} />;
  });
};
