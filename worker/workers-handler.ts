/**
 * What both Workers entries share: the app over the D1 binding, and the scheduled jobs (a Cron
 * Trigger in wrangler.toml calls `scheduled`). worker/index.ts deploys it bare; worker/dev.ts
 * (`npm run dev`, the workerd tests) adds the local tools and the demo data, which are then
 * never in the production bundle.
 */
import type { Hono } from 'hono';
import { openD1Database } from '../db/core/d1';
import type { Database } from '../db/core/database';
import { createApp } from './app';
import { areaLinks } from './area-links';
import { readConfig } from './config';
import type { AppEnv, Bindings } from './env';
import { runScheduledJobs } from './jobs';
import { outboxMailer, providerMailer } from './mail/mailer';
import { transportFromEnv } from './mail/transport-from-env';

export interface WorkersHandlerOptions {
  /** The local-only routes (the mail outbox). */
  localTools?: Hono<AppEnv>;
  /** Fills an empty database with the demo data before the first request of a local run. */
  seed?: (db: Database) => Promise<unknown>;
}

// One drizzle handle per binding object, rather than one per request.
const handles = new WeakMap<D1Database, Database>();
const databaseFor = (env: Bindings): Database => {
  let db = handles.get(env.DB);
  if (!db) handles.set(env.DB, (db = openD1Database(env.DB)));
  return db;
};
const configFor = (env: Bindings) =>
  readConfig(env as unknown as Record<string, string | undefined>);

const transportFor = (env: Bindings) =>
  transportFromEnv(env as unknown as Record<string, string | undefined>);

export const workersHandler = (options: WorkersHandlerOptions = {}) => {
  const app = createApp(
    {
      database: databaseFor,
      config: configFor,
      mailer: (env, db) =>
        configFor(env).isLocal
          ? outboxMailer(db)
          : providerMailer(db, transportFor(env), console.log),
      areaLinks,
    },
    options.localTools ? { localTools: options.localTools } : {},
  );
  const { seed } = options;
  let seeding: Promise<unknown> | undefined;

  return {
    async fetch(request, env, ctx) {
      if (seed && configFor(env).isLocal)
        await (seeding ??= seed(databaseFor(env)).catch(() => (seeding = undefined)));
      return app.fetch(request, env, ctx);
    },
    async scheduled(controller, env) {
      await runScheduledJobs(databaseFor(env), {
        now: new Date(controller.scheduledTime),
        retention: configFor(env).retention,
        site: { name: configFor(env).siteName, origin: configFor(env).siteOrigin },
        ...(configFor(env).isLocal ? { localOutbox: true } : { mailTransport: transportFor(env) }),
      });
    },
  } satisfies ExportedHandler<Bindings>;
};
