/**
 * Node entry (`npm start`, `npm run start:production`): libsql on a local file by default,
 * migrations applied, demo data seeded into an empty database on a local run, then the same app
 * as on Workers, served by @hono/node-server.
 */
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { compress } from 'hono/compress';
import { migrateLibsql, openLibsqlDatabase, tuneLocalFile } from '../db/core/libsql';
import { watchWrites } from '../db/core/write-watch';
import { seedDemoData } from '../db/demo/seed';
import { createApp } from './app';
import { pageCache } from './middleware/page-cache';
import { devOutboxRoutes } from './site/dev-outbox';
import { staticFiles } from './site/static-files';
import { areaLinks } from './area-links';
import { runScheduledJobs } from './jobs';
import { outboxMailer, providerMailer } from './mail/mailer';
import { transportFromEnv } from './mail/transport-from-env';
import { DEFAULT_HOST, localRunRefusal, readConfig } from './config';

const started = performance.now();
const port = Number(process.env.PORT ?? 8787);
const databaseUrl = process.env.DATABASE_URL ?? 'file:data/hearth.db';
const host = process.env.HOST ?? DEFAULT_HOST;
// Local (outbox, demo data) only when APP_ENV=local says so, as `npm start` does; and never
// behind a proxy or on a network, where the outbox would show everyone's sign-in codes.
const refusal = localRunRefusal(process.env);
if (refusal) {
  console.error(refusal);
  process.exit(1);
}
const config = readConfig(process.env);
const mailTransport = config.isLocal ? undefined : transportFromEnv(process.env);
// Behind a reverse proxy (TRUST_PROXY=1), the client is the last address the proxy added.
const trustProxy = process.env.TRUST_PROXY === '1';

const { db, client } = openLibsqlDatabase(databaseUrl, process.env.DATABASE_AUTH_TOKEN);
// Every write of this process goes through this client: the page cache keys on their count.
const writes = watchWrites(client);
if (databaseUrl.startsWith('file:')) await tuneLocalFile(client);
await migrateLibsql(db);
// Demo data only for a local run: a real deployment on Node starts empty.
const seeded = config.isLocal ? await seedDemoData(db) : [];
if (seeded.length > 0) console.log(`Demo data added: ${seeded.join(', ')}.`);

// One line to standard output, as console.log would write it without its per-call formatting
// and colour checks (a log line per request).
const writeLine = (line: string) => void process.stdout.write(`${line}\n`);

// Workers compress responses at the edge; on Node the app does it itself.
const app = createApp(
  {
    database: () => db,
    config: () => config,
    mailer: () =>
      mailTransport ? providerMailer(db, mailTransport, writeLine) : outboxMailer(db, writeLine),
    clientAddress: (c) =>
      (trustProxy ? c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() : undefined) ??
      getConnInfo(c).remote.address,
    areaLinks,
  },
  {
    compress: compress(),
    log: writeLine,
    staticFiles: staticFiles(),
    localTools: devOutboxRoutes,
    // A remote database (libsql over HTTP) may be written by other servers: no page cache then.
    ...(databaseUrl.startsWith('file:') && process.env.PAGE_CACHE !== 'off'
      ? { pageCache: pageCache({ writes }) }
      : {}),
  },
);

// The same jobs as Workers' Cron Trigger, every 5 minutes, and once at start.
const runJobs = () =>
  runScheduledJobs(db, {
    retention: config.retention,
    // Emails written by jobs link here: SITE_URL, or on a local run this server.
    site: {
      name: config.siteName,
      origin: config.siteOrigin ?? (config.isLocal ? `http://localhost:${port}` : undefined),
    },
    ...(mailTransport ? { mailTransport } : { localOutbox: true }),
  }).catch(() => {});
void runJobs();
setInterval(runJobs, 5 * 60_000).unref();

serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  const ms = Math.round(performance.now() - started);
  console.log(`Hearth is ready at http://localhost:${info.port}/ (started in ${ms} ms)`);
});
