import { and, eq, gte, inArray, isNull, or, type Placeholder, type SQL } from 'drizzle-orm';
import { campaigns } from '../schema';

/**
 * The campaigns' rules that are checked both on a row in TypeScript and inside a statement in
 * SQL. Each rule keeps its two forms side by side here, so they cannot drift apart: a page
 * that shows a form and the statement that accepts it answer the same question the same way.
 */

type CampaignRow = typeof campaigns.$inferSelect;
type CampaignStatus = CampaignRow['status'];

/** States the public may see. Drafts and campaigns waiting for a moderator are never public. */
export const PUBLIC_STATUSES = [
  'published',
  'closed',
  'delivered',
] as const satisfies readonly CampaignStatus[];

export const isPublicCampaign = (campaign: Pick<CampaignRow, 'status'>): boolean =>
  (PUBLIC_STATUSES as readonly string[]).includes(campaign.status);

/** `isPublicCampaign` as a condition on the `campaigns` table. */
export const publicCampaignCondition = (): SQL => inArray(campaigns.status, [...PUBLIC_STATUSES]);

/**
 * The states an organizer may close a campaign from, and deliver it from. Closing stays offered
 * after the end date: it starts the clock on deleting the signers' details (signatures.ts).
 */
export const CLOSABLE_STATUSES = ['published'] as const satisfies readonly CampaignStatus[];
export const DELIVERABLE_STATUSES = [
  'published',
  'closed',
] as const satisfies readonly CampaignStatus[];

export const canBeClosed = (campaign: Pick<CampaignRow, 'status'>): boolean =>
  (CLOSABLE_STATUSES as readonly string[]).includes(campaign.status);
export const canBeDelivered = (campaign: Pick<CampaignRow, 'status'>): boolean =>
  (DELIVERABLE_STATUSES as readonly string[]).includes(campaign.status);

/** The day (YYYY-MM-DD, UTC) that end dates are compared with. */
export const utcDay = (now: Date): string => now.toISOString().slice(0, 10);

/**
 * Open for signatures and calls: published, and the end date not passed. The end date is
 * inclusive and read in UTC; an empty end date means none.
 */
export const isOpenForSigning = (
  campaign: Pick<CampaignRow, 'status' | 'endsOn'>,
  now = new Date(),
): boolean =>
  campaign.status === 'published' && (!campaign.endsOn || campaign.endsOn >= utcDay(now));

/**
 * The state a campaign is shown to the public in: a published campaign past its end date reads
 * as closed, as it is for signing, until its organizer closes or delivers it.
 */
export const shownStatus = (
  campaign: Pick<CampaignRow, 'status' | 'endsOn'>,
  now = new Date(),
): CampaignStatus =>
  campaign.status === 'published' && !isOpenForSigning(campaign, now) ? 'closed' : campaign.status;

/**
 * `isOpenForSigning` as a condition on the `campaigns` table. `today` is `utcDay(now)`, or a
 * placeholder bound to it in a prepared statement.
 */
export const openForSigningCondition = (today: string | Placeholder): SQL =>
  and(
    eq(campaigns.status, 'published'),
    or(isNull(campaigns.endsOn), eq(campaigns.endsOn, ''), gte(campaigns.endsOn, today)),
  )!;
