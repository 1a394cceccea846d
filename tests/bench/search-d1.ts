/**
 * npm run bench:search:d1 — the typical searches of bench:search on workerd with a local D1
 * database (wrangler dev, as `npm run dev`), over a synthetic directory of 10,000 services (or the
 * size given: `-- 1000`). Timed by HTTP from this process, so each figure includes the loopback
 * request; the Server-Timing header gives the database time the worker saw. In workerd a clock
 * only moves across I/O, so that time covers the D1 queries, not the rendering.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openD1Database } from '../../db/core/d1';
import { HOSTILE, percentile, TYPICAL } from './search-cases';
import { addSyntheticServices } from './synthetic-directory';

const RUNS = 40;
const PORT = 8797;
const size = Number(process.argv[2] ?? 10_000);
const persist = mkdtempSync(join(tmpdir(), 'hearth-bench-d1-'));
const env = { ...process.env, CI: 'true' };

execFileSync(
  'npx',
  ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persist],
  { stdio: 'ignore', env },
);
const { getPlatformProxy } = await import('wrangler');
// wrangler dev --persist-to X keeps its state in X/v3, where getPlatformProxy is pointed.
const proxy = await getPlatformProxy<{ DB: D1Database }>({
  persist: { path: join(persist, 'v3') },
});
const db = openD1Database(proxy.env.DB);
const started = performance.now();
await addSyntheticServices(db, size, new Date());
const count = (await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM services`))!.n;
console.log(
  `D1 (local, workerd): ${count} services (built in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
await proxy.dispose();

// Its own process group, so stopping it stops workerd too.
const server = spawn(
  'npx',
  ['wrangler', 'dev', '--port', String(PORT), '--persist-to', persist, '--var', 'APP_ENV:local'],
  {
    env,
    stdio: 'ignore',
    detached: true,
  },
);
const stop = () => {
  try {
    process.kill(-server.pid!, 'SIGTERM');
  } catch {
    // Already gone.
  }
  rmSync(persist, { recursive: true, force: true });
};

try {
  const base = `http://127.0.0.1:${PORT}`;
  for (let i = 0; ; i++) {
    if (i > 120) throw new Error('wrangler dev did not answer within 60 s');
    const ok = await fetch(`${base}/healthz`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  console.log(
    '| search | HTTP p50 ms | p95 | p99 | D1 (Server-Timing) p50 ms | p95 | p99 |\n|---|---|---|---|---|---|---|',
  );
  for (const [name, path] of [
    ...TYPICAL,
    ...HOSTILE.map(([n, p]) => [`hostile: ${n}`, p] as [string, string]),
  ]) {
    const http: number[] = [];
    const server: number[] = [];
    for (let i = 0; i < RUNS + 5; i++) {
      const begun = performance.now();
      const res = await fetch(`${base}${path}`, {
        headers: name === 'htmx fragment' ? { 'HX-Request': 'true' } : {},
      });
      await res.text();
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      if (i < 5) continue;
      http.push(performance.now() - begun);
      server.push(Number(res.headers.get('server-timing')?.match(/dur=([\d.]+)/)?.[1] ?? NaN));
    }
    const cells = [http, server].flatMap((times) => {
      times.sort((a, b) => a - b);
      return [50, 95, 99].map((p) => percentile(times, p).toFixed(1));
    });
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
} finally {
  stop();
}
