import type { Database } from '../../db/core/database';

/** A campaign as the events area sees it: enough to offer it in a form and link to it. */
export interface EventCampaign {
  id: string;
  title: string;
  /** The language the title is written in. */
  language: string;
}

/**
 * The seam between events and campaigns, filled in worker/area-links.tsx so the events area
 * need not know the campaigns' rules. Until it is wired no campaign can be chosen or shown.
 */
export const eventCampaigns = {
  /** The campaigns an organizer may link an event to: their own, that the public can see. */
  choices: async (_db: Database, _organizerId: string): Promise<EventCampaign[]> => [],
  /** The campaign an event page links back to, or null when the public cannot see it. */
  shown: async (_db: Database, _campaignId: string): Promise<EventCampaign | null> => null,
};
