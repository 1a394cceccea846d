/**
 * npm run soak — mixed traffic as people make it, for a while, on `npm start`'s server (Node,
 * a libsql file, the demo data): browsing, searching the directory with filters, signing
 * campaigns and confirming from the email, RSVPs, signing in by code, organizers at work.
 *
 * SOAK_MINUTES (default 10) at SOAK_RATE requests a second (default 50), over SOAK_CLIENTS
 * simulated people (default 3000, each with its own loopback address: soak-visitor.ts says why),
 * SOAK_SEED (default 1) for the choices. Prints, per minute: requests, p50/p99 latency, errors
 * (any answer a person's step did not expect, a network failure or an email that never came;
 * the expected 4xx — a typo in an email address, a wrong code, an old link — are counted apart)
 * and the server's memory (RSS from /proc, V8 heap after a full collection from the inspector).
 * At the end: memory growth from minute 2 to the end, total errors; exits non-zero on any error
 * or on growth of 10 % or more. SOAK_SNAPSHOTS=<folder> writes heap snapshots at minute 2 and
 * at the end (open them in Chrome DevTools, Memory, and compare). Figures in tests/bench/README.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import {
  FLOWS,
  chance,
  pick,
  roll,
  seedRandom,
  signInAs,
  type FlowName,
  type SiteMap,
} from './soak-flows';
import { MailReader } from './soak-mail';
import { startSoakServer, type MemorySample } from './soak-server';
import { UnexpectedAnswer, Visitor, clientAddress, type Record } from './soak-visitor';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const RATE = Number(process.env.SOAK_RATE ?? 50);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 3000);
const SEED = Number(process.env.SOAK_SEED ?? 1);
const SNAPSHOTS = process.env.SOAK_SNAPSHOTS;
const GROWTH_LIMIT = 0.1;

/** Visits started, by kind, out of 100: most people read; some act; a few organize. */
const MIX: { [flow in FlowName]: number } = {
  browse: 40,
  search: 25,
  sign: 10,
  rsvp: 8,
  signIn: 5,
  organize: 12,
};
const ORGANIZERS = ['organizer@example.org', 'demo-organizer@example.org'];

seedRandom(SEED);
const durationMs = MINUTES * 60_000;
/** A minute, or the whole run when it is shorter (the short form in npm test). */
const periodMs = Math.min(60_000, durationMs);
const periods = Math.ceil(durationMs / periodMs);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (bytes: number) => (bytes / 1048576).toFixed(1);

// --- Tally. ------------------------------------------------------------------------------------

interface Period {
  latencies: number[];
  errors: number;
  refused: number;
  memory?: MemorySample;
  cpuSeconds?: number;
  load?: number;
}
const tally: Period[] = Array.from({ length: periods }, () => ({
  latencies: [],
  errors: 0,
  refused: 0,
}));
const byFlow = new Map<
  string,
  { visits: number; requests: number; errors: number; latencies: number[] }
>();
const problems = new Map<string, number>();
let startedAt = 0;

const periodNow = () =>
  tally[Math.min(periods - 1, Math.floor((performance.now() - startedAt) / periodMs))]!;
const flowTally = (flow: string) => {
  let entry = byFlow.get(flow);
  if (!entry) byFlow.set(flow, (entry = { visits: 0, requests: 0, errors: 0, latencies: [] }));
  return entry;
};
const record: Record = ({ flow, ms, status, expected }) => {
  const period = periodNow();
  period.latencies.push(ms);
  flowTally(flow).requests++;
  flowTally(flow).latencies.push(ms);
  if (!expected) {
    period.errors++;
    flowTally(flow).errors++;
  } else if (typeof status === 'number' && status >= 400) period.refused++;
};
const countProblem = (flow: string, error: unknown) => {
  const text = `${flow}: ${(error as Error).message}`;
  problems.set(text, (problems.get(text) ?? 0) + 1);
  if (!(error instanceof UnexpectedAnswer)) {
    // An email that never came: no request counted it.
    periodNow().errors++;
    flowTally(flow).errors++;
  }
};

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

const cpuSeconds = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

// --- The run. ----------------------------------------------------------------------------------

const server = await startSoakServer({ inspect: true });
const mail = new MailReader(server.origin);
mail.start();
let serial = 0;
const runTag = Date.now().toString(36);
const freshEmail = () => `soak-${runTag}-${serial++}@example.org`;

/** Setup requests are not part of the figures, but must all succeed. */
const setupRecord: Record = ({ expected }) => {
  if (!expected) throw new Error('a setup request failed');
};
const setupVisitor = (address: string, cookies?: Map<string, string>) =>
  new Visitor({
    origin: server.origin,
    address,
    language: 'en',
    pace: async () => {},
    record: setupRecord,
    flow: 'setup',
    cookies,
  });

const ids = (html: string, pattern: RegExp) => [
  ...new Set([...html.matchAll(pattern)].map((m) => m[1]!)),
];
const options = (html: string, name: string) =>
  ids(
    html.match(new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`))?.[1] ?? '',
    /value="([^"]+)"/g,
  );

/** Finds the site's pages and choices as a visitor would, by following its links. */
const mapSite = async (): Promise<SiteMap> => {
  const visitor = setupVisitor(clientAddress(CLIENTS + 10));
  const home = (await visitor.get('/')).body;
  const directory = (await visitor.get('/resources')).body;
  const categories = options(directory, 'category');
  const resources = new Set<string>();
  for (const category of categories) {
    const page = (await visitor.get(`/resources?category=${category}`)).body;
    for (const id of ids(page, /href="\/resources\/([A-Za-z0-9-]+)"/g)) resources.add(id);
  }
  const events = ids((await visitor.get('/events')).body, /href="\/events\/([a-z0-9-]+)"/g);
  const rsvpEvents: string[] = [];
  for (const id of events)
    if ((await visitor.get(`/events/${id}`)).body.includes(`action="/events/${id}/rsvp"`))
      rsvpEvents.push(id);
  const campaigns = ids(
    (await visitor.get('/campaigns')).body,
    /href="\/campaigns\/([a-z0-9-]+)"/g,
  );
  const signCampaigns: string[] = [];
  for (const id of campaigns)
    if ((await visitor.get(`/campaigns/${id}`)).body.includes(`/campaigns/${id}/signatures"`))
      signCampaigns.push(id);
  const stories = ids((await visitor.get('/stories')).body, /href="\/stories\/([a-z0-9-]+)"/g);
  visitor.leave();
  const site: SiteMap = {
    resources: [...resources],
    events,
    rsvpEvents,
    campaigns,
    signCampaigns,
    stories,
    categories,
    languages: options(directory, 'language'),
    cities: options(directory, 'city'),
    assets: ids(home, /(?:href|src)="(\/static\/[^"]+)"/g),
  };
  for (const [name, list] of Object.entries(site))
    if (list.length === 0) throw new Error(`the demo site has no ${name} to visit`);
  return site;
};

interface Organizer {
  address: string;
  cookies: Map<string, string>;
  pages: string[];
}

/** Each demo organizer signs in once, from their own address, and stays signed in. */
const signInOrganizers = async (site: SiteMap): Promise<Organizer[]> => {
  const organizers: Organizer[] = [];
  for (const [i, email] of ORGANIZERS.entries()) {
    const address = clientAddress(CLIENTS + i);
    const cookies = new Map<string, string>();
    const visitor = setupVisitor(address, cookies);
    await signInAs({ visitor, site, mail, freshEmail }, email);
    const pages: string[] = [];
    for (const area of ['/organize/campaigns', '/organize/events']) {
      pages.push(area);
      const list = (await visitor.get(area)).body;
      for (const path of ids(list, /href="(\/organize\/(?:campaigns|events)\/[a-z0-9-]+)"/g))
        if (!path.endsWith('/new')) pages.push(path);
    }
    for (const path of pages.filter((p) => /^\/organize\/events\/[a-z0-9]+$/.test(p)).slice(0, 2))
      pages.push(`${path}/rsvps.csv`);
    visitor.leave();
    organizers.push({ address, cookies, pages });
  }
  return organizers;
};

let site: SiteMap;
let organizers: Organizer[];
try {
  site = await mapSite();
  organizers = await signInOrganizers(site);
} catch (error) {
  console.error(`soak: setup failed: ${(error as Error).message}`);
  mail.stop();
  await server.stop();
  process.exit(1);
}

const flowNames = Object.keys(MIX) as FlowName[];
const totalWeight = flowNames.reduce((sum, name) => sum + MIX[name], 0);
const pickFlow = (): FlowName => {
  let left = roll() * totalWeight;
  for (const name of flowNames) if ((left -= MIX[name]) < 0) return name;
  return 'browse';
};

class Stop extends Error {}
let endAt = Infinity;
let nextSlot = 0;
/** One request every 1/RATE s, whoever asks: the pace of the whole crowd, not of one person. */
const pace = async () => {
  const now = performance.now();
  if (now >= endAt) throw new Stop();
  const slot = Math.max(nextSlot, now);
  nextSlot = slot + 1000 / RATE;
  if (slot > now) await sleep(slot - now);
  if (performance.now() >= endAt) throw new Stop();
};

let nextClient = 0;
const visit = async () => {
  const flow = pickFlow();
  const organizer = flow === 'organize' ? pick(organizers) : undefined;
  const visitor = new Visitor({
    origin: server.origin,
    address: organizer?.address ?? clientAddress(nextClient++ % CLIENTS),
    language: chance(0.25) ? 'fr' : 'en',
    pace,
    record,
    flow,
    cookies: organizer?.cookies,
  });
  flowTally(flow).visits++;
  try {
    await FLOWS[flow]({ visitor, site, mail, freshEmail, organizerPages: organizer?.pages });
  } catch (error) {
    if (!(error instanceof Stop) && performance.now() < endAt) countProblem(flow, error);
  } finally {
    visitor.leave();
  }
};

/** People at once: enough that the pace, not their waiting, sets the rate. */
const crowd = Math.max(8, Math.ceil(RATE * 1.5));
console.log(
  `soak: ${MINUTES} min at ${RATE} requests/s, ${crowd} people at a time from ${CLIENTS} client addresses, seed ${SEED}; node ${process.version}, ${availableParallelism()} cores, load ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);
console.log(
  `  site: ${site.resources.length} resources, ${site.events.length} events (${site.rsvpEvents.length} open to RSVP), ${site.campaigns.length} campaigns (${site.signCampaigns.length} to sign), ${site.stories.length} stories; mix ${flowNames.map((n) => `${n} ${MIX[n]}`).join(', ')}`,
);
console.log(
  '  min | requests | req/s | p50 ms | p99 ms | errors | expected 4xx | RSS MiB (anon + files) | heap MiB (committed) | server CPU',
);

startedAt = performance.now();
endAt = startedAt + durationMs;
nextSlot = startedAt;
const people = Array.from({ length: crowd }, async () => {
  while (performance.now() < endAt) await visit();
});

let cpuBefore = cpuSeconds(server.pid);
let snapshotsTaken = 0;
for (let i = 0; i < periods; i++) {
  await sleep(
    Math.max(0, startedAt + Math.min(durationMs, (i + 1) * periodMs) - performance.now()),
  );
  const period = tally[i]!;
  period.memory = await server.memory(true);
  const cpu = cpuSeconds(server.pid);
  period.cpuSeconds = cpu - cpuBefore;
  cpuBefore = cpu;
  period.load = loadavg()[0];
  const sorted = [...period.latencies].sort((a, b) => a - b);
  // The last period may be shorter (SOAK_MINUTES=1.5).
  const seconds = Math.min(periodMs, durationMs - i * periodMs) / 1000;
  const endMinute = Math.min(durationMs, (i + 1) * periodMs) / 60_000;
  console.log(
    `  ${String(Number(endMinute.toFixed(1))).padStart(3)} | ${String(sorted.length).padStart(8)} | ${(sorted.length / seconds).toFixed(1).padStart(5)} | ${percentile(sorted, 0.5).toFixed(0).padStart(6)} | ${percentile(sorted, 0.99).toFixed(0).padStart(6)} | ${String(period.errors).padStart(6)} | ${String(period.refused).padStart(12)} | ${`${mib(period.memory.rss)} (${mib(period.memory.rssAnon)} + ${mib(period.memory.rssFile)})`.padStart(22)} | ${(period.memory.heap === null ? '—' : `${mib(period.memory.heap)} (${mib(period.memory.heapCommitted!)})`).padStart(20)} | ${((period.cpuSeconds / seconds) * 100).toFixed(0)}% (load ${period.load!.toFixed(2)})`,
  );
  const baselineIndex = periods >= 3 ? 1 : 0;
  if (SNAPSHOTS && (i === baselineIndex || i === periods - 1)) {
    const snapshot = await server.snapshot();
    if (snapshot)
      writeFileSync(
        join(SNAPSHOTS, `soak-${++snapshotsTaken}-minute-${i + 1}.heapsnapshot`),
        snapshot,
      );
  }
}
await Promise.all(people);
mail.stop();

// --- The verdict. ------------------------------------------------------------------------------

const baseline = tally[periods >= 3 ? 1 : 0]!.memory!;
const last = tally[periods - 1]!.memory!;
const growth = (from: number, to: number) => (to - from) / from;
const rssGrowth = growth(baseline.rss, last.rss);
const heapGrowth =
  baseline.heap !== null && last.heap !== null ? growth(baseline.heap, last.heap) : null;
const errors = tally.reduce((sum, p) => sum + p.errors, 0) + mail.failures;
const all = tally.flatMap((p) => p.latencies).sort((a, b) => a - b);
const health = await fetch(`${server.origin}/healthz`).then(
  (res) => res.status,
  () => 0,
);
await server.stop();

const from = periods >= 3 ? 'minute 2' : 'the first period';
const percent = (n: number) => `${n >= 0 ? '+' : ''}${(n * 100).toFixed(1)} %`;
console.log(
  `  total: ${all.length} requests (${(all.length / (durationMs / 1000)).toFixed(1)}/s), p50 ${percentile(all, 0.5).toFixed(0)} ms, p99 ${percentile(all, 0.99).toFixed(0)} ms; ${mail.polls} outbox reads (not counted)`,
);
console.log(
  '  by visit: visits, requests, errors, p50/p99 ms\n' +
    [...byFlow]
      .map(([name, t]) => {
        const sorted = t.latencies.sort((a, b) => a - b);
        return `    ${name}: ${t.visits}, ${t.requests}, ${t.errors}, ${percentile(sorted, 0.5).toFixed(0)}/${percentile(sorted, 0.99).toFixed(0)}`;
      })
      .join('\n'),
);
for (const [text, count] of problems) console.log(`  error ×${count}: ${text}`);
console.log(
  `  memory from ${from} to the end: RSS ${mib(baseline.rss)} → ${mib(last.rss)} MiB (${percent(rssGrowth)}), heap ${heapGrowth === null ? '—' : `${mib(baseline.heap!)} → ${mib(last.heap!)} MiB (${percent(heapGrowth)})`}`,
);
console.log(`  errors: ${errors}; /healthz after the run: ${health}`);
const grew = rssGrowth >= GROWTH_LIMIT || (heapGrowth !== null && heapGrowth >= GROWTH_LIMIT);
if (errors > 0 || grew || health !== 200) {
  console.log(
    `  FAILED: ${[errors > 0 && `${errors} errors`, grew && 'memory grew 10 % or more', health !== 200 && 'server unhealthy'].filter(Boolean).join(', ')}`,
  );
  process.exitCode = 1;
}
