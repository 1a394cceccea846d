import type { SQL } from 'drizzle-orm';
import { openNowRowCheck } from './rows';
import type { ResourceSearch } from '../types';

/**
 * The filters a search by words asks of the full-text index itself: each filter but "open now" is
 * a token of the `facets` column (migration 0028_search_facets_names), so FTS5 intersects their doclists
 * with the words' and no hit is looked up to be tested. A hit of the result passes every filter
 * but "open now", which depends on the moment (facetRowChecks). Never put into a MATCH that bm25
 * scores: bm25 reads every phrase's whole doclist once, and a facet's holds thousands of services.
 */

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * A facet token: U+E000 (private use, so a letter to the tokenizer but never in a person's words),
 * a letter for the filter, and for a code or city its UTF-8 bytes in hex, as SQLite's hex()
 * writes them (the index folds them to lower case).
 */
const facet = (kind: string, value = '') => `\uE000${kind}${Array.from(new TextEncoder().encode(value), (byte) => HEX[byte]).join('')}`;

/** The facet tokens every result must have. */
const requiredFacets = (search: ResourceSearch): string[] => {
  const tokens: string[] = [];
  if (search.category) tokens.push(facet('c', search.category));
  if (search.language) tokens.push(facet('l', search.language));
  if (search.city === 'online') tokens.push(facet('o'));
  else if (search.city) tokens.push(facet('y', search.city));
  if (search.free) tokens.push(facet('f'));
  if (search.walkIn) tokens.push(facet('w'));
  if (search.traumaInformed) tokens.push(facet('t'));
  if (search.survivorLed) tokens.push(facet('s'));
  return tokens;
};

/** A MATCH expression for `words` (from toTextMatch) among the services that pass the search's filters, "open now" aside. */
export const withFacets = (words: string, search: ResourceSearch): string =>
  `(${[words, ...requiredFacets(search).map((token) => `facets : "${token}"`)].join(' ')}) NOT facets : "${facet('i')}"`;

/** What is left to test of a hit matched withFacets, in its search row `r`: "open now", or nothing. */
export const facetRowChecks = (search: ResourceSearch): SQL | null => (search.openNow ? openNowRowCheck() : null);
