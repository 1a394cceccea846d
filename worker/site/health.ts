import { Hono } from 'hono';
import { isDatabaseAnswering } from '../../db/core/health';
import type { AppEnv } from '../env';

/** GET /healthz: 200 when the app runs and the database answers, 503 otherwise. */
export const healthRoutes = new Hono<AppEnv>().get('/healthz', async function healthz_get(c) {
  c.header('Cache-Control', 'no-store');
  return (await isDatabaseAnswering(c.get('db')))
    ? c.json({ status: 'ok', database: 'ok' })
    : c.json({ status: 'unavailable', database: 'not answering' }, 503);
});
