import type { MiddlewareHandler } from 'hono';
import type { Database } from '../../db/core/database';
import type { AreaLinks } from '../area-links';
import type { AppConfig } from '../config';
import type { AppEnv, Bindings } from '../env';
import type { Mailer } from '../mail/mailer';
import type { ClientAddress } from './client-key';

/** What the app needs from its host: how to reach the database and read the configuration. */
export interface AppDeps {
  database: (env: Bindings) => Database;
  config: (env: Bindings) => AppConfig;
  /** How email leaves: the local outbox, or the provider. */
  mailer: (env: Bindings, db: Database) => Mailer;
  /** The client's IP address as the host sees it; hashed at once by the clientKey middleware. */
  clientAddress?: ClientAddress;
  /** Where one area shows another's content (worker/area-links.tsx), built once. */
  areaLinks: AreaLinks;
}

/**
 * Puts the injected database, configuration, mailer and area links on the context for routes to
 * use, and the app's log, for a failure a route answers itself (worker/events/mail.ts sendAll).
 */
export const services = (deps: AppDeps, log: (line: string) => void): MiddlewareHandler<AppEnv> =>
  async function services(c, next) {
    c.set('log', log);
    c.set('config', deps.config(c.env));
    const db = deps.database(c.env);
    c.set('db', db);
    c.set('mailer', deps.mailer(c.env, db));
    c.set('areaLinks', deps.areaLinks);
    await next();
  };
