/**
 * npm run bench:search:breakdown — where the time of one search goes, at 100,000 synthetic
 * services (or the size given): the whole request through the app, searchResources alone, the
 * filter options, and each SQL statement a search sends (captured at the libsql client, then
 * replayed alone), 40 runs after 5 warm-up runs, median and p95 in milliseconds. `-- 100000 housing` limits the cases to
 * those whose name or path holds a word. A benchmark, not a test.
 */
import type { InStatement } from '@libsql/client';
import type { DatabaseClient } from '../../db/core/libsql-local/client';
import { migrateLibsql, openLibsqlDatabase } from '../../db/core/libsql';
import { listSearchOptions } from '../../db/resources/options';
import { searchResources } from '../../db/resources/search/search';
import { readResourceSearch } from '../../worker/resources/input';
import { createApp } from '../../worker/app';
import { areaLinks } from '../../worker/area-links';
import { readConfig } from '../../worker/config';
import { outboxMailer } from '../../worker/mail/mailer';
import { percentile, TYPICAL, HOSTILE } from './search-cases';
import { addSyntheticServices } from './synthetic-directory';

const RUNS = 40;
const size = Number(process.argv[2] ?? 100_000);
const only = process.argv.slice(3);

// The statements one search sends, captured at the libsql client, then replayed one at a time
// (the page and the count go side by side in a request, so timing them there would overlap).
let captured: { sql: string; args: InStatement }[] | null = null;
const captureStatements = (client: DatabaseClient) => {
  const execute = client.execute.bind(client);
  client.execute = ((stmt: InStatement) => {
    if (captured) captured.push({ sql: typeof stmt === 'string' ? stmt : stmt.sql, args: stmt });
    return execute(stmt);
  }) as DatabaseClient['execute'];
  return (stmt: InStatement) => execute(stmt);
};
const label = (text: string) => {
  if (text.includes('hits AS MATERIALIZED')) return 'ranked hits and count';
  if (text.includes('passing AS MATERIALIZED')) return 'filtered hits, ranked and counted';
  if (text.includes('chosen(id, position)')) return 'detail rows';
  if (text.includes('count(*) AS total')) return 'count';
  if (text.includes('page AS (SELECT base.id')) return 'general page';
  if (text.startsWith('select distinct "time_zone"')) return 'zones in use';
  if (text.startsWith('SELECT version FROM search_options_version')) return 'options version';
  if (text.includes('candidates AS (SELECT s.id AS id')) return 'nearest page (one circle)';
  if (text.includes('INDEXED BY services_verified_idx')) return 'newest page';
  return text.replace(/\s+/g, ' ').slice(0, 60);
};

const stats = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `${percentile(sorted, 50).toFixed(2)} / ${percentile(sorted, 95).toFixed(2)}`;
};

const { db, client } = openLibsqlDatabase(':memory:');
await migrateLibsql(db);
const now = new Date();
let started = performance.now();
await addSyntheticServices(db, size, now);
console.log(`${size} services built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const execute = captureStatements(client);
const app = createApp(
  {
    database: () => db,
    config: () => readConfig({}),
    mailer: () => outboxMailer(db, () => {}),
    areaLinks,
  },
  { log: () => {} },
);

const cases = [...TYPICAL, ...HOSTILE].filter(
  ([name, path]) =>
    only.length === 0 || only.some((word) => name.includes(word) || path.includes(word)),
);
for (const [name, path] of cases) {
  const search = readResourceSearch(Object.fromEntries(new URL(path, 'http://x').searchParams));
  const request: number[] = [];
  const alone: number[] = [];
  const options: number[] = [];
  for (let i = 0; i < RUNS + 5; i++) {
    started = performance.now();
    const res = await app.request(path, {
      headers: name === 'htmx fragment' ? { 'HX-Request': 'true' } : {},
    });
    await res.text();
    const t1 = performance.now();
    await searchResources(db, search, now);
    const t2 = performance.now();
    await listSearchOptions(db);
    const t3 = performance.now();
    if (i < 5) continue;
    request.push(t1 - started);
    alone.push(t2 - t1);
    options.push(t3 - t2);
  }
  captured = [];
  await searchResources(db, search, now);
  const sent = captured;
  captured = null;
  console.log(`\n${name} (${path.slice(0, 80)})`);
  console.log(
    `  request ${stats(request)} | searchResources ${stats(alone)} | filter options ${stats(options)}`,
  );
  for (const stmt of sent) {
    const times: number[] = [];
    for (let i = 0; i < RUNS + 5; i++) {
      const t0 = performance.now();
      await execute(stmt.args);
      if (i >= 5) times.push(performance.now() - t0);
    }
    console.log(`  ${label(stmt.sql)}: ${stats(times)}`);
  }
}
client.close();
