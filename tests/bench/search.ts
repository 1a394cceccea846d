/**
 * npm run bench:search — server time of GET /resources end to end (query + render, through the
 * app as on Node, libsql in memory) for typical and hostile searches: first over the demo
 * directory, then over synthetic directories (1,000 and 10,000 services; add `-- 100000` for more).
 * Prints p50/p95/p99 in milliseconds. A benchmark, not a test: nothing here fails a build.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { migrateLibsql, openLibsqlDatabase } from '../../db/libsql';
import { seedDemoResources } from '../../db/resources-seed';
import { createApp } from '../../worker/app';
import { readConfig } from '../../worker/config';
import { outboxMailer } from '../../worker/mail/mailer';
import { HOSTILE, percentile, TYPICAL } from './search-cases';
import { addSyntheticServices } from './synthetic-directory';

const RUNS = 40;

const measure = async (app: ReturnType<typeof createApp>, path: string, htmx: boolean) => {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 5; i++) {
    const started = performance.now();
    const res = await app.request(path, { headers: htmx ? { 'HX-Request': 'true' } : {} });
    await res.text();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    if (i >= 5) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return [percentile(times, 50), percentile(times, 95), percentile(times, 99)] as const;
};

const bench = async (label: string, fill: (db: Database) => Promise<void>) => {
  const { db, client } = openLibsqlDatabase(':memory:');
  await migrateLibsql(db);
  const started = performance.now();
  await fill(db);
  const count = (await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM services`))!.n;
  console.log(`\n${label}: ${count} services (built in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const app = createApp({ database: () => db, config: () => readConfig({}), mailer: () => outboxMailer(db, () => {}) }, { log: () => {} });
  console.log('| search | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|');
  const all: number[] = [];
  for (const [name, path] of [...TYPICAL, ...HOSTILE.map(([n, p]) => [`hostile: ${n}`, p] as [string, string])]) {
    const [p50, p95, p99] = await measure(app, path, name === 'htmx fragment');
    all.push(p95);
    console.log(`| ${name} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${p99.toFixed(1)} |`);
  }
  console.log(`worst p95: ${Math.max(...all).toFixed(1)} ms`);
  client.close();
};

const now = new Date();
await bench('demo directory', (db) => seedDemoResources(db, now));
const sizes = [1_000, 10_000, ...process.argv.slice(2).map(Number).filter((n) => n > 0)];
for (const size of sizes) await bench(`synthetic directory`, (db) => addSyntheticServices(db, size, now));
