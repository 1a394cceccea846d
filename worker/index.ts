/**
 * Cloudflare Workers entry: the app over the D1 binding. Scheduled jobs (reminders, purges)
 * are added to `scheduled` by the areas that need them.
 */
import { openD1Database } from '../db/d1';
import type { Database } from '../db/database';
import { createApp } from './app';
import { readConfig } from './config';
import type { Bindings } from './env';

// One drizzle handle per binding object, rather than one per request.
const handles = new WeakMap<D1Database, Database>();

const app = createApp({
  database: (env) => {
    let db = handles.get(env.DB);
    if (!db) handles.set(env.DB, (db = openD1Database(env.DB)));
    return db;
  },
  config: (env) => readConfig(env as unknown as Record<string, string | undefined>),
});

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Bindings>;
