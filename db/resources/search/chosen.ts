/**
 * What search.ts and its page strategies (ranked.ts, newest.ts, nearest.ts) share, in a file of
 * its own so the strategies need not import search.ts, which imports them.
 */

/** One result of a page chosen by a fast path, in page order. */
export interface ChosenRow {
  id: string;
}

/** The path that answered a search (tests compare them). */
export type SearchPath = 'ranked' | 'filtered' | 'nearest' | 'newest' | 'general';
