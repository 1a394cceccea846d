import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Database } from '../core/database';
import {
  circleCharterVersions,
  circleCheckInMessages,
  circleHistory,
  circleInvitations,
  circleMembers,
  circleNeeds,
  circleOwnerNotes,
  circleSignUps,
  circles,
} from '../schema';

/**
 * Circles for "download my data": for the owner, everything in their circles; for a member,
 * their own membership, sign-ups and messages (nothing of other members or the owner's).
 */
export const exportCirclesOfAccount = async (db: Database, userId: string) => {
  const owned = await db
    .select()
    .from(circles)
    .where(and(eq(circles.ownerId, userId), isNull(circles.closedAt)))
    .orderBy(asc(circles.createdAt))
    .all();
  // The circles named by a subquery, not a list of their ids: however many circles a person
  // owns or is in, each read binds the same few parameters (D1 binds 100 at most).
  const ownedIds = db
    .select({ id: circles.id })
    .from(circles)
    .where(and(eq(circles.ownerId, userId), isNull(circles.closedAt)));
  const inOwned = (column: AnySQLiteColumn) => inArray(column, ownedIds);
  const [charters, members, invitations, needs, signUps, messages, notes, history] =
    await Promise.all([
      db.select().from(circleCharterVersions).where(inOwned(circleCharterVersions.circleId)).all(),
      db
        .select({
          id: circleMembers.id,
          circleId: circleMembers.circleId,
          displayName: circleMembers.displayName,
          role: circleMembers.role,
          offer: circleMembers.offer,
          joinedAt: circleMembers.joinedAt,
          endedAt: circleMembers.endedAt,
          ended: circleMembers.ended,
        })
        .from(circleMembers)
        .where(inOwned(circleMembers.circleId))
        .all(),
      db
        .select({
          circleId: circleInvitations.circleId,
          addressHint: circleInvitations.addressHint,
          personalNote: circleInvitations.personalNote,
          createdAt: circleInvitations.createdAt,
          expiresAt: circleInvitations.expiresAt,
          revokedAt: circleInvitations.revokedAt,
          acceptedAt: circleInvitations.acceptedAt,
        })
        .from(circleInvitations)
        .where(inOwned(circleInvitations.circleId))
        .all(),
      db.select().from(circleNeeds).where(inOwned(circleNeeds.circleId)).all(),
      db.select().from(circleSignUps).where(inOwned(circleSignUps.circleId)).all(),
      db.select().from(circleCheckInMessages).where(inOwned(circleCheckInMessages.circleId)).all(),
      db.select().from(circleOwnerNotes).where(inOwned(circleOwnerNotes.circleId)).all(),
      db.select().from(circleHistory).where(inOwned(circleHistory.circleId)).all(),
    ]);
  const memberships = await db
    .select({
      id: circleMembers.id,
      circleId: circleMembers.circleId,
      displayName: circleMembers.displayName,
      role: circleMembers.role,
      offer: circleMembers.offer,
      steppedBackUntil: circleMembers.steppedBackUntil,
      joinedAt: circleMembers.joinedAt,
    })
    .from(circleMembers)
    .where(and(eq(circleMembers.userId, userId), isNull(circleMembers.endedAt)))
    .all();
  const mine = db
    .select({ id: circleMembers.id })
    .from(circleMembers)
    .where(and(eq(circleMembers.userId, userId), isNull(circleMembers.endedAt)));
  const [mySignUps, myMessages] = await Promise.all([
    db
      .select({
        circleId: circleSignUps.circleId,
        needTitle: circleNeeds.title,
        startsAt: circleNeeds.startsAt,
        endsAt: circleNeeds.endsAt,
        createdAt: circleSignUps.createdAt,
        cancelledAt: circleSignUps.cancelledAt,
      })
      .from(circleSignUps)
      .innerJoin(circleNeeds, eq(circleNeeds.id, circleSignUps.needId))
      .where(inArray(circleSignUps.memberId, mine))
      .all(),
    db
      .select({
        circleId: circleCheckInMessages.circleId,
        body: circleCheckInMessages.body,
        createdAt: circleCheckInMessages.createdAt,
      })
      .from(circleCheckInMessages)
      .where(inArray(circleCheckInMessages.memberId, mine))
      .all(),
  ]);
  const of = <T extends { circleId: string }>(rows: T[], circleId: string) =>
    rows.filter((row) => row.circleId === circleId);
  return {
    owned: owned.map((circle) => ({
      circle,
      charterVersions: of(charters, circle.id),
      members: of(members, circle.id),
      invitations: of(invitations, circle.id),
      needs: of(needs, circle.id),
      signUps: of(signUps, circle.id),
      checkInMessages: of(messages, circle.id),
      notes: of(notes, circle.id),
      history: of(history, circle.id),
    })),
    memberOf: memberships.map((membership) => ({
      membership,
      signUps: of(mySignUps, membership.circleId),
      checkInMessages: of(myMessages, membership.circleId),
    })),
  };
};
