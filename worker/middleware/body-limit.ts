import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit as streamingBodyLimit } from 'hono/body-limit';

/**
 * Refuses a request body over `maxSize` bytes. A declared Content-Length (without chunked
 * transfer) is checked from the header alone, and a GET or HEAD has no body: neither touches
 * the body stream. Hono's own bodyLimit asks for `request.body` first, which on Node makes
 * @hono/node-server build a whole web Request for every request, GETs included. Anything else
 * (a chunked body, a Request without the header) goes to hono's, which counts as it reads.
 */
export const bodyLimit = (options: {
  maxSize: number;
  onError: (c: Context) => Response | Promise<Response>;
}): MiddlewareHandler => {
  const streaming = streamingBodyLimit(options);
  return async function bodyLimit(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return (parseInt(length, 10) || 0) > options.maxSize ? options.onError(c) : next();
    }
    return streaming(c, next);
  };
};
