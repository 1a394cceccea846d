import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../core/database';
import { circleMembers, circleNeeds, circleSignUps } from '../schema';
import { circleHistoryInsert } from './history';

export type CircleMemberRow = typeof circleMembers.$inferSelect;

/** The active members of a circle, in the order they joined. */
export const listCircleMembers = async (
  db: Database,
  circleId: string,
): Promise<CircleMemberRow[]> =>
  db
    .select()
    .from(circleMembers)
    .where(and(eq(circleMembers.circleId, circleId), isNull(circleMembers.endedAt)))
    .orderBy(asc(circleMembers.joinedAt), asc(circleMembers.id))
    .all();

/** One active member of this circle (a member id of another circle finds nothing). */
export const findCircleMember = async (
  db: Database,
  circleId: string,
  memberId: string,
): Promise<CircleMemberRow | null> =>
  (await db
    .select()
    .from(circleMembers)
    .where(
      and(
        eq(circleMembers.id, memberId),
        eq(circleMembers.circleId, circleId),
        isNull(circleMembers.endedAt),
      ),
    )
    .get()) ?? null;

/**
 * Releases a member's sign-ups for needs that have not ended yet: the slots reopen at once, and
 * the owner's history says so (the coordinator sees the open slots on the needs). Returns the
 * statements to run in the caller's batch with the change that causes it (a removal, a leave, an
 * account deleted). The needs area may add to this (e.g. telling a coordinator of a late gap).
 */
export const releaseSignUpsStatements = async (
  db: Database,
  circleId: string,
  memberId: string,
  now: Date,
): Promise<BatchItem<'sqlite'>[]> => {
  const live = await db
    .select({ id: circleSignUps.id, needId: circleSignUps.needId })
    .from(circleSignUps)
    .innerJoin(circleNeeds, eq(circleNeeds.id, circleSignUps.needId))
    .where(
      and(
        eq(circleSignUps.circleId, circleId),
        eq(circleSignUps.memberId, memberId),
        isNull(circleSignUps.cancelledAt),
        gt(circleNeeds.endsAt, now),
      ),
    )
    .all();
  if (live.length === 0) return [];
  return [
    db
      .update(circleSignUps)
      .set({ cancelledAt: now })
      .where(
        and(
          inArray(
            circleSignUps.id,
            live.map((row) => row.id),
          ),
          isNull(circleSignUps.cancelledAt),
        ),
      ),
    ...live.map((row) =>
      circleHistoryInsert(
        db,
        { circleId, kind: 'released', actor: 'system', memberId, needId: row.needId },
        now,
      ),
    ),
  ];
};

/**
 * Ends a membership (the owner removes, or the member leaves): on their next request every
 * circle address answers them 404, and their sign-ups for needs to come are released. Nothing
 * is emailed. False when there was no such active member in this circle.
 */
export const endMembership = async (
  db: Database,
  circleId: string,
  memberId: string,
  how: 'left' | 'removed',
  now = new Date(),
): Promise<boolean> => {
  const member = await findCircleMember(db, circleId, memberId);
  if (!member) return false;
  const release = await releaseSignUpsStatements(db, circleId, memberId, now);
  await db.batch([
    db
      .update(circleMembers)
      .set({ endedAt: now, ended: how, role: 'member' })
      .where(and(eq(circleMembers.id, memberId), eq(circleMembers.circleId, circleId))),
    ...release,
    circleHistoryInsert(
      db,
      { circleId, kind: how, actor: how === 'left' ? 'member' : 'owner', memberId },
      now,
    ),
  ]);
  return true;
};

/** Names or unnames a coordinator. False when there is no such active member here. */
export const setCoordinator = async (
  db: Database,
  circleId: string,
  memberId: string,
  coordinator: boolean,
  now = new Date(),
): Promise<boolean> => {
  const member = await findCircleMember(db, circleId, memberId);
  if (!member) return false;
  if ((member.role === 'coordinator') === coordinator) return true;
  await db.batch([
    db
      .update(circleMembers)
      .set({ role: coordinator ? 'coordinator' : 'member' })
      .where(and(eq(circleMembers.id, memberId), isNull(circleMembers.endedAt))),
    circleHistoryInsert(
      db,
      {
        circleId,
        kind: coordinator ? 'coordinator_named' : 'coordinator_unnamed',
        actor: 'owner',
        memberId,
      },
      now,
    ),
  ]);
  return true;
};

/** What a member sets for themself: the name shown here, what they can offer, a step back. */
export interface OwnMembership {
  displayName: string;
  offer: string;
  steppedBackUntil: Date | null;
}

export const updateOwnMembership = async (
  db: Database,
  memberId: string,
  values: OwnMembership,
): Promise<void> => {
  await db
    .update(circleMembers)
    .set(values)
    .where(and(eq(circleMembers.id, memberId), isNull(circleMembers.endedAt)))
    .run();
};
