import { and, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../core/database';
import { keysetPage, seconds, type KeyPart, type KeysetPage, type PageAsk } from '../core/keyset';
import { campaigns, campaignSignatures } from '../schema';
import { flatten, type CampaignSummary } from './campaigns';
import {
  isOpenForSigning,
  openForSigningCondition,
  publicCampaignCondition,
  utcDay,
} from './rules';

export const CAMPAIGNS_PER_PAGE = 20;

/** /campaigns in keyset order (db/core/keyset.ts): open ones first, then newest published first. */
const campaignListKey = (now: Date) =>
  [
    {
      column: sql<number>`(case when ${openForSigningCondition(utcDay(now))} then 0 else 1 end)`,
      kind: 'int',
    },
    { column: campaigns.publishedAt, kind: 'int', descending: true },
    { column: campaigns.id, kind: 'text', descending: true },
  ] as const satisfies readonly KeyPart[];

/**
 * One page of /campaigns. Signatures are counted for the page's campaigns only, after the page
 * is chosen: counted inside the ordered query, SQLite would count every public campaign's
 * signatures before sorting them (100,000 signatures read for 20 shown).
 */
export const listPublicCampaignsPage = async (
  db: Database,
  ask: PageAsk,
  now = new Date(),
): Promise<KeysetPage<CampaignSummary>> => {
  const page = await keysetPage({
    key: campaignListKey(now),
    ask,
    size: CAMPAIGNS_PER_PAGE,
    keyOf: (row: typeof campaigns.$inferSelect) => [
      isOpenForSigning(row, now) ? 0 : 1,
      seconds(row.publishedAt),
      row.id,
    ],
    fetch: (where, orderBy, limit) =>
      db
        .select()
        .from(campaigns)
        .where(and(publicCampaignCondition(), where))
        .orderBy(...orderBy)
        .limit(limit)
        .all(),
  });
  const counts = new Map<string, number>();
  if (page.items.length > 0) {
    const rows = await db
      .select({ id: campaignSignatures.campaignId, n: sql<number>`count(*)` })
      .from(campaignSignatures)
      .where(
        and(
          inArray(
            campaignSignatures.campaignId,
            page.items.map((item) => item.id),
          ),
          isNotNull(campaignSignatures.confirmedAt),
        ),
      )
      .groupBy(campaignSignatures.campaignId)
      .all();
    for (const row of rows) counts.set(row.id, row.n);
  }
  return {
    ...page,
    items: flatten(
      page.items.map((campaign) => ({ campaign, signatures: counts.get(campaign.id) ?? 0 })),
      now,
    ),
  };
};
