import { and, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { slicesForD1 } from '../core/bound-parameters';
import type { Database } from '../core/database';
import { hashToken, newToken } from '../core/random';
import { eventRsvps, events } from '../schema';
import type { EventRow } from './events';
import { withSlug } from './rules';

/** Days after an event ends before its RSVPs' contact details are erased. */
export const RSVP_RETENTION_DAYS = 30;

export interface ReminderDue {
  email: string;
  name: string;
  locale: 'en' | 'fr';
  event: EventRow;
  /** A private token to see or cancel, made for this reminder; null when it could not be made. */
  token: string | null;
  /** The site's address the person RSVPed on, for the link (worker/events/rsvp-link.ts). */
  siteOrigin: string;
}

/**
 * Reminders one scheduled run claims, soonest event first; the rest wait for the next run (every
 * 5 minutes), still hours before their events. A run's claim costs 3 D1 queries and the queueing
 * of its emails one per 10 (worker/events/jobs.ts), so 100 is about 13 of the 1,000 queries one
 * Workers invocation may make (worker/jobs.ts); 100 also matches what the mail job sends a run.
 */
export const EVENT_REMINDERS_PER_RUN = 100;

/** A reminder still owed: asked for, not sent yet, for a place that is confirmed, to an address. */
const owed = (rsvp: 'event_rsvps' | 'r') =>
  sql.raw(
    `${rsvp}.reminder_sent_at is null and ${rsvp}.wants_reminder = 1 and ${rsvp}.status = 'confirmed' and ${rsvp}.email is not null`,
  );

/**
 * Claims the reminders now due (each event's `reminder_hours` before it starts), at most
 * `limit`, and returns them to send. The claim is one conditional update: a reminder already
 * claimed, by this run or an overlapping one, is never claimed again, so each RSVP gets one
 * reminder at most.
 */
export const claimDueReminders = async (
  db: Database,
  now: Date,
  limit = EVENT_REMINDERS_PER_RUN,
): Promise<ReminderDue[]> => {
  const at = Math.floor(now.getTime() / 1000);
  const claimed = await db.all<{
    id: string;
    event_id: string;
    email: string;
    name: string | null;
    locale: 'en' | 'fr';
    site_origin: string;
  }>(sql`
    update event_rsvps set reminder_sent_at = ${at}
    where ${owed('event_rsvps')} and id in (
      select r.id from event_rsvps r join events e on e.id = r.event_id
      where ${owed('r')} and e.status = 'published'
        and e.starts_at > ${at} and e.starts_at <= ${at} + e.reminder_hours * 3600
      order by e.starts_at, r.id limit ${limit})
    returning id, event_id, email, name, locale, site_origin`);
  if (claimed.length === 0) return [];
  // Each reminder brings its own private link (the first email's link keeps working), so a
  // person who can no longer come cancels from the message in front of them. All the links'
  // hashes go in one update (one JSON parameter), not one update a reminder.
  const tokens = new Map(
    claimed.filter((row) => row.site_origin).map((row) => [row.id, newToken()]),
  );
  const hashes = JSON.stringify([...tokens].map(([id, token]) => ({ id, hash: hashToken(token) })));
  try {
    if (tokens.size > 0)
      await db.run(sql`
        update event_rsvps set reminder_token_hash = (
          select json_extract(value, '$.hash') from json_each(${hashes})
          where json_extract(value, '$.id') = event_rsvps.id)
        where id in (select json_extract(value, '$.id') from json_each(${hashes}))`);
  } catch {
    // The reminders are claimed already: they still go, pointing to the first email's link.
    tokens.clear();
  }
  const eventIds = [...new Set(claimed.map((row) => row.event_id))];
  const found = new Map<string, typeof events.$inferSelect>();
  for (const slice of slicesForD1(eventIds))
    for (const event of await db.select().from(events).where(inArray(events.id, slice)).all())
      found.set(event.id, event);
  return claimed.flatMap((row) => {
    const event = found.get(row.event_id);
    const token = tokens.get(row.id);
    return event
      ? [
          {
            email: row.email,
            name: row.name ?? '',
            locale: row.locale,
            event: withSlug(event),
            token: token ?? null,
            siteOrigin: row.site_origin,
          },
        ]
      : [];
  });
};

/**
 * Erases the name, email, needs and private link of every RSVP to events that ended more than
 * `days` ago. Places and statuses stay, so counts remain. Safe to run any number of times.
 */
export const eraseOldRsvpContacts = async (
  db: Database,
  now: Date,
  days = RSVP_RETENTION_DAYS,
): Promise<number> => {
  const cutoff = new Date(now.getTime() - days * 86400_000);
  const ended = db.select({ id: events.id }).from(events).where(lt(events.endsAt, cutoff));
  const [erased] = await db.batch([
    db
      .update(eventRsvps)
      .set({
        name: null,
        email: null,
        accessNeeds: null,
        tokenHash: null,
        reminderTokenHash: null,
        recoveryTokenHash: null,
      })
      .where(
        and(
          sql`${eventRsvps.eventId} in ${ended}`,
          or(
            isNotNull(eventRsvps.email),
            isNotNull(eventRsvps.name),
            isNotNull(eventRsvps.accessNeeds),
            isNotNull(eventRsvps.tokenHash),
            isNotNull(eventRsvps.reminderTokenHash),
            isNotNull(eventRsvps.recoveryTokenHash),
          ),
        ),
      )
      .returning({ id: eventRsvps.id }),
    db
      .update(events)
      .set({ contactsErasedAt: now })
      .where(and(lt(events.endsAt, cutoff), isNull(events.contactsErasedAt))),
  ]);
  return erased.length;
};
