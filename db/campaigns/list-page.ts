import { and, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../core/database';
import {
  keysetPage,
  seconds,
  seekTemplate,
  type KeyPart,
  type KeysetPage,
  type PageAsk,
  type SeekDirection,
} from '../core/keyset';
import { preparedPerShape } from '../core/prepared';
import { campaigns, campaignSignatures } from '../schema';
import { flatten, type CampaignSummary } from './campaigns';
import {
  isOpenForSigning,
  openForSigningCondition,
  publicCampaignCondition,
  utcDay,
} from './rules';

export const CAMPAIGNS_PER_PAGE = 20;

/**
 * /campaigns in keyset order (db/core/keyset.ts): open ones first, then newest published first.
 * Whether one is open depends on the day: `today` is a placeholder of the prepared queries.
 */
const campaignListKey = [
  {
    column: sql<number>`(case when ${openForSigningCondition(sql.placeholder('today'))} then 0 else 1 end)`,
    kind: 'int',
  },
  { column: campaigns.publishedAt, kind: 'int', descending: true },
  { column: campaigns.id, kind: 'text', descending: true },
] as const satisfies readonly KeyPart[];

// The list's three statements (first page, after and before a cursor), and the signature count of
// one page for each number of campaigns on it, prepared once: drizzle built them on every request.
const listQuery = preparedPerShape(
  (direction: SeekDirection) => direction,
  (db, direction: SeekDirection) => {
    const seek = seekTemplate(campaignListKey, direction);
    return db
      .select()
      .from(campaigns)
      .where(and(publicCampaignCondition(), seek.where))
      .orderBy(...seek.orderBy)
      .limit(sql.placeholder('limit'))
      .prepare();
  },
);
const countQuery = preparedPerShape(String, (db, campaignsOnPage: number) =>
  db
    .select({ id: campaignSignatures.campaignId, n: sql<number>`count(*)` })
    .from(campaignSignatures)
    .where(
      and(
        inArray(
          campaignSignatures.campaignId,
          Array.from({ length: campaignsOnPage }, (_, i) => sql.placeholder(`id${i}`)),
        ),
        isNotNull(campaignSignatures.confirmedAt),
      ),
    )
    .groupBy(campaignSignatures.campaignId)
    .prepare(),
);

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
  const today = utcDay(now);
  const page = await keysetPage({
    key: campaignListKey,
    ask,
    size: CAMPAIGNS_PER_PAGE,
    keyOf: (row: typeof campaigns.$inferSelect) => [
      isOpenForSigning(row, now) ? 0 : 1,
      seconds(row.publishedAt),
      row.id,
    ],
    fetch: (_where, _orderBy, limit, seek) =>
      listQuery(db, seek.direction).all({ today, limit, ...seek.values }),
  });
  const counts = new Map<string, number>();
  if (page.items.length > 0) {
    const ids = Object.fromEntries(page.items.map((item, i) => [`id${i}`, item.id]));
    for (const row of await countQuery(db, page.items.length).all(ids)) counts.set(row.id, row.n);
  }
  return {
    ...page,
    items: flatten(
      page.items.map((campaign) => ({ campaign, signatures: counts.get(campaign.id) ?? 0 })),
      now,
    ),
  };
};
