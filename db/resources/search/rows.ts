import { sql, type SQL } from 'drizzle-orm';
import { openAt, openNowExpression } from '../open-now';
import type { ResourceSearch } from '../types';

/** The mark around each value of a search row's lists (see serviceSearchRows in schema.ts). */
const MARK = '\x1f';

/** A value the lists can be searched for: one holding the mark could match across two values. */
const listable = (value: string | undefined) => value === undefined || !value.includes(MARK);

/** Whether rowChecks can express this search's filters exactly. */
export const rowsCanCheck = (search: ResourceSearch): boolean =>
  listable(search.category) && listable(search.language) && listable(search.city);

/** Whether the search has a filter beyond "active". */
export const rowsFilter = (search: ResourceSearch): boolean =>
  !!(search.category || search.language || search.city || search.free || search.walkIn || search.traumaInformed || search.survivorLed || search.openNow);

/**
 * Whether the search has a filter that usually passes few services (a category, a language, a
 * city, online only): then testing every full-text hit first and ranking only those that pass
 * costs less than ranking every hit (see filteredRankedPage).
 */
export const rowsSelective = (search: ResourceSearch): boolean => !!(search.category || search.language || search.city);

const inList = (column: SQL, value: string) => sql`instr(${column}, ${MARK + value + MARK}) > 0`;

/**
 * The filters of a search as tests of the search row `r` (service_search_rows): the same sets as
 * searchFilters, read from one row found by one key instead of one index per filter. "Open now"
 * comes last, once the rest has passed.
 */
export const rowChecks = (search: ResourceSearch): SQL => {
  const where: SQL[] = [sql`r.active = 1`];
  if (search.category) where.push(inList(sql`r.categories`, search.category));
  if (search.language) where.push(inList(sql`r.languages`, search.language));
  if (search.city === 'online') where.push(sql`r.online = 1`);
  else if (search.city) where.push(inList(sql`r.cities`, search.city));
  if (search.free) where.push(sql`r.free = 1`);
  if (search.walkIn) where.push(sql`r.walk_in = 1`);
  if (search.traumaInformed) where.push(sql`r.trauma_informed = 1`);
  if (search.survivorLed) where.push(sql`r.survivor_led = 1`);
  if (search.openNow) where.push(openNowRowCheck());
  return sql.join(where, sql` AND `);
};

/**
 * "Open now" tested in the search row `r` (needs zone_now): the row holds the one schedule that
 * counts, if only one does (see schema.ts); else the service's schedules are read.
 */
export const openNowRowCheck = (): SQL => sql`CASE WHEN r.hours_zone IS NULL THEN ${openNowExpression(sql`r.service_id`)}
      ELSE EXISTS (SELECT 1 FROM zone_now z WHERE z.time_zone = r.hours_zone AND ${openAt('r')}) END`;
