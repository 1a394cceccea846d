import { sql, type SQL } from 'drizzle-orm';
import { appliedFilters, facetToken } from './filter-definitions';
import type { ResourceSearch } from '../types';

/**
 * The filters a search by words asks of the full-text index itself: each filter but "open now" is
 * a token of the `facets` column (migration 0028_search_facets_names), so FTS5 intersects their doclists
 * with the words' and no hit is looked up to be tested. A hit of the result passes every filter
 * but "open now", which depends on the moment (facetRowChecks). Never put into a MATCH that bm25
 * scores: bm25 reads every phrase's whole doclist once, and a facet's holds thousands of services.
 */

/** The facet tokens every result must have. */
const requiredFacets = (search: ResourceSearch): string[] =>
  appliedFilters(search).flatMap(({ definition, value }) =>
    definition.facet ? [definition.facet(value)] : [],
  );

/** A MATCH expression for `words` (from toTextMatch) among the services that pass the search's filters, "open now" aside (`i` marks an inactive service). */
export const withFacets = (words: string, search: ResourceSearch): string =>
  `(${[words, ...requiredFacets(search).map((token) => `facets : "${token}"`)].join(' ')}) NOT facets : "${facetToken('i')}"`;

/** What is left to test of a hit matched withFacets, in its search row `r`: the filters with no facet ("open now"), or nothing. */
export const facetRowChecks = (search: ResourceSearch): SQL | null => {
  const left = appliedFilters(search).filter((filter) => !filter.definition.facet);
  return left.length > 0
    ? sql.join(
        left.map((filter) => filter.definition.row(filter.value)),
        sql` AND `,
      )
    : null;
};
