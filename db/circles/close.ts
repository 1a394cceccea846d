import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
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
  circleSignUps,
  circles,
} from '../schema';
import { circleHistoryInsert } from './history';
import { releaseSignUpsStatements } from './members';

/**
 * The statements that close one circle: everything in it is deleted (needs with their places,
 * sign-ups and reminders, notes, messages, invitations, the charter, the history), the label and
 * the members' names are wiped, and members who had left or been removed go entirely. What
 * stays (the circle's id and who was in it) lets its addresses answer them a neutral 410.
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
