import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
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
 * Claims the reminders now due (each event's `reminder_hours` before it starts) and returns
 * them to send. The claim is one conditional update: a reminder already claimed, by this run or
 * an overlapping one, is never claimed again, so each RSVP gets one reminder at most.
 */
export const claimDueReminders = async (db: Database, now: Date): Promise<ReminderDue[]> => {
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
    where reminder_sent_at is null and wants_reminder = 1 and status = 'confirmed' and email is not null
      and event_id in (select id from events where status = 'published'
                       and starts_at > ${at} and starts_at <= ${at} + reminder_hours * 3600)
    returning id, event_id, email, name, locale, site_origin`);
  // Each reminder brings its own private link (the first email's link keeps working), so a
  // person who can no longer come cancels from the message in front of them.
  const tokens = new Map(
    claimed.filter((row) => row.site_origin).map((row) => [row.id, newToken()]),
  );
  const updates = [...tokens].map(([id, token]) =>
    db
      .update(eventRsvps)
      .set({ reminderTokenHash: hashToken(token) })
      .where(eq(eventRsvps.id, id)),
  );
  try {
    if (updates.length > 0)
      await db.batch(updates as [(typeof updates)[number], ...(typeof updates)[number][]]);
  } catch {
    // The reminders are claimed already: they still go, pointing to the first email's link.
    tokens.clear();
  }
  const due: ReminderDue[] = [];
  const cache = new Map<string, typeof events.$inferSelect | undefined>();
  for (const row of claimed) {
    if (!cache.has(row.event_id))
      cache.set(
        row.event_id,
        await db.select().from(events).where(eq(events.id, row.event_id)).get(),
      );
    const event = cache.get(row.event_id);
    const token = tokens.get(row.id);
    if (event)
      due.push({
        email: row.email,
        name: row.name ?? '',
        locale: row.locale,
        event: withSlug(event),
        token: token ?? null,
        siteOrigin: row.site_origin,
      });
  }
  return due;
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
