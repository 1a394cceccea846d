import { sql, type SQL } from 'drizzle-orm';
import { appliedFilters } from './filter-definitions';
import type { ResourceSearch } from '../types';

/** Whether rowChecks can express this search's filters exactly. */
export const rowsCanCheck = (search: ResourceSearch): boolean =>
  appliedFilters(search).every(({ definition, value }) => definition.rowCanCheck?.(value) ?? true);

/** Whether the search has a filter beyond "active". */
export const rowsFilter = (search: ResourceSearch): boolean => appliedFilters(search).length > 0;

/**
 * Whether the search has a filter that usually passes few services (a category, a language, a
 * city, online only): then testing every full-text hit first and ranking only those that pass
 * costs less than ranking every hit (see filteredRankedPage).
 */
export const rowsSelective = (search: ResourceSearch): boolean =>
  appliedFilters(search).some(({ definition }) => definition.selective);

/**
 * The filters of a search as tests of the search row `r` (service_search_rows): the same sets as
 * searchFilters, read from one row found by one key instead of one index per filter. "Open now"
 * comes last, once the rest has passed.
 */
export const rowChecks = (search: ResourceSearch): SQL =>
  sql.join(
    [
      sql`r.active = 1`,
      ...appliedFilters(search).map(({ definition, value }) => definition.row(value)),
    ],
    sql` AND `,
  );
