import type { Database } from '../core/database';

/**
 * Campaigns a storyteller may pick when giving consent. The stories area does not know the
 * campaigns' tables: the app passes the source in (worker/area-links.tsx).
 */
export interface CampaignOption {
  id: string;
  title: string;
}
export type CampaignOptionSource = (db: Database) => Promise<CampaignOption[]>;

/** Campaign ids are kept as a comma-separated list: an id must be plain. */
const PLAIN_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const listCampaignOptions = async (
  db: Database,
  source: CampaignOptionSource,
): Promise<CampaignOption[]> => (await source(db)).filter((option) => PLAIN_ID.test(option.id));
