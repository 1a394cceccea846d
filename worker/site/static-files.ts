import { serveStatic } from '@hono/node-server/serve-static';
import { fileURLToPath } from 'node:url';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';

/** A fingerprinted file never changes under its name: browsers may keep it for a year. */
export const STATIC_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** Where scripts/build-assets.ts writes the hashed files (`/static/<name>.<hash>.<ext>`). */
export const STATIC_ROOT = fileURLToPath(
  new URL('../../web/static/generated/public', import.meta.url),
);

/**
 * GET /static/<name>.<hash>.<ext> on Node: the files scripts/build-assets.ts wrote, from disk,
 * through @hono/node-server's serveStatic (content type from the extension; no path outside the
 * folder, no dot segment, no encoded slash). On Workers the platform serves the same folder
 * (`[assets]` in wrangler.toml) before the Worker runs, and this module is not in its bundle.
 */
export const staticFiles = (): MiddlewareHandler<AppEnv> => {
  const serve = serveStatic<AppEnv>({ root: STATIC_ROOT });
  return async (c, next) => {
    // A Response when the file exists; otherwise serveStatic called next (the 404 page).
    const found = await serve(c, next);
    if (found instanceof Response) found.headers.set('Cache-Control', STATIC_CACHE_CONTROL);
    return found;
  };
};
