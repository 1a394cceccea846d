import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';

/**
 * One line per request: method, the matched route pattern (e.g. `/events/:id`, never the real
 * path, which may hold a private token), status and duration. No query string, IP address,
 * user agent or other personal data is ever logged.
 */
export const requestLog = (write: (line: string) => void = console.log): MiddlewareHandler =>
  async function requestLog(c, next) {
    const started = Date.now();
    await next();
    write(
      JSON.stringify({
        method: c.req.method,
        // After next(), the current route index is the handler that answered.
        route: routePath(c),
        status: c.res.status,
        ms: Date.now() - started,
      }),
    );
  };
