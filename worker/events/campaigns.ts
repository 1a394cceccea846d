import type { Database } from '../../db/core/database';

/** A campaign as the events area sees it: enough to offer it in a form and link to it. */
export interface EventCampaign {
  id: string;
  title: string;
  /** The language the title is written in. */
  language: string;
}

/**
 * The seam between events and campaigns, so the events area need not know the campaigns'
 * rules. The app's area links (worker/area-links.tsx) fill it in; routes read it from the context.
 */
export interface EventCampaignLinks {
  /** The campaigns an organizer may link an event to: their own, that the public can see. */
  choices: (db: Database, organizerId: string) => Promise<EventCampaign[]>;
  /** The campaign an event page links back to, or null when the public cannot see it. */
  shown: (db: Database, campaignId: string) => Promise<EventCampaign | null>;
}
