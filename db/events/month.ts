import { and, asc, sql } from 'drizzle-orm';
import type { Database } from '../core/database';
import { inBatch, preparedPerShape } from '../core/prepared';
import { events } from '../schema';
import {
  eventCitiesInBatch,
  filterShape,
  filterShapeKey,
  publicConditions,
  publicValues,
  type EventFilters,
  type EventRow,
  type FilterShape,
} from './events';
import { withSlug } from './rules';

/** What a month grid shows of an occurrence: its title and link, its days, and whether it is cancelled. */
export type MonthOccurrence = Pick<
  EventRow,
  'id' | 'slug' | 'title' | 'contentLanguage' | 'status' | 'startsAt' | 'endsAt' | 'timeZone'
>;

/** A month grid stays readable up to this many occurrences; the list view pages past it. */
export const MONTH_LIMIT = 200;

// Only the columns the grid draws: every column and the places taken for each of 170
// occurrences cost more than the rest of the page together (2,000 events, bench:scale).
// One statement per shape of filters, prepared once.
const monthQuery = preparedPerShape(filterShapeKey, (db, shape: FilterShape) =>
  db
    .select({
      id: events.id,
      title: events.title,
      contentLanguage: events.contentLanguage,
      status: events.status,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      timeZone: events.timeZone,
    })
    .from(events)
    .where(and(...publicConditions(shape)))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(sql.placeholder('limit'))
    .prepare(),
);

/**
 * The public occurrences in `filters`' range (the month view), soonest first, up to
 * MONTH_LIMIT, and whether there were more (the page then says so, never a silently cut
 * month); with the cities for the filter, in the same round trip.
 */
export const readEventsMonth = async (
  db: Database,
  now: Date,
  filters: EventFilters,
): Promise<{ occurrences: MonthOccurrence[]; more: boolean; cities: string[] }> => {
  const [cities, rows] = await db.batch([
    eventCitiesInBatch(db, now),
    inBatch(monthQuery(db, filterShape(filters)), {
      ...publicValues(now, filters),
      limit: MONTH_LIMIT + 1,
    }),
  ]);
  return {
    occurrences: rows.slice(0, MONTH_LIMIT).map(withSlug),
    more: rows.length > MONTH_LIMIT,
    cities: cities.map((row) => row.city),
  };
};
