import { and, getTableColumns, isNull, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { TZDate } from '@date-fns/tz';
import type { Database } from '../core/database';
import { inBatch, preparedPerShape } from '../core/prepared';
import {
  keysetPage,
  timeThenId,
  seekTemplate,
  type KeysetPage,
  type PageAsk,
  type SeekDirection,
} from '../core/keyset';
import { events } from '../schema';
import {
  eventCitiesInBatch,
  filterShape,
  filterShapeKey,
  publicConditions,
  publicValues,
  type EventFilters,
  type FilterShape,
  type PublicEvent,
} from './events';
import { withSlug } from './rules';

export const EVENTS_PER_PAGE = 20;

/** How a series repeats, read from its dates: every week, every month, or on other dates. */
export type SeriesPattern = 'week' | 'month' | 'dates';

/** A row of the events list: an event, or a series shown once by its next occurrence. */
export interface ListedEvent extends PublicEvent {
  /** Null for a single event (or a series with one date left). */
  repeats: SeriesPattern | null;
}

/** /events in keyset order (db/core/keyset.ts): soonest first. */
const eventListKey = timeThenId(
  events.startsAt,
  events.id,
  (row: { startsAt: Date; id: string }) => row.startsAt,
);

// Outer columns written out with their table: inside the subqueries below, drizzle's
// unqualified "series_id" would name the sibling's own.
const outer = {
  id: sql.raw('"events"."id"'),
  seriesId: sql.raw('"events"."series_id"'),
  startsAt: sql.raw('"events"."starts_at"'),
};
const placesTaken = sql<number>`coalesce((select sum(r.places) from event_rsvps r where r.event_id = "events"."id" and r.status = 'confirmed'), 0)`;

/**
 * The pattern of a series from two of its dates, on the wall clock of its time zone: seven
 * days apart is weekly, the same day of the next month is monthly (occurrenceStarts in
 * events.ts makes those two), anything else is a series of dates.
 */
export const seriesPattern = (first: Date, next: Date, timeZone: string): SeriesPattern => {
  const a = new TZDate(first.getTime(), timeZone);
  const b = new TZDate(next.getTime(), timeZone);
  const days = Math.round(
    (Date.UTC(b.getFullYear(), b.getMonth(), b.getDate()) -
      Date.UTC(a.getFullYear(), a.getMonth(), a.getDate())) /
      86400_000,
  );
  if (days === 7) return 'week';
  const months = (b.getFullYear() - a.getFullYear()) * 12 + b.getMonth() - a.getMonth();
  if (months === 1 && a.getDate() === b.getDate()) return 'month';
  return 'dates';
};

// Written out in full: in the selected columns drizzle leaves names unqualified.
const nextSibling = sql<
  number | null
>`(select min(n.starts_at) from events n where n.series_id = "events"."series_id" and n.status in ('published', 'cancelled') and n.starts_at > "events"."starts_at")`;

/** What the list's SQL depends on: its filters and which way the page goes. */
interface ListShape {
  filters: FilterShape;
  direction: SeekDirection;
}

/**
 * The list's statement for one shape, prepared once: drizzle built it anew on every request,
 * about a third of the page's time. A series shows once: by the occurrence with no earlier one
 * within the same filters.
 */
const listQuery = preparedPerShape(
  (shape: ListShape) => `${filterShapeKey(shape.filters)}:${shape.direction}`,
  (db, { filters, direction }: ListShape) => {
    const sibling = alias(events, 'sibling');
    const earlierSibling = db
      .select({ one: sql`1` })
      .from(sibling)
      .where(
        and(
          sql`${sibling.seriesId} = ${outer.seriesId}`,
          ...publicConditions(filters, sibling),
          sql`(${sibling.startsAt}, ${sibling.id}) < (${outer.startsAt}, ${outer.id})`,
        ),
      );
    const seek = seekTemplate(eventListKey.key, direction);
    return db
      .select({
        ...getTableColumns(events),
        confirmedPlaces: placesTaken,
        nextInSeries: nextSibling,
      })
      .from(events)
      .where(
        and(
          ...publicConditions(filters),
          or(isNull(events.seriesId), notExists(earlierSibling)),
          seek.where,
        ),
      )
      .orderBy(...seek.orderBy)
      .limit(sql.placeholder('limit'))
      .prepare();
  },
);

/**
 * One page of the public events list, with the filters, and the cities for the filter (read in
 * the same round trip as the page's first statement). A recurring series is one row: its first
 * occurrence within the filters, with the date of the one after it, from which the page says
 * "every Sunday". The month view and the feeds list every occurrence (listUpcomingEvents).
 */
export const readEventsListPage = async (
  db: Database,
  now: Date,
  filters: EventFilters,
  ask: PageAsk,
): Promise<KeysetPage<ListedEvent> & { cities: string[] }> => {
  const shape = filterShape(filters);
  const values = publicValues(now, filters);
  let cities: string[] | null = null;
  const page = await keysetPage({
    ...eventListKey,
    ask,
    size: EVENTS_PER_PAGE,
    fetch: async (_where, _orderBy, limit, seek) => {
      const query = listQuery(db, { filters: shape, direction: seek.direction });
      const pageValues = { ...values, ...seek.values, limit };
      if (cities) return query.all(pageValues);
      const [cityRows, rows] = await db.batch([
        eventCitiesInBatch(db, now),
        inBatch(query, pageValues),
      ]);
      cities = cityRows.map((row) => row.city);
      return rows;
    },
  });
  return {
    ...page,
    cities: cities ?? [],
    items: page.items.map(({ nextInSeries, ...row }) => ({
      ...withSlug(row),
      repeats:
        row.seriesId && nextInSeries !== null
          ? seriesPattern(row.startsAt, new Date(nextInSeries * 1000), row.timeZone)
          : null,
    })),
  };
};
