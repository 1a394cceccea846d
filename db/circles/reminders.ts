import { sql } from 'drizzle-orm';
import type { Database } from '../core/database';
import { columnsOf, slicesForD1 } from '../core/bound-parameters';
import { circleReminderDeliveries } from '../schema';
import { deliverableAt, isQuietTime, type QuietHours } from './quiet-hours';
import {
  dueReminderKinds,
  liveMembershipSql,
  newCircleId,
  REMINDER_OFFSETS,
  type ReminderKind,
} from './rules';

/** Who a reminder goes to: the helper's account address, in their language. Nothing about the need. */
export interface CircleReminderDue {
  email: string;
  locale: 'en' | 'fr';
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * Helpers' reminders one scheduled run claims, and as many held ones it releases; the rest wait
 * for the next run (every 5 minutes), still before their needs. The claims go in multi-row
 * inserts (16 a statement), so 50 cost about 12 D1 queries with their emails, a small share of
 * the 1,000 one Workers invocation may make (worker/jobs.ts).
 */
export const CIRCLE_REMINDERS_PER_RUN = 50;

/** A sign-up still counts for reminders: not cancelled, its member still in an open circle. */
const liveSignUp = sql`s.cancelled_at IS NULL AND ${liveMembershipSql()}`;

/**
 * Claims the helpers' reminders due now, the way event reminders are claimed (db/events/jobs.ts):
 * the claim is written before anything is sent, and only the run whose insert of the unique
 * (sign-up, kind) row succeeds sends it, so overlapping runs never send a reminder twice.
 *
 * A reminder falling in the circle's quiet hours is claimed as held (`heldUntil`, the end of
 * the quiet hours in the circle's zone) and sent by the first run after they end, claimed then
 * by one conditional update: held, never dropped. Returns the reminders to send now.
 */
export const claimCircleReminders = async (
  db: Database,
  now: Date,
  limit = CIRCLE_REMINDERS_PER_RUN,
): Promise<CircleReminderDue[]> => {
  const at = seconds(now);
  const candidates = await db.all<{
    sign_up_id: string;
    created_at: number;
    starts_at: number;
    time_zone: string;
    quiet_start_minute: number;
    quiet_end_minute: number;
    done: string | null;
  }>(sql`
    SELECT s.id AS sign_up_id, s.created_at, n.starts_at, c.time_zone, c.quiet_start_minute,
      c.quiet_end_minute,
      (SELECT group_concat(d.kind) FROM circle_reminder_deliveries d WHERE d.sign_up_id = s.id) AS done
    FROM circle_needs n
    JOIN circle_sign_ups s ON s.need_id = n.id
    JOIN circle_members m ON m.id = s.member_id
    JOIN circles c ON c.id = n.circle_id
    WHERE n.starts_at > ${at} AND n.starts_at <= ${at + REMINDER_OFFSETS['24h'] / 1000}
      AND ${liveSignUp}
    ORDER BY n.starts_at, s.id`);

  const claims: { row: typeof circleReminderDeliveries.$inferInsert; send: boolean }[] = [];
  for (const candidate of candidates) {
    const done = new Set((candidate.done ?? '').split(','));
    const kinds = dueReminderKinds(
      new Date(candidate.created_at * 1000),
      new Date(candidate.starts_at * 1000),
      now,
    ).filter((kind: ReminderKind) => !done.has(kind));
    if (kinds.length === 0) continue;
    const quiet: QuietHours = {
      timeZone: candidate.time_zone,
      quietStartMinute: candidate.quiet_start_minute,
      quietEndMinute: candidate.quiet_end_minute,
    };
    const heldUntil = isQuietTime(quiet, now) ? deliverableAt(quiet, now) : null;
    for (const kind of kinds)
      claims.push({
        row: {
          id: newCircleId(),
          signUpId: candidate.sign_up_id,
          kind,
          createdAt: now,
          heldUntil,
          sentAt: heldUntil ? null : now,
        },
        send: heldUntil === null,
      });
  }

  // At most `limit` a run, the soonest needs first: the others are not claimed, so they are
  // still candidates for the next run. Claimed in multi-row inserts within D1's bound
  // parameters; RETURNING names the rows this run inserted, not those another run had.
  const taken = claims.slice(0, limit);
  const send = new Set(taken.filter((c) => c.send).map((c) => `${c.row.signUpId} ${c.row.kind}`));
  const toSend: string[] = [];
  const inserts = slicesForD1(taken, { each: columnsOf(circleReminderDeliveries) }).map((slice) =>
    db
      .insert(circleReminderDeliveries)
      .values(slice.map((c) => c.row))
      .onConflictDoNothing()
      .returning({
        signUpId: circleReminderDeliveries.signUpId,
        kind: circleReminderDeliveries.kind,
      }),
  );
  if (inserts.length > 0) {
    const results = await db.batch(inserts as [(typeof inserts)[number], ...typeof inserts]);
    for (const claimed of results.flat())
      if (send.has(`${claimed.signUpId} ${claimed.kind}`)) toSend.push(claimed.signUpId);
  }

  // Held reminders whose quiet hours have ended: one conditional update claims each once.
  // A held reminder of a sign-up that no longer counts, or whose need has started by now (a
  // 2-hour reminder of a need at 07:00 held until 08:00), is never sent: it goes.
  await db.run(sql`
    DELETE FROM circle_reminder_deliveries WHERE sent_at IS NULL AND sign_up_id IN (
      SELECT s.id FROM circle_sign_ups s JOIN circle_members m ON m.id = s.member_id
      JOIN circles c ON c.id = s.circle_id JOIN circle_needs n ON n.id = s.need_id
      WHERE NOT (${liveSignUp}) OR n.starts_at <= ${at})`);
  const released = await db.all<{ sign_up_id: string }>(sql`
    UPDATE circle_reminder_deliveries SET sent_at = ${at}
    WHERE sent_at IS NULL AND held_until <= ${at} AND id IN (
      SELECT d.id FROM circle_reminder_deliveries d JOIN circle_sign_ups s ON s.id = d.sign_up_id
      JOIN circle_members m ON m.id = s.member_id
      JOIN circles c ON c.id = s.circle_id JOIN circle_needs n ON n.id = s.need_id
      WHERE d.sent_at IS NULL AND d.held_until <= ${at} AND ${liveSignUp} AND n.starts_at > ${at}
      ORDER BY d.held_until, d.id LIMIT ${limit})
    RETURNING sign_up_id`);
  toSend.push(...released.map((row) => row.sign_up_id));
  if (toSend.length === 0) return [];

  const recipients = await db.all<{ id: string; email: string; locale: 'en' | 'fr' }>(sql`
    SELECT s.id, u.email, u.locale FROM circle_sign_ups s
    JOIN circle_members m ON m.id = s.member_id JOIN users u ON u.id = m.user_id
    WHERE s.id IN (SELECT value FROM json_each(${JSON.stringify(toSend)}))`);
  const byId = new Map(recipients.map((row) => [row.id, row]));
  // One message per reminder: two of one person's sign-ups due together are two reminders.
  return toSend.flatMap((id) => {
    const found = byId.get(id);
    return found ? [{ email: found.email, locale: found.locale }] : [];
  });
};
