import type { SQL } from 'drizzle-orm';
import { openNowRowCheck } from './resources-search-rows';
import type { ResourceSearch } from './resources-types';

/**
 * The filters a search by words asks of the full-text index itself: each filter but "open now" is
 * a token of the `facets` column (migration 0028_search_facets), so FTS5 intersects their doclists
 * with the words' and no hit is looked up to be tested. A hit of the result passes every filter
 * but "open now", which depends on the moment (facetRowChecks). Never put into a MATCH that bm25
 * scores: bm25 reads every phrase's whole doclist once, and a facet's holds thousands of services.
 */

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** A code or city as its facet token: its UTF-8 bytes in hex, as SQLite's hex() writes them (folded to lower case by the index). */
const token = (prefix: string, value: string) => `${prefix}${Array.from(new TextEncoder().encode(value), (byte) => HEX[byte]).join('')}`;

/** The facet tokens every result must have. */
const requiredFacets = (search: ResourceSearch): string[] => {
  const tokens: string[] = [];
  if (search.category) tokens.push(token('_c', search.category));
  if (search.language) tokens.push(token('_l', search.language));
  if (search.city === 'online') tokens.push('_o');
  else if (search.city) tokens.push(token('_y', search.city));
  if (search.free) tokens.push('_f');
  if (search.walkIn) tokens.push('_w');
  if (search.traumaInformed) tokens.push('_t');
  if (search.survivorLed) tokens.push('_s');
  return tokens;
};

/** A MATCH expression for `words` (from toTextMatch) among the services that pass the search's filters, "open now" aside. */
export const withFacets = (words: string, search: ResourceSearch): string =>
  `(${[words, ...requiredFacets(search).map((facet) => `facets : "${facet}"`)].join(' ')}) NOT facets : "_i"`;

/** What is left to test of a hit matched withFacets, in its search row `r`: "open now", or nothing. */
export const facetRowChecks = (search: ResourceSearch): SQL | null => (search.openNow ? openNowRowCheck() : null);
