import { and, eq } from 'drizzle-orm';
import type { Database } from '../core/database';
import {
  keysetPage,
  QUEUE_PER_PAGE,
  timeThenId,
  type KeysetPage,
  type PageAsk,
} from '../core/keyset';
import { events, users } from '../schema';
import { withSlug } from './rules';

/** An event waiting for a moderator, with its organizer's email. */
export interface QueuedEvent {
  id: string;
  slug: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  organizerId: string | null;
  organizerEmail: string | null;
  description: string;
  contentLanguage: string;
  updatedAt: Date;
}

/**
 * Events waiting for a moderator, the longest waiting first (by when they were last sent or
 * changed), in keyset pages (db/core/keyset.ts).
 */
export const listSubmittedEventsPage = (
  db: Database,
  ask: PageAsk,
): Promise<KeysetPage<QueuedEvent>> =>
  keysetPage({
    ...timeThenId(events.updatedAt, events.id, (row: QueuedEvent) => row.updatedAt),
    ask,
    size: QUEUE_PER_PAGE,
    fetch: (where, orderBy, limit) =>
      db
        .select({
          id: events.id,
          title: events.title,
          startsAt: events.startsAt,
          endsAt: events.endsAt,
          timeZone: events.timeZone,
          organizerId: events.organizerId,
          organizerEmail: users.email,
          description: events.description,
          contentLanguage: events.contentLanguage,
          updatedAt: events.updatedAt,
        })
        .from(events)
        .leftJoin(users, eq(users.id, events.organizerId))
        .where(and(eq(events.status, 'submitted'), where))
        .orderBy(...orderBy)
        .limit(limit)
        .all()
        .then((rows) => rows.map(withSlug)),
  });
