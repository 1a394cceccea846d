import { and, asc, eq, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { slicesForD1 } from '../core/bound-parameters';
import type { Database } from '../core/database';
import {
  circleCharterVersions,
  circleCheckInMessages,
  circleCheckInNudges,
  circleHistory,
  circleInvitations,
  circleMembers,
  circleNeeds,
  circleOwnerNotes,
  circleReminderDeliveries,
  circleSignUps,
  circles,
  formSubmissions,
} from '../schema';
import { circleHistoryInsert } from './history';
import { releaseSignUpsStatements } from './members';
import { CLOSED_CIRCLE_KEEP_DAYS } from './rules';

/**
 * The statements that close one circle: everything in it is deleted (needs with their places,
 * sign-ups and reminders, notes, messages, invitations, the charter, the history), the label and
 * the members' names are wiped, and members who had left or been removed go entirely. What
 * stays (the circle's id and who was in it) lets its addresses answer them a neutral 410, for
 * CLOSED_CIRCLE_KEEP_DAYS; then purgeClosedCircles removes it.
 */
const closeStatements = (db: Database, circleId: string, now: Date): BatchItem<'sqlite'>[] => [
  db.delete(circleSignUps).where(eq(circleSignUps.circleId, circleId)),
  db.delete(circleNeeds).where(eq(circleNeeds.circleId, circleId)),
  db.delete(circleCheckInMessages).where(eq(circleCheckInMessages.circleId, circleId)),
  db.delete(circleCheckInNudges).where(eq(circleCheckInNudges.circleId, circleId)),
  db.delete(circleOwnerNotes).where(eq(circleOwnerNotes.circleId, circleId)),
  db.delete(circleInvitations).where(eq(circleInvitations.circleId, circleId)),
  db.delete(circleCharterVersions).where(eq(circleCharterVersions.circleId, circleId)),
  db.delete(circleHistory).where(eq(circleHistory.circleId, circleId)),
  db
    .delete(circleMembers)
    .where(and(eq(circleMembers.circleId, circleId), isNotNull(circleMembers.endedAt))),
  db
    .update(circleMembers)
    .set({ displayName: '', offer: '', role: 'member', steppedBackUntil: null })
    .where(eq(circleMembers.circleId, circleId)),
  db
    .update(circles)
    .set({ label: '', closedAt: now, spaceSince: null, spaceUntil: null })
    .where(eq(circles.id, circleId)),
];

/** Closes a circle: all of it goes at once, in one batch. */
export const closeCircle = async (db: Database, circleId: string, now = new Date()) => {
  const [first, ...rest] = closeStatements(db, circleId, now);
  await db.batch([first!, ...rest]);
};

/** An account deletion step: the owner's open circles are closed. */
export const closeCirclesOfOwner = async (
  db: Database,
  ownerId: string,
  now = new Date(),
): Promise<void> => {
  const owned = await db
    .select({ id: circles.id })
    .from(circles)
    .where(and(eq(circles.ownerId, ownerId), isNull(circles.closedAt)))
    .all();
  for (const circle of owned) await closeCircle(db, circle.id, now);
};

/**
 * An account deletion step: the person leaves every circle they are in (their sign-ups to come
 * are released and the owner's history says they left), then their member rows go, with their
 * messages (the foreign keys cascade when the account row is deleted too).
 */
export const removeAccountFromCircles = async (
  db: Database,
  userId: string,
  now = new Date(),
): Promise<void> => {
  const memberships = await db
    .select({ id: circleMembers.id, circleId: circleMembers.circleId })
    .from(circleMembers)
    .innerJoin(circles, eq(circles.id, circleMembers.circleId))
    .where(
      and(
        eq(circleMembers.userId, userId),
        isNull(circleMembers.endedAt),
        isNull(circles.closedAt),
      ),
    )
    .all();
  for (const { id, circleId } of memberships) {
    await db.batch([
      circleHistoryInsert(db, { circleId, kind: 'left', actor: 'system', memberId: id }, now),
      ...releaseSignUpsStatements(db, circleId, id, now),
      db.update(circleMembers).set({ endedAt: now, ended: 'left' }).where(eq(circleMembers.id, id)),
    ]);
  }
  await db.delete(circleMembers).where(eq(circleMembers.userId, userId)).run();
};

/**
 * Closed circles one purge run removes at most: the rest wait for the next run, so a run stays
 * within one invocation's D1 queries however many circles closed on one day.
 */
export const CLOSED_CIRCLE_PURGES_PER_RUN = 200;

/**
 * The statements that remove every trace of these closed circles: the circle rows and their
 * former members' links, and anything still naming them (closing deleted the rest already; a
 * write that raced the closing, or a create form's key, would otherwise outlive them). Children
 * first, so nothing rests on the foreign keys' cascades.
 */
const purgeStatements = (db: Database, ids: string[]): BatchItem<'sqlite'>[] => {
  const signUps = db
    .select({ id: circleSignUps.id })
    .from(circleSignUps)
    .where(inArray(circleSignUps.circleId, ids));
  return [
    db.delete(circleReminderDeliveries).where(inArray(circleReminderDeliveries.signUpId, signUps)),
    db.delete(circleSignUps).where(inArray(circleSignUps.circleId, ids)),
    db.delete(circleCheckInNudges).where(inArray(circleCheckInNudges.circleId, ids)),
    db.delete(circleCheckInMessages).where(inArray(circleCheckInMessages.circleId, ids)),
    db.delete(circleHistory).where(inArray(circleHistory.circleId, ids)),
    db.delete(circleNeeds).where(inArray(circleNeeds.circleId, ids)),
    db.delete(circleOwnerNotes).where(inArray(circleOwnerNotes.circleId, ids)),
    db.delete(circleInvitations).where(inArray(circleInvitations.circleId, ids)),
    db.delete(circleCharterVersions).where(inArray(circleCharterVersions.circleId, ids)),
    db.delete(circleMembers).where(inArray(circleMembers.circleId, ids)),
    db.delete(formSubmissions).where(inArray(formSubmissions.createdId, ids)),
    db.delete(circles).where(inArray(circles.id, ids)),
  ];
};

/**
 * Removes circles closed CLOSED_CIRCLE_KEEP_DAYS ago or more, oldest first, at most
 * CLOSED_CIRCLE_PURGES_PER_RUN a run: from then on a former member gets the same 404 as
 * anyone. The ids are bound in slices D1 accepts, all in one batch. Returns how many went.
 */
export const purgeClosedCircles = async (
  db: Database,
  now: Date,
  limit = CLOSED_CIRCLE_PURGES_PER_RUN,
): Promise<number> => {
  const cutoff = new Date(now.getTime() - CLOSED_CIRCLE_KEEP_DAYS * 24 * 60 * 60 * 1000);
  const due = await db
    .select({ id: circles.id })
    .from(circles)
    .where(and(isNotNull(circles.closedAt), lt(circles.closedAt, cutoff)))
    .orderBy(asc(circles.closedAt), asc(circles.id))
    .limit(limit)
    .all();
  const statements = slicesForD1(due.map((circle) => circle.id)).flatMap((ids) =>
    purgeStatements(db, ids),
  );
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
  return due.length;
};
