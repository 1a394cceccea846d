/**
 * npm run bench:pages — what each public page costs against the limit of the stack. `npm start`'s
 * server (worker/node.ts, demo data, a new database file, a free port) is measured with
 * autocannon against a bare Hono app on @hono/node-server, in another process, that answers the
 * page's very bytes and headers (captured once) from memory. Rounds alternate, Hearth then bare,
 * with the same connections and duration, so both see the same moments of a shared machine.
 * Then, with both servers stopped, the in-process cost: `app.request` in a loop on the same
 * database file, after a warm-up, as wall time and as the process's CPU time (which stays
 * readable when other jobs share the cores), each the median of chunks of 50 requests, and beside it the CPU time of the bare app answering
 * the same bytes in process: the floor of `app.request` itself (a Request, a Response, reading
 * its body). Figures are printed, never asserted.
 *
 * BENCH_SECONDS (per round, default 4), BENCH_ROUNDS (per server and page, default 2),
 * BENCH_CONNECTIONS (default 10), BENCH_REQUESTS (in process, per page, default 1000),
 * BENCH_PAGES (comma-separated names, to measure only some), BENCH_ONLY=inprocess (skip the
 * load rounds), BENCH_PROFILE=<folder> (a CPU profile of each page's measured loop, and of
 * nothing else, as <page>.cpuprofile: read them with `tsx tests/bench/profile-summary.ts`; the
 * profiler's own cost is in that run's figures).
 */
import autocannon from 'autocannon';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { Session } from 'node:inspector/promises';
import { findSourceMap, type SourceMapping } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { openLibsqlDatabase, tuneLocalFile } from '../../db/core/libsql';
import { watchWrites } from '../../db/core/write-watch';
import { createApp } from '../../worker/app';
import { areaLinks } from '../../worker/area-links';
import { readConfig } from '../../worker/config';
import { outboxMailer } from '../../worker/mail/mailer';
import { pageCache } from '../../worker/middleware/page-cache';
import { median, publicPages, startDemoServer, startNodeProcess, stopProcess } from './demo-server';
import { bareApp, type CapturedPage } from './pages-bare-app';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const ONLY_IN_PROCESS = process.env.BENCH_ONLY === 'inprocess';
/** The server as `npm start` runs it (with its page cache), or `BENCH_PAGE_CACHE=off`: every page drawn. */
const PAGE_CACHE = process.env.BENCH_PAGE_CACHE !== 'off';
const PROFILE_DIR = process.env.BENCH_PROFILE;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-pages-'));

/** A page's exact bytes and headers, as autocannon would get them (no compression asked for). */
const capture = (port: number, path: string): Promise<CapturedPage> =>
  new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const skip = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);
        const headers: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i]!;
          if (!skip.has(name.toLowerCase())) headers.push([name, res.rawHeaders[i + 1]!]);
        }
        resolve({
          path,
          status: res.statusCode!,
          headers,
          body: Buffer.concat(chunks).toString('base64'),
        });
      });
    })
      .on('error', reject)
      .end();
  });

// --- The demo database and `npm start`'s server over it. -------------------------------------

const hearth = await startDemoServer(dir, { env: { PAGE_CACHE: PAGE_CACHE ? 'on' : 'off' } });
const dbFile = hearth.dbFile;
const pages = await publicPages(hearth.port);
const wanted = process.env.BENCH_PAGES?.split(',');
const measured = wanted ? pages.filter(([name]) => wanted.includes(name)) : pages;

const captured = await Promise.all(measured.map(([, path]) => capture(hearth.port, path)));
for (const page of captured) {
  if (page.status !== 200) throw new Error(`${page.path} answered ${page.status}`);
}

// --- Requests a second, Hearth and bare in alternating rounds. ------------------------------

const load = async (port: number, path: string, seconds = SECONDS): Promise<number> => {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    connections: CONNECTIONS,
    duration: seconds,
  });
  if (result.non2xx || result.errors || result.timeouts) {
    throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  }
  return result.requests.average;
};

const rates = new Map<string, { hearth: number[]; bare: number[] }>();
const loadBefore = loadavg()[0]!;
if (!ONLY_IN_PROCESS) {
  const capturedFile = join(dir, 'captured.json');
  writeFileSync(capturedFile, JSON.stringify(captured));
  const bare = await startNodeProcess(
    ['tests/bench/pages-bare.ts', capturedFile],
    {},
    /ready (\d+)/,
    join(dir, 'bare.log'),
  );
  console.log(
    `${measured.length} pages, ${ROUNDS} alternating rounds of ${SECONDS} s per server, ${CONNECTIONS} connections`,
  );
  for (const [name, path] of measured) {
    const rate = { hearth: [] as number[], bare: [] as number[] };
    // A warm-up second on each, not counted: the first requests of a page compile its code.
    await load(hearth.port, path, 1);
    await load(bare.port, path, 1);
    for (let round = 0; round < ROUNDS; round++) {
      rate.hearth.push(await load(hearth.port, path));
      rate.bare.push(await load(bare.port, path));
    }
    rates.set(name, rate);
    console.log(
      `  ${name}: Hearth ${rate.hearth.map((r) => r.toFixed(0)).join(', ')}; bare ${rate.bare.map((r) => r.toFixed(0)).join(', ')}; ratio ${(median(rate.hearth) / median(rate.bare)).toFixed(3)}`,
    );
  }
  await stopProcess(bare.child);
}
await stopProcess(hearth.child);
const loadAfter = loadavg()[0]!;

// --- In process: app.request in a loop on the same file. ------------------------------------

const { db, client } = openLibsqlDatabase(`file:${dbFile}`);
const writes = watchWrites(client);
await tuneLocalFile(client);
/** The app as the server runs it: drawing every page, or with the page cache in front. */
const appWith = (cached: boolean) =>
  createApp(
    {
      database: () => db,
      config: () => readConfig({ APP_ENV: 'local' }),
      mailer: () => outboxMailer(db, () => {}),
      clientAddress: () => '127.0.0.1',
      areaLinks,
    },
    { log: () => {}, ...(cached ? { pageCache: pageCache({ writes }) } : {}) },
  );
const profiler = PROFILE_DIR ? new Session() : null;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.setSamplingInterval', { interval: 200 });
  mkdirSync(PROFILE_DIR!, { recursive: true });
}
// A full collection before each measured loop, and a pause for its sweeping (on other threads,
// counted in the process's CPU time), so one loop's garbage is not collected in the next one's.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const collectGarbage = async () => {
  gc();
  await sleep(100);
};
/** Writes the profile of the loop just measured, its lines read back as the TypeScript's. */
const saveProfile = async (name: string) => {
  if (!profiler) return;
  const { profile } = await profiler.post('Profiler.stop');
  // The project's files run as tsx compiled them: their lines and columns, read back through
  // the source maps, become the lines of the TypeScript (an arrow function is then findable).
  for (const { callFrame } of profile.nodes) {
    const found: Partial<SourceMapping> | undefined = callFrame.url.startsWith('file:')
      ? findSourceMap(callFrame.url)?.findEntry(callFrame.lineNumber, callFrame.columnNumber)
      : undefined;
    if (found?.originalLine !== undefined && found.originalColumn !== undefined) {
      callFrame.lineNumber = found.originalLine;
      callFrame.columnNumber = found.originalColumn;
    }
  }
  writeFileSync(join(PROFILE_DIR!, `${name}.cpuprofile`), JSON.stringify(profile));
};
type App = { request: (url: string) => Response | Promise<Response> };
type Cost = { wall: number; cpu: number };
/** Requests a chunk: the loop is timed chunk by chunk, and the median chunk is what it costs. */
const CHUNK = 50;
/**
 * Wall and CPU ms a request, `REQUESTS` in a row after a warm-up, as the median of chunks of
 * CHUNK (by CPU): a burst of another job on the shared cores, or a collection, spoils a chunk or
 * two rather than the whole figure. `profile` names the loop's profile.
 */
const costOf = async (app: App, path: string, profile?: string): Promise<Cost> => {
  const url = `http://localhost${path}`;
  for (let i = 0; i < Math.max(50, REQUESTS / 5); i++) await (await app.request(url)).arrayBuffer();
  await collectGarbage();
  if (profile) await profiler?.post('Profiler.start');
  const chunks: Cost[] = [];
  for (let done = 0; done < REQUESTS; done += CHUNK) {
    const size = Math.min(CHUNK, REQUESTS - done);
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (let i = 0; i < size; i++) await (await app.request(url)).arrayBuffer();
    const used = process.cpuUsage(cpu);
    chunks.push({
      wall: (performance.now() - started) / size,
      cpu: (used.user + used.system) / 1000 / size,
    });
  }
  if (profile) await saveProfile(profile);
  return chunks.sort((a, b) => a.cpu - b.cpu)[Math.floor(chunks.length / 2)]!;
};
const [drawing, serving, bare] = [appWith(false), appWith(true), bareApp(captured)];
// Every page of each app once over first, a few hundred times: the code they share is then
// compiled (on other threads, counted in the process's CPU time) before the first page is timed,
// not during it.
for (let round = 0; round < 3; round++) {
  for (const [, path] of measured) {
    for (let i = 0; i < 100; i++) {
      for (const app of [drawing, serving, bare])
        await (await app.request(`http://localhost${path}`)).arrayBuffer();
    }
  }
}
const inProcess = new Map<string, { drawn: Cost; served: Cost; bare: Cost }>();
/** The lower of two alternating measures: what the machine's other jobs took least from. */
const least = (a: Cost, b: Cost): Cost => (a.cpu <= b.cpu ? a : b);
for (const [name, path] of measured) {
  const drawn = await costOf(drawing, path, name);
  const [served1, bare1] = [await costOf(serving, path), await costOf(bare, path)];
  const [served2, bare2] = [await costOf(serving, path), await costOf(bare, path)];
  inProcess.set(name, { drawn, served: least(served1, served2), bare: least(bare1, bare2) });
}
client.close();

// --- The table. -------------------------------------------------------------------------------

const cost = ({ wall, cpu }: Cost) => `${wall.toFixed(3)} (${cpu.toFixed(3)})`;

console.log(
  `\nload average (1 min): ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)}; medians of the rounds`,
);
console.log(
  `server: ${PAGE_CACHE ? 'as npm start runs it (page cache on)' : 'page cache off (every page drawn)'}`,
);
console.log(
  '| page | path | KiB | Hearth req/s | bare req/s | ratio | in process ms/request (CPU ms): drawn | served from the page cache | bare | CPU ratio bare/served |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
measured.forEach(([name, path], i) => {
  const rate = rates.get(name);
  const kib = (Buffer.from(captured[i]!.body, 'base64').length / 1024).toFixed(1);
  const [h, b] = rate ? [median(rate.hearth), median(rate.bare)] : [NaN, NaN];
  console.log(
    `| ${name} | \`${path}\` | ${kib} | ${rate ? h.toFixed(0) : '—'} | ${rate ? b.toFixed(0) : '—'} | ${rate ? (h / b).toFixed(3) : '—'} | ${cost(inProcess.get(name)!.drawn)} | ${cost(inProcess.get(name)!.served)} | ${cost(inProcess.get(name)!.bare)} | ${(inProcess.get(name)!.bare.cpu / inProcess.get(name)!.served.cpu).toFixed(2)} |`,
  );
});
rmSync(dir, { recursive: true, force: true });
