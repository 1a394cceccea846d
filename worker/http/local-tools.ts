import type { Context } from 'hono';
import type { AppEnv } from '../env';

/**
 * Headers a reverse proxy adds (standard and common ones). CF-Connecting-IP is left out: the
 * local workerd of `npm run dev` sets it on every request.
 */
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip', 'via'];

/**
 * Whether this request may see the local-only tools (the mail outbox, the demo notice, database
 * timings): a local run, and a request that did not come through a proxy. A request that did is
 * from someone else's machine, whatever APP_ENV says: a second lock behind the refusal at start.
 */
export const localToolsAllowed = (c: Context<AppEnv>): boolean =>
  c.get('config').isLocal && !PROXY_HEADERS.some((name) => c.req.header(name) !== undefined);
