import type { Context } from 'hono';
import type { PageAsk } from '../../db/core/keyset';
import { cursorName } from '../../web/components/page-links';

/**
 * Where a visitor asked a list to start: `?after=…` (next page) or `?before=…` (previous), or
 * with a prefix for one of several lists on a page (`?eventsAfter=…`, named by cursorName,
 * which the page's links use too). Only the first value of each counts; the list's query reads
 * the cursor and answers its first page for anything it does not recognise, so no cursor is
 * ever an error.
 */
export const readPageAsk = (c: Context, prefix = ''): PageAsk => ({
  after: c.req.query(cursorName(prefix, 'after')),
  before: c.req.query(cursorName(prefix, 'before')),
});
