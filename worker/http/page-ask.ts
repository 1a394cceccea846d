import type { Context } from 'hono';
import type { PageAsk } from '../../db/core/keyset';

/**
 * Where a visitor asked a list to start: `?after=…` (next page) or `?before=…` (previous), or
 * with a prefix for one of several lists on a page (`?eventsAfter=…`). Only the first value
 * of each counts; the list's query reads the cursor and answers its first page for anything
 * it does not recognise, so no cursor is ever an error.
 */
export const readPageAsk = (c: Context, prefix = ''): PageAsk => {
  const name = (end: string) => (prefix ? `${prefix}${end[0]!.toUpperCase()}${end.slice(1)}` : end);
  return { after: c.req.query(name('after')), before: c.req.query(name('before')) };
};
