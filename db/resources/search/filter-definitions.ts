import { sql, type SQL } from 'drizzle-orm';
import { openAt, openNowExpression } from '../open-now';
import type { ResourceSearch, ServiceFilter } from '../types';

/**
 * The SQL of each search filter, in one table: every path of a search (filters.ts, rows.ts,
 * facets.ts, the leading set in search.ts) loops over it instead of naming filters. The filter's
 * query-string half (key, reading, writing, label) is web/views/resources/search-filters.ts: db
 * may import neither web nor worker, and web may import only types from db, so the two halves
 * meet only in the list of filters (ResourceSearchFilters in ../types.ts), which types both.
 */

/** The mark around each value of a search row's lists (see serviceSearchRows in schema.ts). */
const MARK = '\x1f';

/** Whether a search row's lists can be searched for a value: one holding the mark could match across two values. */
const listable = (value: string) => !value.includes(MARK);

const inList = (column: SQL, value: string): SQL => {
  if (!listable(value))
    throw new Error(
      "A value holding the lists' mark cannot be checked in the search rows: the general path must answer (rowsCanCheck).",
    );
  return sql`instr(${column}, ${MARK + value + MARK}) > 0`;
};

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * A facet token: U+E000 (private use, so a letter to the tokenizer but never in a person's words),
 * a letter for the filter, and for a code or city its UTF-8 bytes in hex, as SQLite's hex()
 * writes them (the index folds them to lower case). The letters are those of the view
 * services_search_text (migration 0028_search_facets_names).
 */
export const facetToken = (kind: string, value = '') =>
  `\uE000${kind}${Array.from(new TextEncoder().encode(value), (byte) => HEX[byte]).join('')}`;

/**
 * "Open now" tested in the search row `r` (needs zone_now): the row holds the one schedule that
 * counts, if only one does (see schema.ts); else the service's schedules are read.
 */
const openNowRowCheck =
  (): SQL => sql`CASE WHEN r.hours_zone IS NULL THEN ${openNowExpression('r.service_id')}
      ELSE EXISTS (SELECT 1 FROM zone_now z WHERE z.time_zone = r.hours_zone AND ${openAt('r')}) END`;

/** The SQL of one filter, given its value (a filter applies when its value is set: truthy). */
interface FilterSql<V> {
  /**
   * The test of the service `s` on the general path. `byKey` when the full-text match or a set of
   * candidates leads: a check of each candidate by key, whose cost follows the candidates; else a
   * set of service ids worked out once from an index, so SQLite may start from the most selective.
   */
  service: (value: V, byKey: boolean) => SQL;
  /** The same test in the service's search row `r` (service_search_rows). */
  row: (value: V) => SQL;
  /** Whether the search row can tell this value (else the general path answers); yes when absent. */
  rowCanCheck?: (value: V) => boolean;
  /** The token every hit must have in the full-text index's `facets` column; absent when the index cannot know (it depends on the moment). */
  facet?: (value: V) => string;
  /** Whether it usually passes few services: then a search by words tests every hit before ranking (filteredRankedPage). */
  selective: boolean;
  /** Its set of service ids, read once from its index, to lead a search without words or radius (see leadingSet). */
  leading?: (value: V) => SQL | null;
}

const flag = (column: string, facet: string): FilterSql<boolean> => ({
  service: () => sql`s.${sql.raw(column)} = 1`,
  row: () => sql`r.${sql.raw(column)} = 1`,
  facet: () => facetToken(facet),
  selective: false,
});

const ONLINE = 'online';

/**
 * Every filter tested service by service, in the order they are tested: the usually selective
 * ones first (a leading set is the first of them that has one), "open now" last, once the rest
 * has passed, since it costs most.
 */
const SERVICE_FILTERS: { [K in ServiceFilter]: FilterSql<NonNullable<ResourceSearch[K]>> } = {
  category: {
    service: (code, byKey) =>
      byKey
        ? sql`EXISTS (SELECT 1 FROM attributes a JOIN taxonomy_terms tt ON tt.id = a.taxonomy_term_id WHERE a.link_id = s.id AND tt.code = ${code})`
        : sql`s.id IN (SELECT a.link_id FROM taxonomy_terms tt JOIN attributes a ON a.taxonomy_term_id = tt.id WHERE tt.code = ${code})`,
    row: (code) => inList(sql`r.categories`, code),
    rowCanCheck: listable,
    facet: (code) => facetToken('c', code),
    selective: true,
    leading: (code) =>
      sql`(SELECT DISTINCT a.link_id AS service_id FROM taxonomy_terms tt JOIN attributes a ON a.taxonomy_term_id = tt.id WHERE tt.code = ${code})`,
  },
  language: {
    service: (code, byKey) =>
      byKey
        ? sql`EXISTS (SELECT 1 FROM languages lg WHERE lg.service_id = s.id AND lg.code = ${code})`
        : sql`s.id IN (SELECT lg.service_id FROM languages lg WHERE lg.code = ${code})`,
    row: (code) => inList(sql`r.languages`, code),
    rowCanCheck: listable,
    facet: (code) => facetToken('l', code),
    selective: true,
    leading: (code) =>
      sql`(SELECT DISTINCT lg.service_id FROM languages lg WHERE lg.code = ${code})`,
  },
  // A city, or "online": the services with no physical place.
  city: {
    service: (city, byKey) =>
      city === ONLINE
        ? sql`NOT EXISTS (SELECT 1 FROM service_at_location sal JOIN locations l ON l.id = sal.location_id
      WHERE sal.service_id = s.id AND l.location_type <> 'virtual')`
        : byKey
          ? sql`EXISTS (SELECT 1 FROM service_at_location sal JOIN addresses ad ON ad.location_id = sal.location_id WHERE sal.service_id = s.id AND ad.city = ${city})`
          : sql`s.id IN (SELECT sal.service_id FROM addresses ad JOIN service_at_location sal ON sal.location_id = ad.location_id WHERE ad.city = ${city})`,
    row: (city) => (city === ONLINE ? sql`r.online = 1` : inList(sql`r.cities`, city)),
    rowCanCheck: listable,
    facet: (city) => (city === ONLINE ? facetToken('o') : facetToken('y', city)),
    selective: true,
    leading: (city) =>
      city === ONLINE
        ? null
        : sql`(SELECT DISTINCT sal.service_id FROM addresses ad JOIN service_at_location sal ON sal.location_id = ad.location_id WHERE ad.city = ${city})`,
  },
  free: {
    // Free: it has cost options, and none of them costs anything (an unknown amount is not free).
    service: () => sql`EXISTS (SELECT 1 FROM cost_options c WHERE c.service_id = s.id)
      AND NOT EXISTS (SELECT 1 FROM cost_options c WHERE c.service_id = s.id AND coalesce(c.amount, 1) > 0)`,
    row: () => sql`r.free = 1`,
    facet: () => facetToken('f'),
    selective: false,
  },
  walkIn: flag('walk_in', 'w'),
  traumaInformed: flag('trauma_informed', 't'),
  survivorLed: flag('survivor_led', 's'),
  openNow: {
    // Tested service by service: pages and counts stop early (LIMIT), so only the services reached
    // are tested, however many are open.
    service: () => openNowExpression('s.id'),
    row: openNowRowCheck,
    selective: false,
  },
};

/**
 * One filter of a search with its value. The value's type is let go here, once: the table's type
 * has already matched each filter's SQL to its field of ResourceSearch. (No closures are made per
 * search: the filters are applied several times for each search.)
 */
export interface AppliedFilter {
  readonly definition: FilterSql<unknown>;
  readonly value: unknown;
}

const NAMES = Object.keys(SERVICE_FILTERS) as ServiceFilter[];

/** The filters a search asks for, in the order they are tested. */
export const appliedFilters = (search: ResourceSearch): AppliedFilter[] => {
  const applied: AppliedFilter[] = [];
  for (const name of NAMES) {
    const value = search[name];
    if (value) applied.push({ definition: SERVICE_FILTERS[name] as FilterSql<unknown>, value });
  }
  return applied;
};
