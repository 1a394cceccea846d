import { Hono } from 'hono';
import { assetAt } from '../../web/static/generated/assets';
import type { AppEnv } from '../env';

/** GET /static/<name>.<hash>.<ext>: the site's own CSS, scripts and icon, cached for a year. */
export const staticRoutes = new Hono<AppEnv>().get('/static/:file', function static_get(c) {
  const asset = assetAt(c.req.path);
  if (!asset) return c.notFound();
  return c.body(asset.body, 200, {
    'Content-Type': asset.type,
    'Cache-Control': 'public, max-age=31536000, immutable',
  });
});
