import type { Context } from 'hono';

/**
 * Whether htmx sent this request (it sets `HX-Request: true`). Such a request is answered with
 * the one fragment it swaps in; any other with the whole page.
 */
export const isHtmx = (c: Context): boolean => c.req.header('HX-Request') === 'true';
