import { and, count, desc, eq, gt, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../core/database';
import {
  circleCharterVersions,
  circleCheckInMessages,
  circleCheckInNudges,
  circleMembers,
  circles,
  users,
} from '../schema';
import { checkInPeriod, type Pace } from './check-in-periods';
import type { CircleRow } from './circles';
import { deliverableAt } from './quiet-hours';
import { checkInClosedBecause, isTakingSpace, newCircleId, takingSpaceSql } from './rules';

/** SQL: the topics to avoid of the current charter of the circle `circleId` (a column or an id), or null. */
const currentTopicsSql = (circleId: SQL | string) =>
  sql<string | null>`(SELECT ${circleCharterVersions.topicsToAvoid}
    FROM ${circleCharterVersions} WHERE ${circleCharterVersions.circleId} = ${circleId}
    ORDER BY ${circleCharterVersions.number} DESC LIMIT 1)`;

/** The topics to avoid of the current charter ('' when none): every nudge and check-in form shows them. */
export const topicsToAvoid = async (db: Database, circleId: string): Promise<string> =>
  (
    await db
      .select({ topics: currentTopicsSql(circleId) })
      .from(circles)
      .where(eq(circles.id, circleId))
      .get()
  )?.topics ?? '';

/** Where a member stands with checking in now: closed (and why), already done, or open. */
export type MyCheckIn =
  | { state: 'closed'; because: 'space' | 'never' }
  | { state: 'sent'; sentAt: Date; nextStartsAt: Date }
  | { state: 'open'; nudged: boolean; topicsToAvoid: string };

export const myCheckIn = async (
  db: Database,
  circle: CircleRow,
  memberId: string,
  now = new Date(),
): Promise<MyCheckIn> => {
  const closed = checkInClosedBecause(circle, now);
  if (closed) return { state: 'closed', because: closed };
  const period = checkInPeriod(circle.checkInPace as Pace, now, circle.timeZone);
  const [sent, nudge, topics] = await Promise.all([
    db
      .select({ createdAt: circleCheckInMessages.createdAt })
      .from(circleCheckInMessages)
      .where(
        and(
          eq(circleCheckInMessages.memberId, memberId),
          eq(circleCheckInMessages.periodKey, period.key),
        ),
      )
      .get(),
    db
      .select({ id: circleCheckInNudges.id })
      .from(circleCheckInNudges)
      .where(
        and(
          eq(circleCheckInNudges.memberId, memberId),
          eq(circleCheckInNudges.periodKey, period.key),
          isNotNull(circleCheckInNudges.sentAt),
        ),
      )
      .get(),
    topicsToAvoid(db, circle.id),
  ]);
  if (sent) return { state: 'sent', sentAt: sent.createdAt, nextStartsAt: period.nextStartsAt };
  return { state: 'open', nudged: nudge !== undefined, topicsToAvoid: topics };
};

export type SendCheckInResult =
  | { sent: true; id: string; mailOwnerNow: boolean }
  | { sent: false; because: 'space' | 'never' | 'already' };

/**
 * A member's check-in to the owner: one per member and period. The insert itself checks, in
 * the same statement, that the circle is open, the pace unchanged and the owner not taking
 * space (an owner who pressed "I need space" a moment ago gets nothing), and the unique
 * (member, period) key makes a second message in the period, or a double submit, a no-op.
 */
export const sendCheckIn = async (
  db: Database,
  circle: CircleRow,
  memberId: string,
  body: string,
  now = new Date(),
): Promise<SendCheckInResult> => {
  const closed = checkInClosedBecause(circle, now);
  if (closed) return { sent: false, because: closed };
  const period = checkInPeriod(circle.checkInPace as Pace, now, circle.timeZone);
  const id = newCircleId();
  const at = Math.floor(now.getTime() / 1000);
  const mailDue = circle.checkInByEmail ? deliverableAt(circle, now) : null;
  const mailDueAt = mailDue ? Math.floor(mailDue.getTime() / 1000) : null;
  const inserted = await db.all<{ id: string }>(sql`
    INSERT INTO circle_check_in_messages
      (id, circle_id, member_id, body, period_key, created_at, owner_mail_due_at)
    SELECT ${id}, ${circle.id}, ${memberId}, ${body}, ${period.key}, ${at}, ${mailDueAt}
    FROM ${circles}
    WHERE ${circles.id} = ${circle.id} AND ${circles.closedAt} IS NULL
      AND ${circles.checkInPace} = ${circle.checkInPace} AND NOT ${takingSpaceSql(now)}
      AND EXISTS (SELECT 1 FROM ${circleMembers} WHERE ${circleMembers.id} = ${memberId}
                  AND ${circleMembers.circleId} = ${circle.id} AND ${circleMembers.endedAt} IS NULL)
    ON CONFLICT DO NOTHING
    RETURNING id`);
  if (inserted.length === 1)
    return { sent: true, id, mailOwnerNow: mailDue !== null && mailDue <= now };
  // Nothing inserted: the period's message exists, or the circle changed under us.
  const fresh = await db.select().from(circles).where(eq(circles.id, circle.id)).get();
  const because = fresh ? checkInClosedBecause(fresh, now) : 'space';
  return { sent: false, because: because ?? 'already' };
};

/** The owner's address and language, to tell them by email of check-ins. */
export interface OwnerMail {
  email: string;
  locale: 'en' | 'fr';
}

/**
 * Claims the email telling the owner of one check-in (a conditional update: it goes once) and
 * returns where to send it; null when no email is due now (site only, held, already sent).
 */
export const claimOwnerMail = async (
  db: Database,
  messageId: string,
  now: Date,
): Promise<OwnerMail | null> => {
  const [claimed] = await db
    .update(circleCheckInMessages)
    .set({ ownerMailedAt: now })
    .where(
      and(
        eq(circleCheckInMessages.id, messageId),
        isNull(circleCheckInMessages.ownerMailedAt),
        isNotNull(circleCheckInMessages.ownerMailDueAt),
        sql`${circleCheckInMessages.ownerMailDueAt} <= ${Math.floor(now.getTime() / 1000)}`,
      ),
    )
    .returning({ circleId: circleCheckInMessages.circleId });
  if (!claimed) return null;
  const owner = await db
    .select({ email: users.email, locale: users.locale })
    .from(circles)
    .innerJoin(users, eq(users.id, circles.ownerId))
    .where(eq(circles.id, claimed.circleId))
    .get();
  return owner ?? null;
};

/**
 * What "I need space" stops at once, in the same batch that starts it: nudges not yet
 * delivered are dropped, and emails of check-ins not yet sent are never sent.
 */
export const stopCheckInsStatements = (db: Database, circleId: string): BatchItem<'sqlite'>[] => [
  db
    .delete(circleCheckInNudges)
    .where(and(eq(circleCheckInNudges.circleId, circleId), isNull(circleCheckInNudges.sentAt))),
  db
    .update(circleCheckInMessages)
    .set({ ownerMailDueAt: null })
    .where(
      and(
        eq(circleCheckInMessages.circleId, circleId),
        isNull(circleCheckInMessages.ownerMailedAt),
      ),
    ),
];

/** The owner's inbox: newest first, each by the name its member chose (null once they are gone). */
export const listInbox = async (db: Database, circleId: string, limit = 200) =>
  db
    .select({
      id: circleCheckInMessages.id,
      body: circleCheckInMessages.body,
      createdAt: circleCheckInMessages.createdAt,
      readAt: circleCheckInMessages.readAt,
      name: circleMembers.displayName,
    })
    .from(circleCheckInMessages)
    .leftJoin(circleMembers, eq(circleMembers.id, circleCheckInMessages.memberId))
    .where(eq(circleCheckInMessages.circleId, circleId))
    .orderBy(desc(circleCheckInMessages.createdAt), desc(circleCheckInMessages.id))
    .limit(limit)
    .all();
export type InboxMessage = Awaited<ReturnType<typeof listInbox>>[number];

/** One message of this circle's inbox (an id of another circle finds nothing). */
export const findInboxMessage = async (db: Database, circleId: string, messageId: string) =>
  (await db
    .select({
      id: circleCheckInMessages.id,
      body: circleCheckInMessages.body,
      createdAt: circleCheckInMessages.createdAt,
      readAt: circleCheckInMessages.readAt,
      name: circleMembers.displayName,
    })
    .from(circleCheckInMessages)
    .leftJoin(circleMembers, eq(circleMembers.id, circleCheckInMessages.memberId))
    .where(
      and(eq(circleCheckInMessages.id, messageId), eq(circleCheckInMessages.circleId, circleId)),
    )
    .get()) ?? null;

/** Marks one message of this circle read; false when the id is not one of its messages. */
export const markCheckInRead = async (
  db: Database,
  circleId: string,
  messageId: string,
  now = new Date(),
): Promise<boolean> => {
  const rows = await db
    .update(circleCheckInMessages)
    .set({
      readAt: sql`coalesce(${circleCheckInMessages.readAt}, ${Math.floor(now.getTime() / 1000)})`,
    })
    .where(
      and(eq(circleCheckInMessages.id, messageId), eq(circleCheckInMessages.circleId, circleId)),
    )
    .returning({ id: circleCheckInMessages.id });
  return rows.length === 1;
};

/** How many check-ins the owner has not read yet. */
export const unreadCheckIns = async (db: Database, circleId: string): Promise<number> =>
  (
    await db
      .select({ n: count() })
      .from(circleCheckInMessages)
      .where(
        and(eq(circleCheckInMessages.circleId, circleId), isNull(circleCheckInMessages.readAt)),
      )
      .get()
  )?.n ?? 0;

/**
 * The circles where this person was nudged this period and has not checked in yet, for the
 * notice on /circles: by the name they chose there, with the topics to avoid.
 */
export const myNudges = async (db: Database, userId: string, now = new Date()) => {
  const monthAgo = new Date(now.getTime() - 32 * 86_400_000);
  const rows = await db
    .select({
      circle: circles,
      displayName: circleMembers.displayName,
      periodKey: circleCheckInNudges.periodKey,
      checkedIn: sql<number>`EXISTS (SELECT 1 FROM ${circleCheckInMessages}
        WHERE ${circleCheckInMessages.memberId} = ${circleMembers.id}
        AND ${circleCheckInMessages.periodKey} = ${circleCheckInNudges.periodKey})`,
      topics: currentTopicsSql(sql`${circles.id}`),
    })
    .from(circleMembers)
    .innerJoin(circles, eq(circles.id, circleMembers.circleId))
    .innerJoin(
      circleCheckInNudges,
      and(
        eq(circleCheckInNudges.memberId, circleMembers.id),
        isNotNull(circleCheckInNudges.sentAt),
        gt(circleCheckInNudges.createdAt, monthAgo),
      ),
    )
    .where(
      and(
        eq(circleMembers.userId, userId),
        isNull(circleMembers.endedAt),
        isNull(circles.closedAt),
      ),
    )
    .all();
  return rows
    .filter(
      (row) =>
        !row.checkedIn &&
        !isTakingSpace(row.circle, now) &&
        row.circle.checkInPace !== 'never' &&
        row.periodKey ===
          checkInPeriod(row.circle.checkInPace as Pace, now, row.circle.timeZone).key,
    )
    .map((row) => ({
      circleId: row.circle.id,
      displayName: row.displayName,
      topicsToAvoid: row.topics ?? '',
    }));
};
export type MyNudge = Awaited<ReturnType<typeof myNudges>>[number];
