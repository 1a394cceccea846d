import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Campaign } from '../../db/campaigns/campaigns';
import type { AppEnv } from '../env';

/**
 * The seam for other areas on a campaign page: the events area has a slot listing the
 * campaign's upcoming events, the stories area one listing stories whose consent scope includes
 * this campaign. Each slot draws its own section (or null), after "Why it matters". The slots
 * come with the app's area links (worker/area-links.tsx), read from the context.
 */
export type CampaignPageSlot = (c: Context<AppEnv>, campaign: Campaign) => Promise<Child | null>;
