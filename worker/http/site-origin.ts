import type { Context } from 'hono';
import type { AppEnv } from '../env';

/** The address links in emails and share links start with: SITE_URL when set, else the request's own. */
export const siteOrigin = <E extends AppEnv>(c: Context<E>): string =>
  c.get('config').siteOrigin ?? new URL(c.req.url).origin;
