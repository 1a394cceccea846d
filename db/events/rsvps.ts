import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../core/database';
import { withSlug } from './rules';
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

export type RsvpStatus = 'confirmed' | 'waitlisted';

export type RsvpOutcome =
  /** A new RSVP (or one over an RSVP this address had cancelled): email this link to the address. */
  | { kind: 'new'; status: RsvpStatus; places: number; token: string }
  /**
   * This address already has an RSVP, and nothing changed. `status` is what a new RSVP for
   * these places would have been at this moment, so the answer at the form says nothing about
   * the address. The caller emails the owner (the address on file, in their language) the
   * fresh `recoveryToken`; the links they had keep working.
   */
  | {
      kind: 'existing';
      status: RsvpStatus;
      owner: {
        email: string;
        name: string;
        locale: 'en' | 'fr';
        status: RsvpStatus;
        places: number;
      };
      recoveryToken: string;
    };

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** Whether `places` more fit beside every place confirmed at event `e` (in SQL, inside the statement that writes). */
const fitsCondition = (places: number) => sql`(e.capacity is null
  or (select coalesce(sum(r.places), 0) from event_rsvps r
      where r.event_id = e.id and r.status = 'confirmed') + ${places} <= e.capacity)`;

/** Only a published event that has not started takes RSVPs (the SQL form, on events `e`). */
const takesRsvpsCondition = (eventId: string, at: number) =>
  sql`e.id = ${eventId} and e.status = 'published' and e.starts_at > ${at}`;

/**
 * Takes an RSVP in one statement, so parallel requests cannot overbook: the database decides
 * "confirmed" or "waitlisted" from the places already confirmed, inside the same write. Only a
 * published event that has not started takes RSVPs; otherwise null.
 *
 * An address that already has an RSVP keeps it as it is: whoever types an address may not be
 * its owner, so nothing they send changes the RSVP or its links. The unique (event, email)
 * index decides races: of parallel attempts, one inserts and the others find it. An address
 * whose RSVP was cancelled starts again, as a new RSVP at the end of the line.
 */
export const takeRsvp = async (
  db: Database,
  eventId: string,
  input: RsvpInput,
  now = new Date(),
): Promise<RsvpOutcome | null> => {
  const at = seconds(now);
  // Twice at most: the RSVP found may be cancelled between the two statements.
  for (let attempt = 0; attempt < 2; attempt++) {
    const token = newToken();
    const [taken] = await db.all<{ status: RsvpStatus; places: number }>(sql`
      insert into event_rsvps (id, event_id, name, email, places, access_needs, wants_reminder, status, token_hash, locale, site_origin, created_at, updated_at)
      select ${newId()}, e.id, ${input.name}, ${input.email}, ${input.places}, ${input.accessNeeds}, ${input.wantsReminder ? 1 : 0},
        case when ${fitsCondition(input.places)} then 'confirmed' else 'waitlisted' end,
        ${hashToken(token)}, ${input.locale}, ${input.siteOrigin}, ${at}, ${at}
      from events e
      where ${takesRsvpsCondition(eventId, at)}
      on conflict (event_id, email) do update set
        name = excluded.name,
        access_needs = excluded.access_needs,
        wants_reminder = excluded.wants_reminder,
        status = excluded.status,
        places = excluded.places,
        token_hash = excluded.token_hash,
        -- The cancelled RSVP's links stop working together.
        reminder_token_hash = null,
        recovery_token_hash = null,
        reminder_sent_at = null,
        locale = excluded.locale,
        site_origin = excluded.site_origin,
        updated_at = excluded.updated_at,
        -- Coming back after cancelling is a new place in the waitlist, not the old one.
        created_at = excluded.created_at
      where event_rsvps.status = 'cancelled'
      returning status, places`);
    if (taken) return { kind: 'new', status: taken.status, places: taken.places, token };

    // Nothing written: the event takes no RSVPs, or this address has one already.
    const recoveryToken = newToken();
    const [owner] = await db.all<{
      email: string;
      name: string | null;
      locale: 'en' | 'fr';
      status: RsvpStatus;
      places: number;
    }>(sql`
      update event_rsvps set recovery_token_hash = ${hashToken(recoveryToken)}
      where event_id = (select e.id from events e where ${takesRsvpsCondition(eventId, at)})
        and email = ${input.email} and status in ('confirmed', 'waitlisted')
      returning email, name, locale, status, places`);
    if (!owner) {
      const [event] = await db.all<{ id: string }>(
        sql`select e.id from events e where ${takesRsvpsCondition(eventId, at)}`,
      );
      if (!event) return null;
      continue;
    }
    // What a new RSVP for these places would have been: every confirmed place counts, the owner's too.
    const [would] = await db.all<{ status: RsvpStatus }>(sql`
      select case when ${fitsCondition(input.places)} then 'confirmed' else 'waitlisted' end as status from events e where e.id = ${eventId}`);
    return {
      kind: 'existing',
      status: would?.status ?? 'waitlisted',
      owner: {
        email: owner.email,
        name: owner.name ?? '',
        locale: owner.locale,
        status: owner.status,
        places: owner.places,
      },
      recoveryToken,
    };
  }
  return null;
};

/** The RSVP a private link opens: the one from its first email, its reminder, or the newest "you already have one" email. */
const byPrivateLink = (token: string) => {
  const hash = hashToken(token);
  return or(
    eq(eventRsvps.tokenHash, hash),
    eq(eventRsvps.reminderTokenHash, hash),
    eq(eventRsvps.recoveryTokenHash, hash),
  );
};

/** An RSVP and its event, from the private link's token. */
export const getRsvpByToken = async (
  db: Database,
  token: string,
): Promise<{ rsvp: RsvpRow; event: EventRow } | null> => {
  if (!/^[a-z2-7]{32}$/.test(token)) return null;
  const row = await db
    .select({ rsvp: eventRsvps, event: events })
    .from(eventRsvps)
    .innerJoin(events, eq(events.id, eventRsvps.eventId))
    .where(byPrivateLink(token))
    .get();
  return row ? { rsvp: row.rsvp, event: withSlug(row.event) } : null;
};

/** What a person may change from their private link: everything but the address. */
export type RsvpChange = Pick<RsvpInput, 'name' | 'places' | 'accessNeeds' | 'wantsReminder'>;

/**
 * Changes an RSVP from its private link, in one statement so parallel changes cannot overbook:
 * a person with a place gets a new number of places only if it fits beside the others' (else
 * they keep theirs); a person waiting waits for the new number. Places freed go to the
 * waitlist. Only while the event takes RSVPs, and only an RSVP not cancelled; otherwise null.
 */
export const changeRsvp = async (
  db: Database,
  token: string,
  change: RsvpChange,
  now = new Date(),
): Promise<{
  eventId: string;
  email: string | null;
  status: RsvpStatus;
  places: number;
  keptEarlierPlaces: boolean;
  promoted: Promotion[];
} | null> => {
  const hash = hashToken(token);
  const at = seconds(now);
  const capacity = sql`(select e.capacity from events e where e.id = event_rsvps.event_id)`;
  const [row] = await db.all<{
    event_id: string;
    email: string | null;
    status: RsvpStatus;
    places: number;
  }>(sql`
    update event_rsvps set
      name = ${change.name}, access_needs = ${change.accessNeeds}, wants_reminder = ${change.wantsReminder ? 1 : 0}, updated_at = ${at},
      places = case
        when status = 'waitlisted' or ${capacity} is null
          or (select coalesce(sum(r.places), 0) from event_rsvps r
              where r.event_id = event_rsvps.event_id and r.status = 'confirmed' and r.id <> event_rsvps.id) + ${change.places} <= ${capacity}
        then ${change.places} else places end
    where (token_hash = ${hash} or reminder_token_hash = ${hash} or recovery_token_hash = ${hash})
      and status in ('confirmed', 'waitlisted')
      and event_id in (select e.id from events e where e.status = 'published' and e.starts_at > ${at})
    returning event_id, email, status, places`);
  if (!row) return null;
  return {
    eventId: row.event_id,
    email: row.email,
    status: row.status,
    places: row.places,
    keptEarlierPlaces: row.places !== change.places,
    promoted: await promoteFromWaitlist(db, row.event_id, now),
  };
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
 * at once never promote past capacity. Each promoted person gets one more private link, for the
 * email saying so; the links they already have keep working (the promotion email is sent after
 * this commits: if it never arrives, their first email's link still opens their place).
 */
export const promoteFromWaitlist = async (
  db: Database,
  eventId: string,
  now = new Date(),
): Promise<Promotion[]> => {
  const promoted: Promotion[] = [];
  for (let i = 0; i < 100; i++) {
    const token = newToken();
    const rows = await db.all<{
      email: string | null;
      name: string | null;
      places: number;
      locale: 'en' | 'fr';
    }>(sql`
      update event_rsvps set status = 'confirmed', recovery_token_hash = ${hashToken(token)}, updated_at = ${seconds(now)}
      where id = (
        select w.id from event_rsvps w join events e on e.id = w.event_id
        where w.event_id = ${eventId} and w.status = 'waitlisted' and e.status = 'published' and e.starts_at > ${seconds(now)}
          and (e.capacity is null or w.places + (select coalesce(sum(c.places), 0) from event_rsvps c
               where c.event_id = w.event_id and c.status = 'confirmed') <= e.capacity)
        order by w.created_at, w.rowid limit 1)
      returning email, name, places, locale`);
    const row = rows[0];
    if (!row) break;
    if (row.email)
      promoted.push({
        email: row.email,
        name: row.name ?? '',
        places: row.places,
        locale: row.locale,
        token,
      });
  }
  return promoted;
};

/**
 * Cancels an RSVP from its private link, then fills the freed places from the waitlist.
 * A second cancellation changes nothing. Returns who was promoted, or null if nothing changed.
 */
export const cancelRsvp = async (
  db: Database,
  token: string,
  now = new Date(),
): Promise<{ eventId: string; promoted: Promotion[] } | null> => {
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
export const countPlaces = async (
  db: Database,
  eventId: string,
): Promise<{ confirmed: number; waitlisted: number }> => {
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
    .orderBy(
      sql`case ${eventRsvps.status} when 'confirmed' then 0 when 'waitlisted' then 1 else 2 end`,
      asc(eventRsvps.createdAt),
      sql`rowid`,
    )
    .all();

/** People to tell about a change or cancellation: everyone with a place or on the waitlist. */
export const listRsvpContacts = async (db: Database, eventId: string) =>
  (
    await db
      .select({
        email: eventRsvps.email,
        name: eventRsvps.name,
        locale: eventRsvps.locale,
        status: eventRsvps.status,
      })
      .from(eventRsvps)
      .where(
        and(
          eq(eventRsvps.eventId, eventId),
          inArray(eventRsvps.status, ['confirmed', 'waitlisted']),
        ),
      )
      .all()
  ).filter((row): row is typeof row & { email: string } => !!row.email);
