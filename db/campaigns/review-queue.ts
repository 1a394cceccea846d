import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../core/database';
import { keysetPage, QUEUE_PER_PAGE, seconds, type KeysetPage, type PageAsk } from '../core/keyset';
import { campaigns } from '../schema';
import type { Campaign } from './campaigns';
import { DELIVERABLE_STATUSES } from './rules';

/** Campaigns waiting for a moderator's approval, oldest first, in keyset pages (db/core/keyset.ts). */
export const listSubmittedCampaignsPage = (
  db: Database,
  ask: PageAsk,
): Promise<KeysetPage<Campaign>> =>
  keysetPage({
    key: [
      { column: campaigns.createdAt, kind: 'int' },
      { column: campaigns.id, kind: 'text' },
    ],
    ask,
    size: QUEUE_PER_PAGE,
    keyOf: (row: Campaign) => [seconds(row.createdAt), row.id],
    fetch: (where, orderBy, limit) =>
      db
        .select()
        .from(campaigns)
        .where(and(eq(campaigns.status, 'submitted'), where))
        .orderBy(...orderBy)
        .limit(limit)
        .all(),
  });

/**
 * Campaigns whose organizer deleted their account and that still wait to be closed or
 * delivered: a moderator's to finish. Longest published first, in keyset pages.
 */
export const listOwnerlessCampaignsPage = (
  db: Database,
  ask: PageAsk,
): Promise<KeysetPage<Campaign>> =>
  keysetPage({
    key: [
      // A deliverable campaign was published; coalesce keeps the order total all the same.
      { column: sql`coalesce(${campaigns.publishedAt}, 0)`, kind: 'int' },
      { column: campaigns.id, kind: 'text' },
    ],
    ask,
    size: QUEUE_PER_PAGE,
    keyOf: (row: Campaign) => [seconds(row.publishedAt), row.id],
    fetch: (where, orderBy, limit) =>
      db
        .select()
        .from(campaigns)
        .where(
          and(
            isNull(campaigns.ownerId),
            inArray(campaigns.status, [...DELIVERABLE_STATUSES]),
            where,
          ),
        )
        .orderBy(...orderBy)
        .limit(limit)
        .all(),
  });
