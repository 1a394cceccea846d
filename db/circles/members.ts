import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../core/database';
import { circleHistory, circleMembers, circleSignUps } from '../schema';
import { circleHistoryInsert, circleHistoryInsertWhen } from './history';

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
const findCircleMember = async (
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

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** SQL: this member is still in the circle (the condition history lines are written under). */
const stillActive = (memberId: string) =>
  sql`EXISTS (SELECT 1 FROM circle_members WHERE id = ${memberId} AND ended_at IS NULL)`;

/**
 * Releases a member's sign-ups for needs that have not ended yet: the slots reopen at once, and
 * the owner's history says so (the coordinator sees the open slots on the needs). Statements
 * only, no read first: in the caller's batch with the change that causes it (a removal, a leave,
 * an account deleted) and before the membership ends, so a sign-up landing meanwhile is released
 * too, and a second removal at the same moment writes no second line.
 */
export const releaseSignUpsStatements = (
  db: Database,
  circleId: string,
  memberId: string,
  now: Date,
) => {
  const at = seconds(now);
  const live = sql`s.circle_id = ${circleId} AND s.member_id = ${memberId}
    AND s.cancelled_at IS NULL AND s.need_id IN (SELECT id FROM circle_needs WHERE ends_at > ${at})`;
  return [
    // One history line per released sign-up, each with its own random 128-bit id.
    db.insert(circleHistory).select(
      sql`SELECT lower(hex(randomblob(16))), ${circleId}, ${memberId}, 'system', 'released',
        s.need_id, ${at} FROM circle_sign_ups s WHERE ${live} AND ${stillActive(memberId)}`,
    ),
    db
      .update(circleSignUps)
      .set({ cancelledAt: now })
      .where(
        and(
          eq(circleSignUps.circleId, circleId),
          eq(circleSignUps.memberId, memberId),
          isNull(circleSignUps.cancelledAt),
          sql`${circleSignUps.needId} IN (SELECT id FROM circle_needs WHERE ends_at > ${at})`,
        ),
      ),
  ] as const;
};

/**
 * Ends a membership (the owner removes, or the member leaves): on their next request every
 * circle address answers them 404, and their sign-ups for needs to come are released. Nothing
 * is emailed. One batch, every line conditional on the member still being active, so two
 * removals at once record one. False when there was no such active member in this circle.
 */
export const endMembership = async (
  db: Database,
  circleId: string,
  memberId: string,
  how: 'left' | 'removed',
  now = new Date(),
): Promise<boolean> => {
  const [, , , ended] = await db.batch([
    circleHistoryInsertWhen(
      db,
      { circleId, kind: how, actor: how === 'left' ? 'member' : 'owner', memberId },
      now,
      sql`EXISTS (SELECT 1 FROM circle_members WHERE id = ${memberId} AND circle_id = ${circleId}
                  AND ended_at IS NULL)`,
    ),
    ...releaseSignUpsStatements(db, circleId, memberId, now),
    db
      .update(circleMembers)
      .set({ endedAt: now, ended: how, role: 'member' })
      .where(
        and(
          eq(circleMembers.id, memberId),
          eq(circleMembers.circleId, circleId),
          isNull(circleMembers.endedAt),
        ),
      )
      .returning({ id: circleMembers.id }),
  ]);
  return ended.length > 0;
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
