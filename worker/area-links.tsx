/**
 * Where one area shows another's content, built once here so neither area's modules need to
 * know the other: stories may be linked from campaigns only within their consent scope; events
 * may be part of their organizer's own public campaigns. The hosts (worker/index.ts,
 * worker/node.ts) pass `areaLinks` to createApp; routes read it from the context, and a test
 * passes its own.
 */
import { getCampaign, listOwnCampaigns, listPublicCampaigns } from '../db/campaigns/campaigns';
import { isPublicCampaign } from '../db/campaigns/rules';
import type { Database } from '../db/core/database';
import { listUpcomingCampaignEvents } from '../db/events/events';
import type { CampaignOption } from '../db/stories/campaigns';
import { listStoriesForCampaign } from '../db/stories/stories';
import { CampaignEvents } from '../web/views/campaigns/campaign-events';
import { CampaignStories } from '../web/views/campaigns/campaign-stories';
import type { CampaignPageSlot } from './campaigns/slots';
import type { EventCampaignLinks } from './events/campaigns';

export interface AreaLinks {
  /** What other areas draw on a campaign page, in this order, after "Why it matters". */
  campaignPageSlots: readonly CampaignPageSlot[];
  /** The campaigns an event may belong to, and the one its page links back to. */
  eventCampaigns: EventCampaignLinks;
  /** The campaigns a storyteller may pick when giving consent. */
  storyCampaignOptions: (db: Database) => Promise<CampaignOption[]>;
}

export const areaLinks: AreaLinks = {
  campaignPageSlots: [
    // A campaign page lists the stories consented for it: published, not withdrawn, not expired.
    async (c, campaign) => {
      const stories = await listStoriesForCampaign(c.get('db'), campaign.id);
      return <CampaignStories t={c.get('t')} locale={c.get('locale')} stories={stories} />;
    },
    // A campaign page lists its upcoming published events: no drafts, cancelled or past ones.
    async (c, campaign) => {
      const events = await listUpcomingCampaignEvents(c.get('db'), campaign.id);
      return <CampaignEvents t={c.get('t')} locale={c.get('locale')} events={events} />;
    },
  ],

  // An organizer links an event only to a campaign of their own that the public can see; the
  // event page links back only while the public can see it.
  eventCampaigns: {
    choices: async (db, organizerId) =>
      (await listOwnCampaigns(db, organizerId)).filter(isPublicCampaign).map((campaign) => ({
        id: campaign.id,
        title: campaign.title,
        language: campaign.contentLanguage,
      })),
    shown: async (db, campaignId) => {
      const campaign = await getCampaign(db, campaignId);
      return campaign && isPublicCampaign(campaign)
        ? { id: campaign.id, title: campaign.title, language: campaign.contentLanguage }
        : null;
    },
  },

  // A storyteller can give consent for any campaign the public can see.
  storyCampaignOptions: async (db) =>
    (await listPublicCampaigns(db)).map((campaign) => ({ id: campaign.id, title: campaign.title })),
};
