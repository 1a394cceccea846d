import { and, eq, gt, inArray, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { columnsOf, slicesForD1 } from '../core/bound-parameters';
import type { Database } from '../core/database';
import {
  circleCheckInMessages,
  circleCheckInNudges,
  circleMembers,
  circles,
  users,
} from '../schema';
import { claimOwnerMail, type OwnerMail } from './check-ins';
import { checkInPeriod, type Pace } from './check-in-periods';
import { deliverableAt, isQuietTime } from './quiet-hours';
import {
  isLiveMembership,
  isSteppedBack,
  isTakingSpace,
  liveMembershipSql,
  newCircleId,
  takingSpaceSql,
} from './rules';

/**
 * The check-in nudge job, in two steps run by the Workers cron and the Node interval:
 * 1. `createDueNudges` claims one nudge per member and period (the unique (member, period) row:
 *    overlapping runs create it once), for members of circles whose owner chose a pace and is
 *    not taking space, who have not stepped back and have not checked in this period;
 * 2. `deliverDueNudges` delivers each nudge once (a conditional update of `sent_at`), never in
 *    the circle's quiet hours (held until they end), and drops a nudge that no longer applies
 *    (space taken, member gone or stepped back, pace changed).
 * Silence from the owner is never read here: nothing ever follows from it.
 */

/**
 * Nudges one scheduled run creates, as many it delivers, and check-in emails held through quiet
 * hours it releases; the rest wait for the next run (every 5 minutes), later in the same period.
 * Delivering one costs a D1 query (its conditional update), and releasing a held email two, so
 * this bounds the circles' share of the 1,000 queries one Workers invocation may make
 * (worker/jobs.ts) to about 160 however many members circles have.
 */
export const CHECK_IN_NUDGES_PER_RUN = 50;

const eligibleMembers = (db: Database, now: Date) =>
  db
    .select({
      memberId: circleMembers.id,
      circleId: circles.id,
      pace: circles.checkInPace,
      timeZone: circles.timeZone,
    })
    .from(circles)
    .innerJoin(circleMembers, eq(circleMembers.circleId, circles.id))
    .where(
      and(
        liveMembershipSql(sql`${circleMembers}`, sql`${circles}`),
        ne(circles.checkInPace, 'never'),
        sql`NOT ${takingSpaceSql(now)}`,
        or(isNull(circleMembers.steppedBackUntil), lte(circleMembers.steppedBackUntil, now)),
      ),
    )
    .all();

/**
 * Step 1: the nudges of the current period, created once each, at most `limit` a run (members
 * who have one already are left out first, so the next run goes on with the others). Returns
 * how many are new.
 */
export const createDueNudges = async (
  db: Database,
  now: Date,
  limit = CHECK_IN_NUDGES_PER_RUN,
): Promise<number> => {
  const members = await eligibleMembers(db, now);
  if (members.length === 0) return 0;
  const keyed = members.map((m) => ({
    ...m,
    periodKey: checkInPeriod(m.pace as Pace, now, m.timeZone).key,
  }));
  // Who already checked in this period, or has this period's nudge, needs none (the last month
  // or so: a period is a month at most).
  const since = new Date(now.getTime() - 32 * 86_400_000);
  const [recent, nudged] = await db.batch([
    db
      .select({ memberId: circleCheckInMessages.memberId, key: circleCheckInMessages.periodKey })
      .from(circleCheckInMessages)
      .where(gt(circleCheckInMessages.createdAt, since)),
    db
      .select({ memberId: circleCheckInNudges.memberId, key: circleCheckInNudges.periodKey })
      .from(circleCheckInNudges)
      .where(gt(circleCheckInNudges.createdAt, since)),
  ]);
  const done = new Set([...recent, ...nudged].map((row) => `${row.memberId} ${row.key}`));
  const rows = keyed
    .filter((m) => !done.has(`${m.memberId} ${m.periodKey}`))
    .slice(0, limit)
    .map((m) => ({
      id: newCircleId(),
      circleId: m.circleId,
      memberId: m.memberId,
      periodKey: m.periodKey,
      createdAt: now,
    }));
  let created = 0;
  // A nudge per member due: a big circle goes over D1's bound parameters in one insert. The
  // unique (member, period) row makes an overlapping run's insert of the same nudge do nothing.
  for (const slice of slicesForD1(rows, { each: columnsOf(circleCheckInNudges) })) {
    const made = await db
      .insert(circleCheckInNudges)
      .values(slice)
      .onConflictDoNothing()
      .returning({ id: circleCheckInNudges.id });
    created += made.length;
  }
  return created;
};

/** A nudge delivered now: on the site from now on, and to this address when the owner chose email. */
export interface NudgeDelivered {
  email: string | null;
  locale: 'en' | 'fr';
}

/**
 * Step 2: delivers the nudges that are due, each once, the oldest first and at most `limit` a
 * run; holds or drops the others.
 */
export const deliverDueNudges = async (
  db: Database,
  now: Date,
  limit = CHECK_IN_NUDGES_PER_RUN,
): Promise<NudgeDelivered[]> => {
  const due = await db
    .select({
      nudge: circleCheckInNudges,
      circle: circles,
      member: circleMembers,
      email: users.email,
      locale: users.locale,
    })
    .from(circleCheckInNudges)
    .innerJoin(circles, eq(circles.id, circleCheckInNudges.circleId))
    .innerJoin(circleMembers, eq(circleMembers.id, circleCheckInNudges.memberId))
    .innerJoin(users, eq(users.id, circleMembers.userId))
    .where(
      and(
        isNull(circleCheckInNudges.sentAt),
        or(isNull(circleCheckInNudges.heldUntil), lte(circleCheckInNudges.heldUntil, now)),
      ),
    )
    .orderBy(circleCheckInNudges.createdAt, circleCheckInNudges.id)
    .limit(limit)
    .all();
  const dropped: string[] = [];
  const delivered: NudgeDelivered[] = [];
  for (const { nudge, circle, member, email, locale } of due) {
    const applies =
      isLiveMembership(circle, member) &&
      circle.checkInPace !== 'never' &&
      !isTakingSpace(circle, now) &&
      !isSteppedBack(member, now) &&
      checkInPeriod(circle.checkInPace, now, circle.timeZone).key === nudge.periodKey;
    if (!applies) {
      dropped.push(nudge.id);
    } else if (isQuietTime(circle, now)) {
      await db
        .update(circleCheckInNudges)
        .set({ heldUntil: deliverableAt(circle, now) })
        .where(and(eq(circleCheckInNudges.id, nudge.id), isNull(circleCheckInNudges.sentAt)))
        .run();
    } else {
      const [claimed] = await db
        .update(circleCheckInNudges)
        .set({ sentAt: now })
        .where(and(eq(circleCheckInNudges.id, nudge.id), isNull(circleCheckInNudges.sentAt)))
        .returning({ id: circleCheckInNudges.id });
      if (claimed) delivered.push({ email: circle.checkInByEmail ? email : null, locale });
    }
  }
  for (const slice of slicesForD1(dropped))
    await db
      .delete(circleCheckInNudges)
      .where(and(inArray(circleCheckInNudges.id, slice), isNull(circleCheckInNudges.sentAt)))
      .run();
  return delivered;
};

/**
 * The owner emails of check-ins held through quiet hours that are now due, each claimed once,
 * the longest held first and at most `limit` a run.
 * One that falls due in a new stretch of quiet hours waits again; "I need space" dropped the
 * rest already (stopCheckInsStatements).
 */
export const claimHeldOwnerMail = async (
  db: Database,
  now: Date,
  limit = CHECK_IN_NUDGES_PER_RUN,
): Promise<OwnerMail[]> => {
  const due = await db
    .select({ id: circleCheckInMessages.id, circle: circles })
    .from(circleCheckInMessages)
    .innerJoin(circles, eq(circles.id, circleCheckInMessages.circleId))
    .where(
      and(
        isNotNull(circleCheckInMessages.ownerMailDueAt),
        isNull(circleCheckInMessages.ownerMailedAt),
        lte(circleCheckInMessages.ownerMailDueAt, now),
      ),
    )
    .orderBy(circleCheckInMessages.ownerMailDueAt, circleCheckInMessages.id)
    .limit(limit)
    .all();
  const mails: OwnerMail[] = [];
  for (const { id, circle } of due) {
    if (circle.closedAt !== null || isTakingSpace(circle, now)) {
      await db
        .update(circleCheckInMessages)
        .set({ ownerMailDueAt: null })
        .where(and(eq(circleCheckInMessages.id, id), isNull(circleCheckInMessages.ownerMailedAt)))
        .run();
    } else if (isQuietTime(circle, now)) {
      await db
        .update(circleCheckInMessages)
        .set({ ownerMailDueAt: deliverableAt(circle, now) })
        .where(and(eq(circleCheckInMessages.id, id), isNull(circleCheckInMessages.ownerMailedAt)))
        .run();
    } else {
      const mail = await claimOwnerMail(db, id, now);
      if (mail) mails.push(mail);
    }
  }
  return mails;
};
