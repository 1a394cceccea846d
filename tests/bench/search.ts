/**
 * npm run bench:search — server time of GET /resources end to end (query + render, through the
 * app as on Node, libsql in memory) for typical and hostile searches: first over the demo
 * directory, then over synthetic directories (1,000 and 10,000 services; add `-- 100000` for more).
 * Prints p50/p95/p99 in milliseconds, of wall time and of this process's CPU time. A benchmark, not a test: nothing here fails a build.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/core/database';
import { migrateLibsql, openLibsqlDatabase } from '../../db/core/libsql';
import { seedDemoResources } from '../../db/demo/resources';
import { createApp } from '../../worker/app';
import { areaLinks } from '../../worker/area-links';
import { readConfig } from '../../worker/config';
import { outboxMailer } from '../../worker/mail/mailer';
import { HOSTILE, percentile, TYPICAL } from './search-cases';
import { addSyntheticServices } from './synthetic-directory';

const RUNS = 40;

// Wall time is what a person waits; CPU time (this process's, every thread) is what the request
// cost, and stays readable when other jobs share the machine's cores.
const measure = async (app: ReturnType<typeof createApp>, path: string, htmx: boolean) => {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS + 5; i++) {
    const started = performance.now();
    const used = process.cpuUsage();
    const res = await app.request(path, { headers: htmx ? { 'HX-Request': 'true' } : {} });
    await res.text();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    if (i < 5) continue;
    const { user, system } = process.cpuUsage(used);
    wall.push(performance.now() - started);
    cpu.push((user + system) / 1000);
  }
  return [wall, cpu].flatMap((times) => {
    times.sort((a, b) => a - b);
    return [percentile(times, 50), percentile(times, 95), percentile(times, 99)];
  });
};

const bench = async (label: string, fill: (db: Database) => Promise<void>) => {
  const { db, client } = openLibsqlDatabase(':memory:');
  await migrateLibsql(db);
  const started = performance.now();
  await fill(db);
  const count = (await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM services`))!.n;
  console.log(
    `\n${label}: ${count} services (built in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  const app = createApp(
    {
      database: () => db,
      config: () => readConfig({}),
      mailer: () => outboxMailer(db, () => {}),
      areaLinks,
    },
    { log: () => {} },
  );
  console.log(
    '| search | p50 ms | p95 ms | p99 ms | CPU p50 ms | CPU p95 | CPU p99 |\n|---|---|---|---|---|---|---|',
  );
  const all: number[] = [];
  for (const [name, path] of [
    ...TYPICAL,
    ...HOSTILE.map(([n, p]) => [`hostile: ${n}`, p] as [string, string]),
  ]) {
    const figures = await measure(app, path, name === 'htmx fragment');
    all.push(figures[1]!);
    console.log(`| ${name} | ${figures.map((n) => n.toFixed(1)).join(' | ')} |`);
  }
  console.log(`worst p95: ${Math.max(...all).toFixed(1)} ms`);
  client.close();
};

const now = new Date();
await bench('demo directory', (db) => seedDemoResources(db, now));
const sizes = [
  1_000,
  10_000,
  ...process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0),
];
for (const size of sizes)
  await bench(`synthetic directory`, (db) => addSyntheticServices(db, size, now));
