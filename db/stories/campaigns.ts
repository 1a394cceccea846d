import type { Database } from '../core/database';

/**
 * Campaigns a storyteller may pick when giving consent. The campaigns area registers a source
 * here (as areas register seeders), so stories need not know its tables; until then the list
 * is empty and only the other places can be chosen.
 */
export interface CampaignOption {
  id: string;
  title: string;
}
export type CampaignOptionSource = (db: Database) => Promise<CampaignOption[]>;
export const campaignOptionSources: CampaignOptionSource[] = [];

/** Campaign ids are kept as a comma-separated list: an id must be plain. */
const PLAIN_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const listCampaignOptions = async (db: Database): Promise<CampaignOption[]> =>
  (await Promise.all(campaignOptionSources.map((source) => source(db)))).flat().filter((option) => PLAIN_ID.test(option.id));
