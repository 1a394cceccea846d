/**
 * Node entry (`npm start`): libsql on a local file by default, migrations applied, demo data
 * seeded into an empty database, then the same app as on Workers, served by @hono/node-server.
 */
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { migrateLibsql, openLibsqlDatabase } from '../db/libsql';
import { seedDemoData } from '../db/seed';
import { createApp } from './app';
import { setCampaignRetentionDays } from './campaign-jobs';
import { runScheduledJobs } from './jobs';
import { outboxMailer } from './mail/mailer';
import { readConfig } from './config';

const started = performance.now();
const port = Number(process.env.PORT ?? 8787);
const databaseUrl = process.env.DATABASE_URL ?? 'file:data/hearth.db';
// `npm start` is a local run (outbox, demo notice) unless told otherwise.
const config = readConfig({ APP_ENV: 'local', ...process.env });

const { db, client } = openLibsqlDatabase(databaseUrl, process.env.DATABASE_AUTH_TOKEN);
if (databaseUrl.startsWith('file:')) {
  // A local file: write-ahead logging lets readers go on while one write commits, and syncing
  // at checkpoints (not every commit) keeps every committed write safe from a crash of the app.
  await client.execute('PRAGMA journal_mode = WAL');
  await client.execute('PRAGMA synchronous = NORMAL');
  await client.execute('PRAGMA busy_timeout = 5000');
}
await migrateLibsql(db);
const seeded = await seedDemoData(db);
if (seeded.length > 0) console.log(`Demo data added: ${seeded.join(', ')}.`);

// Workers compress responses at the edge; on Node the app does it itself.
const app = createApp(
  {
    database: () => db,
    config: () => config,
    mailer: () => outboxMailer(db),
    clientAddress: (c) => getConnInfo(c).remote.address,
  },
  { compress: true },
);

// The same jobs as Workers' Cron Trigger, every 5 minutes, and once at start.
setCampaignRetentionDays(process.env.CAMPAIGN_RETENTION_DAYS);
const runJobs = () => runScheduledJobs(db).catch(() => {});
void runJobs();
setInterval(runJobs, 5 * 60_000).unref();

serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? '127.0.0.1' }, (info) => {
  const ms = Math.round(performance.now() - started);
  console.log(`Hearth is ready at http://localhost:${info.port}/ (started in ${ms} ms)`);
});
