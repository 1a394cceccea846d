import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../core/database';
import { circleSignUps } from '../schema';
import { circleHistoryInsertWhen } from './history';
import {
  GAP_HOURS,
  helpPausedSql,
  isLateCancellation,
  isUnfilledSoon,
  liveSignUpCountSql,
  newCircleId,
} from './rules';

export type SignUpRow = typeof circleSignUps.$inferSelect;
export type SignUpOutcome = 'signedUp' | 'already' | 'full' | 'closed' | 'paused';

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * Signs an active member up for a need of their circle, in one conditional insert: the free
 * slots are counted inside the statement that writes, so two members taking the last slot at
 * once cannot both get it (the pattern of event RSVPs, db/events/rsvps.ts). The partial unique
 * index (one live sign-up per member and need) answers a double press. The history line is
 * written in the same batch, only if this very insert happened.
 */
export const signUpForNeed = async (
  db: Database,
  circleId: string,
  needId: string,
  memberId: string,
  now = new Date(),
): Promise<SignUpOutcome> => {
  const at = seconds(now);
  const id = newCircleId();
  const [inserted] = await db.batch([
    db
      .insert(circleSignUps)
      .select(
        sql`SELECT ${id}, n.circle_id, n.id, m.id, ${at}, NULL
      FROM circle_needs n JOIN circle_members m ON m.circle_id = n.circle_id
      JOIN circles ON circles.id = n.circle_id
      WHERE n.id = ${needId} AND n.circle_id = ${circleId} AND n.ends_at > ${at}
        AND m.id = ${memberId} AND m.ended_at IS NULL AND NOT ${helpPausedSql(now)}
        AND ${liveSignUpCountSql(sql.raw('n.id'))} < n.helpers_wanted`,
      )
      .onConflictDoNothing()
      .returning({ id: circleSignUps.id }),
    circleHistoryInsertWhen(
      db,
      { circleId, kind: 'signed_up', actor: 'member', memberId, needId },
      now,
      sql`EXISTS (SELECT 1 FROM circle_sign_ups WHERE id = ${id})`,
    ),
  ]);
  if (inserted.length > 0) return 'signedUp';
  // Nothing written: say why, from what is there now.
  const [state] = await db.all<{ open: number; mine: number; paused: number }>(sql`
    SELECT n.ends_at > ${at} AS open, ${helpPausedSql(now)} AS paused,
      EXISTS (SELECT 1 FROM circle_sign_ups s WHERE s.need_id = n.id AND s.member_id = ${memberId}
              AND s.cancelled_at IS NULL) AS mine
    FROM circle_needs n JOIN circles ON circles.id = n.circle_id
    WHERE n.id = ${needId} AND n.circle_id = ${circleId}`);
  if (!state || !state.open) return 'closed';
  if (state.mine) return 'already';
  if (state.paused) return 'paused';
  return 'full';
};

/**
 * Cancels a member's own live sign-up for a need: the slot reopens at once, and the owner's
 * history says so (in the same batch). False when there was none.
 */
export const cancelSignUp = async (
  db: Database,
  circleId: string,
  needId: string,
  memberId: string,
  now = new Date(),
): Promise<boolean> => {
  const [, cancelled] = await db.batch([
    // Written first, and only while the sign-up is live, so a second press writes no second
    // line (a check after the update, on the cancellation time in seconds, matched one too).
    circleHistoryInsertWhen(
      db,
      { circleId, kind: 'cancelled', actor: 'member', memberId, needId },
      now,
      sql`EXISTS (SELECT 1 FROM circle_sign_ups WHERE need_id = ${needId} AND member_id = ${memberId}
                  AND circle_id = ${circleId} AND cancelled_at IS NULL)`,
    ),
    db
      .update(circleSignUps)
      .set({ cancelledAt: now })
      .where(
        and(
          eq(circleSignUps.circleId, circleId),
          eq(circleSignUps.needId, needId),
          eq(circleSignUps.memberId, memberId),
          isNull(circleSignUps.cancelledAt),
        ),
      )
      .returning({ id: circleSignUps.id }),
  ]);
  return cancelled.length > 0;
};

/** A member's own live sign-up for a need, or null. */
export const findMySignUp = async (
  db: Database,
  circleId: string,
  needId: string,
  memberId: string,
): Promise<SignUpRow | null> =>
  (await db
    .select()
    .from(circleSignUps)
    .where(
      and(
        eq(circleSignUps.circleId, circleId),
        eq(circleSignUps.needId, needId),
        eq(circleSignUps.memberId, memberId),
        isNull(circleSignUps.cancelledAt),
      ),
    )
    .get()) ?? null;

/** What the coordinator (or the owner who asked) is shown: late cancellations and needs still unfilled close to their time. */
export interface CircleGaps {
  lateCancellations: {
    needId: string;
    title: string;
    startsAt: Date;
    name: string;
    /** True when the slot was released because the person left or was removed. */
    released: boolean;
  }[];
  unfilled: { needId: string; title: string; startsAt: Date; helpers: number; wanted: number }[];
}

/**
 * The gaps of a circle now: sign-ups cancelled (or released) within 48 hours of a need not yet
 * ended, unless the same person signed up again; and needs starting within 48 hours with free
 * slots. The rules are isLateCancellation and isUnfilledSoon (rules.ts); this query only narrows
 * the rows to those that can match.
 */
export const listCircleGaps = async (
  db: Database,
  circleId: string,
  now = new Date(),
): Promise<CircleGaps> => {
  const at = seconds(now);
  const horizon = at + GAP_HOURS * 3600;
  // Two reads side by side (raw SQL is not taken by D1's batch).
  const [cancellations, unfilled] = await Promise.all([
    db.all<{
      need_id: string;
      title: string;
      starts_at: number;
      ends_at: number;
      cancelled_at: number;
      name: string;
      ended: string | null;
    }>(sql`
      SELECT n.id AS need_id, n.title, n.starts_at, n.ends_at, s.cancelled_at, m.display_name AS name, m.ended
      FROM circle_sign_ups s
      JOIN circle_needs n ON n.id = s.need_id
      JOIN circle_members m ON m.id = s.member_id
      WHERE s.circle_id = ${circleId} AND s.cancelled_at IS NOT NULL AND n.ends_at > ${at}
        AND s.cancelled_at >= n.starts_at - ${GAP_HOURS * 3600}
        AND NOT EXISTS (SELECT 1 FROM circle_sign_ups again WHERE again.need_id = s.need_id
                        AND again.member_id = s.member_id AND again.cancelled_at IS NULL)
      ORDER BY n.starts_at, s.cancelled_at`),
    db.all<{
      need_id: string;
      title: string;
      starts_at: number;
      ends_at: number;
      helpers: number;
      wanted: number;
    }>(
      sql`
      SELECT n.id AS need_id, n.title, n.starts_at, n.ends_at, n.helpers_wanted AS wanted,
        ${liveSignUpCountSql(sql.raw('n.id'))} AS helpers
      FROM circle_needs n
      WHERE n.circle_id = ${circleId} AND n.ends_at > ${at} AND n.starts_at <= ${horizon}
      ORDER BY n.starts_at`,
    ),
  ]);
  const date = (s: number) => new Date(s * 1000);
  return {
    lateCancellations: cancellations
      .filter((row) =>
        isLateCancellation(
          date(row.cancelled_at),
          { startsAt: date(row.starts_at), endsAt: date(row.ends_at) },
          now,
        ),
      )
      .map((row) => ({
        needId: row.need_id,
        title: row.title,
        startsAt: date(row.starts_at),
        name: row.name,
        released: row.ended !== null,
      })),
    unfilled: unfilled
      .filter((row) =>
        isUnfilledSoon(
          {
            startsAt: date(row.starts_at),
            endsAt: date(row.ends_at),
            helpersWanted: Number(row.wanted),
          },
          Number(row.helpers),
          now,
        ),
      )
      .map((row) => ({
        needId: row.need_id,
        title: row.title,
        startsAt: date(row.starts_at),
        helpers: Number(row.helpers),
        wanted: Number(row.wanted),
      })),
  };
};

/** A member's own live sign-up by its id, only for this need of this circle (the .ics download). */
export const findOwnSignUpById = async (
  db: Database,
  circleId: string,
  needId: string,
  signUpId: string,
  memberId: string,
): Promise<SignUpRow | null> =>
  (await db
    .select()
    .from(circleSignUps)
    .where(
      and(
        eq(circleSignUps.id, signUpId),
        eq(circleSignUps.circleId, circleId),
        eq(circleSignUps.needId, needId),
        eq(circleSignUps.memberId, memberId),
        isNull(circleSignUps.cancelledAt),
      ),
    )
    .get()) ?? null;
