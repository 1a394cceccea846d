import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../core/database';
import {
  keysetPage,
  QUEUE_PER_PAGE,
  timeThenId,
  type KeysetPage,
  type PageAsk,
} from '../core/keyset';
import { campaigns } from '../schema';
import type { Campaign } from './campaigns';
import { DELIVERABLE_STATUSES } from './rules';

/** What a moderator reads of a campaign waiting for approval: the text as it would be published. */
export type QueuedCampaign = Pick<
  Campaign,
  | 'id'
  | 'title'
  | 'kind'
  | 'ask'
  | 'targetName'
  | 'targetRole'
  | 'body'
  | 'letterText'
  | 'targetPhone'
  | 'goal'
  | 'createdAt'
>;

/** A campaign with no organizer, as its queue lists it. */
export type OwnerlessCampaign = Pick<Campaign, 'id' | 'title' | 'status' | 'publishedAt'>;

/**
 * Campaigns waiting for a moderator's approval, oldest first, in keyset pages (db/core/keyset.ts).
 * Only the columns the queue shows: each column of each row costs to read.
 */
export const listSubmittedCampaignsPage = (
  db: Database,
  ask: PageAsk,
): Promise<KeysetPage<QueuedCampaign>> =>
  keysetPage({
    ...timeThenId(campaigns.createdAt, campaigns.id, (row: QueuedCampaign) => row.createdAt),
    ask,
    size: QUEUE_PER_PAGE,
    fetch: (where, orderBy, limit) =>
      db
        .select({
          id: campaigns.id,
          title: campaigns.title,
          kind: campaigns.kind,
          ask: campaigns.ask,
          targetName: campaigns.targetName,
          targetRole: campaigns.targetRole,
          body: campaigns.body,
          letterText: campaigns.letterText,
          targetPhone: campaigns.targetPhone,
          goal: campaigns.goal,
          createdAt: campaigns.createdAt,
        })
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
): Promise<KeysetPage<OwnerlessCampaign>> =>
  keysetPage({
    // A deliverable campaign was published; coalesce keeps the order total all the same.
    ...timeThenId(
      sql`coalesce(${campaigns.publishedAt}, 0)`,
      campaigns.id,
      (row: OwnerlessCampaign) => row.publishedAt,
    ),
    ask,
    size: QUEUE_PER_PAGE,
    fetch: (where, orderBy, limit) =>
      db
        .select({
          id: campaigns.id,
          title: campaigns.title,
          status: campaigns.status,
          publishedAt: campaigns.publishedAt,
        })
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
