import {
  and,
  asc,
  eq,
  getTableColumns,
  gt,
  gte,
  inArray,
  lt,
  ne,
  sql,
  type SQL,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { TZDate } from '@date-fns/tz';
import type { Database } from '../core/database';
import { newId } from '../core/random';
import { events, trustedOrganizers } from '../schema';
import type { ContentLanguage } from '../core/content-languages';
import { createOnce } from '../core/form-submissions';
import { inBatch, placeholderFor, preparedPerDatabase, preparedPerShape } from '../core/prepared';
import { eventIdFromSlug, withSlug } from './rules';

type StoredEvent = typeof events.$inferSelect;
/** An event as the app uses it: its row and its readable address (`eventSlug`, rules.ts). */
export type EventRow = StoredEvent & { slug: string };
export type EventStatus = StoredEvent['status'];
export const EVENT_CATEGORIES = [
  'workshop',
  'training',
  'vigil',
  'meeting',
  'fundraiser',
  'other',
] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];
export const EVENT_LANGUAGES = [
  'en',
  'fr',
  'es',
  'ar',
  'pt',
  'uk',
  'ro',
  'zh',
  'sw',
  'bsl',
  'lsf',
] as const;
export const ACCESS_FEATURES = [
  'stepFree',
  'seating',
  'interpretation',
  'quietRoom',
  'childcare',
] as const;
export type AccessFeature = (typeof ACCESS_FEATURES)[number];

/** What an organizer writes; times already turned into instants by the caller. */
export interface EventInput {
  title: string;
  description: string;
  category: EventCategory;
  format: 'in_person' | 'online';
  city: string;
  address: string;
  directions: string;
  stepFree: boolean;
  seating: boolean;
  interpretation: boolean;
  quietRoom: boolean;
  childcare: boolean;
  accessNotes: string;
  onlineUrl: string;
  languages: string;
  cost: string;
  capacity: number | null;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  reminderHours: number;
  /** The language the title and description are written in. */
  contentLanguage: ContentLanguage;
  /** The campaign the event is part of; the caller checks it is the organizer's own and public. Left as is when absent. */
  campaignId?: string | null;
}

/** How an event repeats: every week or every month, until a date (at most 52 occurrences). */
export interface Recurrence {
  every: 'week' | 'month';
  until: Date;
}
export const MAX_OCCURRENCES = 52;

/**
 * The start of each occurrence, the first included. Steps are taken on the wall clock of the
 * event's time zone, so a weekly 18:30 stays 18:30 across a change to or from summer time.
 */
export const occurrenceStarts = (
  first: Date,
  recurrence: Recurrence | null,
  timeZone = 'UTC',
): Date[] => {
  if (!recurrence) return [first];
  const local = new TZDate(first.getTime(), timeZone);
  const starts: Date[] = [];
  for (let i = 0; i < MAX_OCCURRENCES; i++) {
    const week = recurrence.every === 'week';
    const next = new TZDate(
      local.getFullYear(),
      local.getMonth() + (week ? 0 : i),
      local.getDate() + (week ? 7 * i : 0),
      local.getHours(),
      local.getMinutes(),
      0,
      timeZone,
    );
    // 31 January + 1 month is not 3 March: skip months without that day.
    if (!week && next.getDate() !== local.getDate()) continue;
    if (next.getTime() > recurrence.until.getTime()) break;
    starts.push(new Date(next.getTime()));
  }
  return starts;
};

/**
 * The end of each occurrence, on the wall clock like its start: as many days after it, at the
 * same time of day as the first. A fixed length would end an all-day event at 23:00 or 01:00 on
 * the day the clocks change, and it would no longer read as all day.
 */
const occurrenceEnd = (firstStart: Date, firstEnd: Date, timeZone: string) => {
  const start = new TZDate(firstStart.getTime(), timeZone);
  const end = new TZDate(firstEnd.getTime(), timeZone);
  const days = Math.round(
    (Date.UTC(end.getFullYear(), end.getMonth(), end.getDate()) -
      Date.UTC(start.getFullYear(), start.getMonth(), start.getDate())) /
      86400_000,
  );
  return (occurrence: Date): Date => {
    const local = new TZDate(occurrence.getTime(), timeZone);
    return new Date(
      new TZDate(
        local.getFullYear(),
        local.getMonth(),
        local.getDate() + days,
        end.getHours(),
        end.getMinutes(),
        0,
        timeZone,
      ).getTime(),
    );
  };
};

/**
 * Creates a draft (and, for a series, one draft per occurrence in the same batch). Returns the
 * id of the first occurrence. With the form's key, a second press of "Save" returns the
 * first press's event instead of making another.
 */
export const createEvent = async (
  db: Database,
  organizerId: string,
  input: EventInput,
  recurrence: Recurrence | null = null,
  now = new Date(),
  formKey: string | null = null,
): Promise<string> => {
  const starts = occurrenceStarts(input.startsAt, recurrence, input.timeZone);
  const endOf = occurrenceEnd(input.startsAt, input.endsAt, input.timeZone);
  const seriesId = starts.length > 1 ? newId() : null;
  const rows = starts.map((startsAt, i) => ({
    ...input,
    id: newId(),
    organizerId,
    seriesId,
    startsAt,
    endsAt: i === 0 ? input.endsAt : endOf(startsAt),
    status: 'draft' as const,
    sequence: 0,
    createdAt: now,
    updatedAt: now,
  }));
  const [first, ...rest] = rows.map((row) => db.insert(events).values(row));
  return (
    await createOnce(
      db,
      { userId: organizerId, kind: 'event', key: formKey },
      rows[0]!.id,
      [first!, ...rest],
      now,
    )
  ).id;
};

const eventById = preparedPerDatabase((db) =>
  db
    .select()
    .from(events)
    .where(eq(events.id, sql.placeholder('id')))
    .prepare(),
);

export const getEvent = async (db: Database, id: string): Promise<EventRow | null> =>
  nullOrSlugged(await eventById(db).get({ id }));

/** An event by its readable address (`eventSlug`) or its bare id, as links to it carry either. */
export const getEventBySlug = (db: Database, slugOrId: string): Promise<EventRow | null> =>
  getEvent(db, eventIdFromSlug(slugOrId));

const nullOrSlugged = (row: StoredEvent | undefined): EventRow | null =>
  row ? withSlug(row) : null;

/** Whether a change moves the event in time or space: people who RSVP'd must be told. */
export const changesTimeOrPlace = (before: EventRow, after: EventInput): boolean =>
  before.startsAt.getTime() !== after.startsAt.getTime() ||
  before.endsAt.getTime() !== after.endsAt.getTime() ||
  before.timeZone !== after.timeZone ||
  before.format !== after.format ||
  before.address !== after.address ||
  before.city !== after.city ||
  before.onlineUrl !== after.onlineUrl;

/**
 * Saves an organizer's edit of one event (one occurrence). A cancelled or past event cannot be
 * edited. `sequence` rises when people are affected. Returns the event before and after, or null.
 */
export const updateEvent = async (
  db: Database,
  id: string,
  input: EventInput,
  now = new Date(),
): Promise<{
  before: EventRow;
  after: EventRow;
  movedOrRelocated: boolean;
  resubmitted: boolean;
} | null> => {
  const before = await getEvent(db, id);
  if (!before || before.status === 'cancelled' || before.endsAt <= now) return null;
  const movedOrRelocated = before.status === 'published' && changesTimeOrPlace(before, input);
  // A moderator approved what an organizer who is not yet trusted wrote: a change to a published
  // event (its text, place or joining link) goes back to them before it is public again.
  const resubmitted =
    before.status === 'published' &&
    !(before.organizerId && (await isTrustedOrganizer(db, before.organizerId)));
  const [after] = await db
    .update(events)
    .set({
      ...input,
      ...(resubmitted ? { status: 'submitted' as const } : {}),
      updatedAt: now,
      sequence: sql`${events.sequence} + 1`,
    })
    .where(and(eq(events.id, id), ne(events.status, 'cancelled')))
    .returning();
  return after ? { before, after: withSlug(after), movedOrRelocated, resubmitted } : null;
};

export const isTrustedOrganizer = async (db: Database, userId: string): Promise<boolean> =>
  !!(await db.select().from(trustedOrganizers).where(eq(trustedOrganizers.userId, userId)).get());

export const trustOrganizer = async (
  db: Database,
  userId: string,
  now = new Date(),
): Promise<void> => {
  await db.insert(trustedOrganizers).values({ userId, trustedAt: now }).onConflictDoNothing();
};

/**
 * An organizer sends a draft on: published at once when they are trusted, otherwise to the
 * moderators. Only a draft moves (two clicks: the second changes nothing).
 */
export const submitEvent = async (
  db: Database,
  id: string,
  organizerId: string,
  now = new Date(),
): Promise<EventStatus | null> => {
  const status = (await isTrustedOrganizer(db, organizerId)) ? 'published' : 'submitted';
  const [row] = await db
    .update(events)
    .set({ status, updatedAt: now, sequence: sql`${events.sequence} + 1` })
    .where(and(eq(events.id, id), eq(events.status, 'draft'), gt(events.endsAt, now)))
    .returning({ status: events.status });
  return row?.status ?? null;
};

/** A moderator's decision on a submitted event: published, or back to draft. */
export const decideEvent = async (
  db: Database,
  id: string,
  decision: 'approved' | 'declined',
  now = new Date(),
): Promise<{ organizerId: string | null; title: string } | null> => {
  const [row] = await db
    .update(events)
    .set({
      status: decision === 'approved' ? 'published' : 'draft',
      updatedAt: now,
      sequence: sql`${events.sequence} + 1`,
    })
    .where(and(eq(events.id, id), eq(events.status, 'submitted')))
    .returning({ organizerId: events.organizerId, title: events.title });
  return row ?? null;
};

/**
 * Cancels an event. Only a not-yet-cancelled event changes; returns it, so the caller tells
 * everyone with a place or on the waitlist.
 */
export const cancelEvent = async (
  db: Database,
  id: string,
  now = new Date(),
): Promise<EventRow | null> => {
  const [row] = await db
    .update(events)
    .set({ status: 'cancelled', updatedAt: now, sequence: sql`${events.sequence} + 1` })
    .where(and(eq(events.id, id), ne(events.status, 'cancelled')))
    .returning();
  return nullOrSlugged(row);
};

const placesWhere = (status: 'confirmed' | 'waitlisted') =>
  // Written out with table names: drizzle leaves columns unqualified, and "id" would mean the RSVP's.
  sql<number>`coalesce((select sum(r.places) from event_rsvps r where r.event_id = "events"."id" and r.status = ${status}), 0)`;

/** A public event with the places already taken. */
export interface PublicEvent extends EventRow {
  confirmedPlaces: number;
}

/** Places still free, or null when there is no limit. */
export const placesLeft = (
  event: Pick<EventRow, 'capacity'>,
  confirmedPlaces: number,
): number | null =>
  event.capacity === null ? null : Math.max(0, event.capacity - confirmedPlaces);

/** The filters of the public list; every one optional. */
export interface EventFilters {
  format?: 'in_person' | 'online' | undefined;
  city?: string | undefined;
  language?: string | undefined;
  category?: EventCategory | undefined;
  /** One organizer's events (their account id). */
  organizerId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/** `events` itself or an alias of it (a list comparing an event with others of its series). */
export type EventsTable = typeof events | ReturnType<typeof alias<typeof events, string>>;

/** Which filters a list has: what its SQL depends on (the values come as placeholders). */
export type FilterShape = Record<keyof EventFilters, boolean>;

/** An empty filter filters nothing. */
export const filterShape = (filters: EventFilters): FilterShape => ({
  format: !!filters.format,
  city: !!filters.city,
  language: !!filters.language,
  category: !!filters.category,
  organizerId: !!filters.organizerId,
  from: !!filters.from,
  to: !!filters.to,
});

/** A filter shape as a short key (`preparedPerShape`): one letter a filter set. */
export const filterShapeKey = (shape: FilterShape): string =>
  Object.entries(shape)
    .map(([name, set]) => (set ? name[0] : '-'))
    .join('');

/**
 * What the public list shows of `table`: public, not over, and within the filters. Written with
 * placeholders (`now` and one a filter, filled by `publicValues`) for queries prepared once per
 * shape of filters; the list page, the month, the feeds and the embed all read through them.
 */
export const publicConditions = (shape: FilterShape, table: EventsTable = events): SQL[] => {
  const conditions: SQL[] = [
    inArray(table.status, ['published', 'cancelled']),
    gt(table.endsAt, placeholderFor(table.endsAt, 'now')),
  ];
  if (shape.format) conditions.push(eq(table.format, sql.placeholder('format')));
  if (shape.city) conditions.push(sql`lower(${table.city}) = lower(${sql.placeholder('city')})`);
  if (shape.language)
    conditions.push(sql`(',' || ${table.languages} || ',') like ${sql.placeholder('language')}`);
  if (shape.category) conditions.push(eq(table.category, sql.placeholder('category')));
  if (shape.organizerId) conditions.push(eq(table.organizerId, sql.placeholder('organizerId')));
  if (shape.from) conditions.push(gte(table.endsAt, placeholderFor(table.endsAt, 'from')));
  if (shape.to) conditions.push(lt(table.startsAt, placeholderFor(table.startsAt, 'to')));
  return conditions;
};

/** The values of `publicConditions`' placeholders. */
export const publicValues = (now: Date, filters: EventFilters): Record<string, unknown> => ({
  ...filters,
  now,
  language: `%,${filters.language},%`,
});

// Soonest first, and what each still has room for; one statement per shape of filters.
const upcomingEvents = preparedPerShape(filterShapeKey, (db, shape: FilterShape) =>
  db
    .select({ ...getTableColumns(events), confirmedPlaces: placesWhere('confirmed') })
    .from(events)
    .where(and(...publicConditions(shape)))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(sql.placeholder('limit'))
    .prepare(),
);

/** Upcoming public events (published, and cancelled ones so people see it), soonest first. */
export const listUpcomingEvents = async (
  db: Database,
  now: Date,
  filters: EventFilters = {},
  limit = 200,
): Promise<PublicEvent[]> =>
  (
    await upcomingEvents(db, filterShape(filters)).all({ ...publicValues(now, filters), limit })
  ).map(withSlug);

const eventCities = preparedPerDatabase((db) =>
  db
    .selectDistinct({ city: events.city })
    .from(events)
    .where(
      and(
        eq(events.status, 'published'),
        gt(events.endsAt, placeholderFor(events.endsAt, 'now')),
        ne(events.city, ''),
      ),
    )
    .orderBy(asc(events.city))
    .prepare(),
);

/** Cities with upcoming public events, for the filter, as an item of a page's batch. */
export const eventCitiesInBatch = (db: Database, now: Date) => inBatch(eventCities(db), { now });

/**
 * For campaigns: the upcoming published events among these ids, soonest first. Drafts,
 * submitted, cancelled and past events are left out.
 */
export const listUpcomingPublishedEventsByIds = async (
  db: Database,
  ids: readonly string[],
  now = new Date(),
): Promise<EventRow[]> =>
  ids.length === 0
    ? []
    : db
        .select()
        .from(events)
        .where(
          and(inArray(events.id, [...ids]), eq(events.status, 'published'), gt(events.endsAt, now)),
        )
        .orderBy(asc(events.startsAt))
        .all()
        .then((rows) => rows.map(withSlug));

const campaignEvents = preparedPerDatabase((db) =>
  db
    .select()
    .from(events)
    .where(
      and(
        eq(events.campaignId, sql.placeholder('campaignId')),
        eq(events.status, 'published'),
        gt(events.endsAt, placeholderFor(events.endsAt, 'now')),
      ),
    )
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(sql.placeholder('limit'))
    .prepare(),
);

/** For a campaign page: the campaign's upcoming published events, soonest first (no drafts, cancelled or past ones). */
export const listUpcomingCampaignEvents = async (
  db: Database,
  campaignId: string,
  now = new Date(),
  limit = 50,
): Promise<EventRow[]> => (await campaignEvents(db).all({ campaignId, now, limit })).map(withSlug);

/** Public events of one organizer (their feed). */
export const listOrganizerPublicEvents = async (
  db: Database,
  organizerId: string,
  now: Date,
): Promise<EventRow[]> =>
  db
    .select()
    .from(events)
    .where(
      and(
        eq(events.organizerId, organizerId),
        inArray(events.status, ['published', 'cancelled']),
        gt(events.endsAt, new Date(now.getTime() - 30 * 86400_000)),
      ),
    )
    .orderBy(asc(events.startsAt))
    .limit(200)
    .all()
    .then((rows) => rows.map(withSlug));

export interface OrganizerEvent extends EventRow {
  confirmedPlaces: number;
  waitlistedPlaces: number;
}

/** An organizer's own events with their counts, upcoming first, then past. */
export const listOrganizerEvents = async (
  db: Database,
  organizerId: string,
): Promise<OrganizerEvent[]> =>
  db
    .select({
      ...getTableColumns(events),
      confirmedPlaces: placesWhere('confirmed'),
      waitlistedPlaces: placesWhere('waitlisted'),
    })
    .from(events)
    .where(eq(events.organizerId, organizerId))
    .orderBy(asc(events.startsAt))
    .all()
    .then((rows) => rows.map(withSlug));

/**
 * When an organizer's account is deleted: drafts and submitted events go; upcoming public ones
 * are cancelled (their page says so) and kept without an organizer until their RSVPs are erased.
 */
export const removeOrganizerEvents = async (
  db: Database,
  userId: string,
  now = new Date(),
): Promise<void> => {
  await db.batch([
    db
      .delete(events)
      .where(and(eq(events.organizerId, userId), inArray(events.status, ['draft', 'submitted']))),
    db
      .update(events)
      .set({ status: 'cancelled', updatedAt: now, sequence: sql`${events.sequence} + 1` })
      .where(
        and(eq(events.organizerId, userId), eq(events.status, 'published'), gt(events.endsAt, now)),
      ),
    db.delete(trustedOrganizers).where(eq(trustedOrganizers.userId, userId)),
  ]);
};

/**
 * "Download my data" for an organizer: the events they created, as written, with the places
 * taken and waitlisted. Attendees' names, emails and access needs are left out: they are the
 * attendees' own data, given for one event, kept 30 days and erased on their own schedule; the
 * organizer reads them for the event (the RSVP page and CSV), and an account export is not
 * where copies of other people's details should travel.
 */
export const exportEventsOfOrganizer = async (db: Database, organizerId: string) =>
  (await listOrganizerEvents(db, organizerId)).map(
    ({ organizerId: _organizer, contactsErasedAt: _erased, ...event }) => event,
  );

/** The upcoming public events of an organizer: those cancelled when their account is deleted. */
export const listUpcomingPublicEventIdsOf = async (
  db: Database,
  organizerId: string,
  now = new Date(),
): Promise<string[]> =>
  (
    await db
      .select({ id: events.id })
      .from(events)
      .where(
        and(
          eq(events.organizerId, organizerId),
          eq(events.status, 'published'),
          gt(events.endsAt, now),
        ),
      )
      .all()
  ).map((row) => row.id);
