/**
 * Cloudflare Workers entry: the app over the D1 binding, and the scheduled jobs (a Cron
 * Trigger in wrangler.toml calls `scheduled`).
 */
import { openD1Database } from '../db/core/d1';
import type { Database } from '../db/core/database';
import { seedDemoData } from '../db/demo/seed';
import { createApp } from './app';
import { areaLinks } from './area-links';
import { readConfig } from './config';
import type { Bindings } from './env';
import { runScheduledJobs } from './jobs';
import { outboxMailer, providerMailer } from './mail/mailer';
import { transportFromEnv } from './mail/transport-from-env';

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

const app = createApp({
  database: databaseFor,
  config: configFor,
  mailer: (env, db) =>
    configFor(env).isLocal ? outboxMailer(db) : providerMailer(db, transportFor(env), console.log),
  areaLinks,
});

// `npm run dev` (APP_ENV=local) gets the same demo data as `npm start`; a deployed worker never seeds.
let seeding: Promise<unknown> | undefined;

export default {
  async fetch(request, env, ctx) {
    if (configFor(env).isLocal)
      await (seeding ??= seedDemoData(databaseFor(env)).catch(() => (seeding = undefined)));
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
