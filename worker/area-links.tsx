/**
 * Where one area shows another's content, wired in one place so neither area's modules need to
 * know the other: stories may be linked from campaigns only within their consent scope; events
 * may be part of their organizer's own public campaigns.
 */
import { getCampaign, listOwnCampaigns, listPublicCampaigns } from '../db/campaigns/campaigns';
import { isPublicCampaign } from '../db/campaigns/rules';
import { listUpcomingCampaignEvents } from '../db/events/events';
import { campaignOptionSources } from '../db/stories/campaigns';
import { listStoriesForCampaign } from '../db/stories/stories';
import { CampaignEvents } from '../web/views/campaigns/campaign-events';
import { CampaignStories } from '../web/views/campaigns/campaign-stories';
import { campaignPageSlots } from './campaigns/slots';
import { eventCampaigns } from './events/campaigns';

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

  // An organizer links an event only to a campaign of their own that the public can see; the
  // event page links back only while the public can see it.
  eventCampaigns.choices = async (db, organizerId) =>
    (await listOwnCampaigns(db, organizerId)).filter(isPublicCampaign).map((campaign) => ({ id: campaign.id, title: campaign.title, language: campaign.contentLanguage }));
  eventCampaigns.shown = async (db, campaignId) => {
    const campaign = await getCampaign(db, campaignId);
    return campaign && isPublicCampaign(campaign) ? { id: campaign.id, title: campaign.title, language: campaign.contentLanguage } : null;
  };

  // A campaign page lists its upcoming published events: no drafts, cancelled or past ones.
  campaignPageSlots.push(async (c, campaign) => {
    const events = await listUpcomingCampaignEvents(c.get('db'), campaign.id);
    return <CampaignEvents t={c.get('t')} locale={c.get('locale')} events={events} />;
  });
};
