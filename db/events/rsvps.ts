import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../core/database';
import type { EventRow } from './events';
import { hashToken, newId, newToken } from '../core/random';
import { eventRsvps, events } from '../schema';

export type RsvpRow = typeof eventRsvps.$inferSelect;
export const MAX_PLACES = 5;

export interface RsvpInput {
  name: string;
  email: string;
  places: number;
  accessNeeds: string;
  wantsReminder: boolean;
  locale: 'en' | 'fr';
  /** This site's address, for the link in the reminder a job sends later. */
  siteOrigin: string;
}

export interface RsvpOutcome {
  status: 'confirmed' | 'waitlisted';
  places: number;
  /** The private link's token: shown once, in the email, never stored. */
  token: string;
  /** True when this email already had an RSVP, now updated. */
  updated: boolean;
  /** True when more places were asked than were free, and the earlier number was kept. */
  keptEarlierPlaces: boolean;
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * Takes (or updates) an RSVP in one statement, so parallel requests cannot overbook: the
 * database decides "confirmed" or "waitlisted" from the places already confirmed, inside the
 * same write. Only a published event that has not started takes RSVPs; otherwise null.
 * The same email twice updates the one RSVP (and keeps its place in the waitlist); a person
 * who had a place and asks for more than is free keeps the places they had.
 */
export const takeRsvp = async (db: Database, eventId: string, input: RsvpInput, now = new Date()): Promise<RsvpOutcome | null> => {
  const token = newToken();
  const id = newId();
  const at = seconds(now);
  const rows = await db.all<{ id: string; status: 'confirmed' | 'waitlisted'; places: number }>(sql`
    insert into event_rsvps (id, event_id, name, email, places, access_needs, wants_reminder, status, token_hash, locale, site_origin, created_at, updated_at)
    select ${id}, e.id, ${input.name}, ${input.email}, ${input.places}, ${input.accessNeeds}, ${input.wantsReminder ? 1 : 0},
      case when e.capacity is null
        or (select coalesce(sum(r.places), 0) from event_rsvps r
            where r.event_id = e.id and r.status = 'confirmed' and r.email is not ${input.email}) + ${input.places} <= e.capacity
      then 'confirmed' else 'waitlisted' end,
      ${hashToken(token)}, ${input.locale}, ${input.siteOrigin}, ${at}, ${at}
    from events e
    where e.id = ${eventId} and e.status = 'published' and e.starts_at > ${at}
    on conflict (event_id, email) do update set
      name = excluded.name,
      access_needs = excluded.access_needs,
      wants_reminder = excluded.wants_reminder,
      token_hash = excluded.token_hash,
      -- The earlier links stop working together: the first email's and the reminder's.
      reminder_token_hash = null,
      locale = excluded.locale,
      site_origin = excluded.site_origin,
      updated_at = excluded.updated_at,
      reminder_sent_at = case when event_rsvps.status = 'cancelled' then null else event_rsvps.reminder_sent_at end,
      -- Coming back after cancelling is a new place in the waitlist, not the old one.
      created_at = case when event_rsvps.status = 'cancelled' then excluded.created_at else event_rsvps.created_at end,
      places = case when excluded.status = 'confirmed' or event_rsvps.status <> 'confirmed' then excluded.places else event_rsvps.places end,
      status = case when excluded.status = 'confirmed' or event_rsvps.status = 'confirmed' then 'confirmed' else 'waitlisted' end
    returning id, status, places`);
  const row = rows[0];
  if (!row) return null;
  return {
    status: row.status,
    places: row.places,
    token,
    updated: row.id !== id,
    keptEarlierPlaces: row.places !== input.places,
  };
};

/** The RSVP a private link opens: the one from its first email, or the one from its reminder. */
const byPrivateLink = (token: string) => {
  const hash = hashToken(token);
  return or(eq(eventRsvps.tokenHash, hash), eq(eventRsvps.reminderTokenHash, hash));
};

/** An RSVP and its event, from the private link's token. */
export const getRsvpByToken = async (db: Database, token: string): Promise<{ rsvp: RsvpRow; event: EventRow } | null> => {
  if (!/^[a-z2-7]{32}$/.test(token)) return null;
  const row = await db
    .select({ rsvp: eventRsvps, event: events })
    .from(eventRsvps)
    .innerJoin(events, eq(events.id, eventRsvps.eventId))
    .where(byPrivateLink(token))
    .get();
  return row ?? null;
};

/** A waitlisted person who now has a place, with a fresh private link to send them. */
export interface Promotion {
  email: string;
  name: string;
  places: number;
  locale: 'en' | 'fr';
  token: string;
}

/**
 * Fills free places from the waitlist, first come first served among those whose places fit.
 * Each promotion is one conditional update (capacity checked inside it), so two cancellations
 * at once never promote past capacity. Each promoted person gets a new private link.
 */
export const promoteFromWaitlist = async (db: Database, eventId: string, now = new Date()): Promise<Promotion[]> => {
  const promoted: Promotion[] = [];
  for (let i = 0; i < 100; i++) {
    const token = newToken();
    const rows = await db.all<{ email: string | null; name: string | null; places: number; locale: 'en' | 'fr' }>(sql`
      update event_rsvps set status = 'confirmed', token_hash = ${hashToken(token)}, reminder_token_hash = null, updated_at = ${seconds(now)}
      where id = (
        select w.id from event_rsvps w join events e on e.id = w.event_id
        where w.event_id = ${eventId} and w.status = 'waitlisted' and e.status = 'published' and e.starts_at > ${seconds(now)}
          and (e.capacity is null or w.places + (select coalesce(sum(c.places), 0) from event_rsvps c
               where c.event_id = w.event_id and c.status = 'confirmed') <= e.capacity)
        order by w.created_at, w.rowid limit 1)
      returning email, name, places, locale`);
    const row = rows[0];
    if (!row) break;
    if (row.email) promoted.push({ email: row.email, name: row.name ?? '', places: row.places, locale: row.locale, token });
  }
  return promoted;
};

/**
 * Cancels an RSVP from its private link, then fills the freed places from the waitlist.
 * A second cancellation changes nothing. Returns who was promoted, or null if nothing changed.
 */
export const cancelRsvp = async (db: Database, token: string, now = new Date()): Promise<{ eventId: string; promoted: Promotion[] } | null> => {
  const [row] = await db
    .update(eventRsvps)
    .set({ status: 'cancelled', updatedAt: now })
    .where(and(byPrivateLink(token), inArray(eventRsvps.status, ['confirmed', 'waitlisted'])))
    .returning({ eventId: eventRsvps.eventId });
  if (!row) return null;
  return { eventId: row.eventId, promoted: await promoteFromWaitlist(db, row.eventId, now) };
};

/** How many are ahead of this waitlisted RSVP, plus one. */
export const waitlistPosition = async (db: Database, rsvp: RsvpRow): Promise<number> => {
  const [row] = await db.all<{ n: number }>(sql`
    select count(*) as n from event_rsvps
    where event_id = ${rsvp.eventId} and status = 'waitlisted'
      and (created_at < ${seconds(rsvp.createdAt)} or (created_at = ${seconds(rsvp.createdAt)} and rowid <= (select rowid from event_rsvps where id = ${rsvp.id})))`);
  return row?.n ?? 1;
};

/** Places confirmed and waiting at one event. */
export const countPlaces = async (db: Database, eventId: string): Promise<{ confirmed: number; waitlisted: number }> => {
  const [row] = await db.all<{ confirmed: number; waitlisted: number }>(sql`
    select coalesce(sum(case when status = 'confirmed' then places end), 0) as confirmed,
           coalesce(sum(case when status = 'waitlisted' then places end), 0) as waitlisted
    from event_rsvps where event_id = ${eventId}`);
  return { confirmed: Number(row?.confirmed ?? 0), waitlisted: Number(row?.waitlisted ?? 0) };
};

/** The RSVPs of one event, for its organizer: confirmed, then waitlisted, then cancelled. */
export const listEventRsvps = async (db: Database, eventId: string): Promise<RsvpRow[]> =>
  db
    .select()
    .from(eventRsvps)
    .where(eq(eventRsvps.eventId, eventId))
    .orderBy(sql`case ${eventRsvps.status} when 'confirmed' then 0 when 'waitlisted' then 1 else 2 end`, asc(eventRsvps.createdAt), sql`rowid`)
    .all();

/** People to tell about a change or cancellation: everyone with a place or on the waitlist. */
export const listRsvpContacts = async (db: Database, eventId: string) =>
  (
    await db
      .select({ email: eventRsvps.email, name: eventRsvps.name, locale: eventRsvps.locale, status: eventRsvps.status })
      .from(eventRsvps)
      .where(and(eq(eventRsvps.eventId, eventId), inArray(eventRsvps.status, ['confirmed', 'waitlisted'])))
      .all()
  ).filter((row): row is typeof row & { email: string } => !!row.email);
