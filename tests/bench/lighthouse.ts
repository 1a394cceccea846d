/**
 * npm run bench:lighthouse — what each public page costs a phone. Lighthouse (its Node API,
 * performance category only, its default mobile form factor and simulated throttling: a slow 4G
 * connection and a CPU four times slower than this one) loads every public page type from
 * `npm start`'s server (worker/node.ts, demo data, a new database file, a free port) in Debian's
 * Chromium, headless, launched by chrome-launcher: no tool downloads a browser of its own.
 *
 * The machine is shared, and Lighthouse's simulation scales the wall time of the main-thread
 * tasks it observed, so a busy moment inflates blocking time: every page is loaded BENCH_RUNS
 * times (default 3), the pages in turn within each run, after one load that is not counted; the
 * table gives the median of each figure; the floor page (./floor-page.ts), loaded once a run, says
 * what the machine allows at that moment. Beside them, from the same trace: the page's main-thread
 * CPU time, and TBT as Lighthouse's simulation gives it once each of the page's tasks is
 * shortened to its CPU time, which a busy machine inflates far less (./main-thread.ts). Figures
 * are printed, never asserted.
 *
 * BENCH_BEFORE=<folder>: another checkout of Hearth (its node_modules there, `npm run assets`
 * run), to measure before and after in the same run: its server starts the same way, and each
 * page is loaded from both in turn, so both see the same moments of the machine.
 *
 * BENCH_RUNS, BENCH_PAGES (comma-separated names, to measure only some), CHROMIUM_PATH (else
 * /usr/bin/chromium), LIGHTHOUSE_REPORTS (a folder: each load's full JSON report is written
 * there, to see which tasks block).
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Artifacts, type Flags, type Result } from 'lighthouse';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumPath, QUIET_CHROMIUM_FLAGS } from '../e2e/harness';
import { median, publicPages, startDemoServer, stopProcess } from './demo-server';
import { startFloorPage } from './floor-page';
import { mainThreadCpu, shortenToCpuTime } from './main-thread';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const REPORTS = process.env.LIGHTHOUSE_REPORTS;
const BEFORE = process.env.BENCH_BEFORE;

const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-lighthouse-'));
const servers = [
  ...(BEFORE
    ? [
        {
          label: `before (${BEFORE})`,
          ...(await startDemoServer(dir, { checkout: resolve(BEFORE), name: 'before' })),
        },
      ]
    : []),
  { label: BEFORE ? 'after (this checkout)' : 'this checkout', ...(await startDemoServer(dir)) },
];
const wanted = process.env.BENCH_PAGES?.split(',');
const sites = await Promise.all(
  servers.map(async (server) => {
    const pages = await publicPages(server.port);
    return { ...server, pages: wanted ? pages.filter(([name]) => wanted.includes(name)) : pages };
  }),
);

const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath(),
  // As the e2e tests start it: headless, no sandbox when run as root, quiet on the network.
  chromeFlags: [
    '--headless=new',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ...QUIET_CHROMIUM_FLAGS,
  ],
  logLevel: 'silent',
});

const flags: Flags = {
  port: chrome.port,
  output: 'json',
  logLevel: 'error',
  onlyCategories: ['performance'],
};

interface Figures {
  tbt: number;
  fcp: number;
  lcp: number;
  kib: number;
  requests: number;
  score: number;
  cpu: number;
  longestCpu: number;
  /** TBT again, from the same trace with the page's tasks at their CPU time (./main-thread.ts). */
  tbtAtCpuTime: number;
}

const figuresOf = (
  lhr: Result,
  artifacts: Artifacts,
  url: string,
): Omit<Figures, 'tbtAtCpuTime'> => {
  const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const requests = lhr.audits['network-requests']?.details;
  const cpu = mainThreadCpu(artifacts.Trace, url);
  return {
    tbt: value('total-blocking-time'),
    fcp: value('first-contentful-paint'),
    lcp: value('largest-contentful-paint'),
    kib: value('total-byte-weight') / 1024,
    requests: requests?.type === 'table' ? requests.items.length : NaN,
    score: (lhr.categories.performance?.score ?? NaN) * 100,
    cpu: cpu.total,
    longestCpu: cpu.longest,
  };
};

/**
 * One Lighthouse load of a page, tried again (up to 3 times) when the trace was lost: gathered,
 * audited, then audited again with the page's main-thread tasks shortened to their CPU time.
 * `stopped` says why the page's server is gone, if it is.
 */
const measure = async (url: string, stopped: () => string | undefined) => {
  const gathered = join(dir, 'gathered');
  for (let attempt = 1; ; attempt++) {
    rmSync(gathered, { recursive: true, force: true });
    await lighthouse(url, { ...flags, gatherMode: gathered });
    const result = await lighthouse(undefined, { ...flags, auditMode: gathered });
    if (!result) throw new Error(`${url}: Lighthouse gave no result`);
    const error = result.lhr.runtimeError;
    if (!error) {
      const traceFile = join(gathered, 'defaultPass.trace.json');
      const trace = JSON.parse(readFileSync(traceFile, 'utf8')) as Artifacts['Trace'];
      shortenToCpuTime(trace, url);
      writeFileSync(traceFile, JSON.stringify(trace));
      const atCpuTime = await lighthouse(undefined, { ...flags, auditMode: gathered });
      const tbtAtCpuTime = atCpuTime?.lhr.audits['total-blocking-time']?.numericValue ?? NaN;
      return {
        report: result.report as string,
        figures: { ...figuresOf(result.lhr, result.artifacts, url), tbtAtCpuTime },
      };
    }
    const why = stopped();
    if (why) throw new Error(`the server stopped during the run (${why})`);
    if (attempt === 3) throw new Error(`${url}: ${error.message}`);
    console.log(`  ${url}: ${error.code}, again`);
  }
};
const serverStopped = (site: (typeof sites)[number]) => () =>
  site.child.exitCode !== null || site.child.signalCode !== null
    ? (site.child.signalCode ?? 'exit')
    : undefined;

if (REPORTS) mkdirSync(REPORTS, { recursive: true });
const floor = await startFloorPage(sites[0]!.port);
const runs = new Map<string, Figures[]>();
const record = (key: string, label: string, run: number, figures: Figures) => {
  runs.set(key, [...(runs.get(key) ?? []), figures]);
  console.log(
    `  run ${run} ${label}: TBT ${figures.tbt.toFixed(0)} ms (${figures.tbtAtCpuTime.toFixed(0)} at CPU time), main thread ${figures.cpu.toFixed(0)} ms CPU (longest task ${figures.longestCpu.toFixed(0)}), load ${loadavg()[0]!.toFixed(2)}`,
  );
};
const loadBefore = loadavg()[0]!;
console.log(
  `${sites[0]!.pages.length} pages and the floor page, ${RUNS} runs, Lighthouse mobile (simulated throttling)`,
);
try {
  // One load not counted: the first page a newly started browser opens pays for the browser's own
  // start (the first script context, the font cache), which a visitor's phone paid long before.
  await measure(floor.url, () => undefined);
  for (let run = 1; run <= RUNS; run++) {
    for (let page = 0; page < sites[0]!.pages.length; page++) {
      for (const [s, site] of sites.entries()) {
        const [name, path] = site.pages[page]!;
        const url = `http://127.0.0.1:${site.port}${path}`;
        const { report, figures } = await measure(url, serverStopped(site));
        if (REPORTS) writeFileSync(join(REPORTS, `${s}-${name}-${run}.json`), report);
        record(
          `${s} ${name}`,
          `${sites.length > 1 ? `${site.label.split(' ')[0]} ` : ''}${name}`,
          run,
          figures,
        );
      }
    }
    record('floor', 'floor', run, (await measure(floor.url, () => undefined)).figures);
  }
} finally {
  chrome.kill();
  await floor.close();
  for (const site of sites) await stopProcess(site.child);
  rmSync(dir, { recursive: true, force: true });
}
const loadAfter = loadavg()[0]!;

const table = (rows: [key: string, name: string, path: string][]) => {
  console.log(
    '| page | path | TBT ms | FCP ms | LCP ms | transfer KiB | requests | score | main thread CPU ms (longest task) | TBT at CPU time ms |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const [key, name, path] of rows) {
    const of = (pick: (f: Figures) => number) => median(runs.get(key)!.map(pick));
    console.log(
      `| ${name} | ${path} | ${of((f) => f.tbt).toFixed(0)} | ${of((f) => f.fcp).toFixed(0)} | ${of((f) => f.lcp).toFixed(0)} | ${of((f) => f.kib).toFixed(1)} | ${of((f) => f.requests)} | ${of((f) => f.score).toFixed(0)} | ${of((f) => f.cpu).toFixed(0)} (${of((f) => f.longestCpu).toFixed(0)}) | ${of((f) => f.tbtAtCpuTime).toFixed(0)} |`,
    );
  }
};
console.log(
  `\nload average (1 min): ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)}; medians of ${RUNS} runs`,
);
for (const [s, site] of sites.entries()) {
  if (sites.length > 1) console.log(`\n${site.label}`);
  table(site.pages.map(([name, path]) => [`${s} ${name}`, name, `\`${path}\``]));
}
console.log("\nthe floor: a blank page with the site's headers (./floor-page.ts)");
table([['floor', 'floor', 'blank']]);
