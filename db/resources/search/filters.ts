import { sql, type SQL } from 'drizzle-orm';
import { appliedFilters } from './filter-definitions';
import type { ResourceSearch } from '../types';

/**
 * The filters of a search as SQL on the service `s` (each filter's own SQL: filter-definitions.ts).
 * `byKey` when the full-text match or the places near a point lead: each candidate is then
 * checked by key, and the cost follows the number of candidates, not the size of the directory.
 * The radius itself is not here: each path bounds distance its own way.
 */
export const searchFilters = (search: ResourceSearch, byKey: boolean): SQL[] => [
  sql`s.status = 'active'`,
  ...appliedFilters(search).map((filter) => filter.definition.service(filter.value, byKey)),
];

/**
 * The order of results. "Open now" is worked out only for the rows of the page (or as a
 * filter): deciding it for every service just to sort by it would scale with the directory.
 */
export const searchOrder = (search: ResourceSearch, hasText: boolean): SQL => {
  // Relevance: the hits with every word in a name first (tier 0), each tier by its own rank.
  const byRank = hasText ? sql`tier ASC, rank ASC, ` : sql``;
  if (search.sort === 'distance' && search.near)
    return sql`distance2 ASC NULLS LAST, ${byRank}verified_at DESC, name`;
  if (search.sort === 'verified') return sql`verified_at DESC, ${byRank}name`;
  return sql`${byRank}verified_at DESC, name`;
};
