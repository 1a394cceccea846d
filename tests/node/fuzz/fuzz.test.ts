import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../support/app';
import { HOSTILE_CONSTANTS, LEAKS, markOf, unescapedMarker } from './hostile';
import { buildRequest, fuzzRequests, type FuzzRequest } from './requests';
import { FUZZ_ROUTES, type FuzzEntry } from './routes';
import { World, type Me } from './world';

/**
 * Property-based fuzzing of every route of the router (see routes.ts for the table, and the
 * README's "Fuzzing"). Each route gets FUZZ_RUNS requests (4 in `npm test`; `npm run fuzz`
 * sends 100 with a random seed) of random and hostile values, and every answer must hold:
 * no 5xx; no stack, SQL or path of this machine; no redirect to another site; no markup any
 * request sent shown unescaped in a page; and a refused request leaves the row count of every
 * table as it was.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 4);
const SEED =
  process.env.FUZZ_SEED === 'random'
    ? Math.floor(Math.random() * 2 ** 31)
    : Number(process.env.FUZZ_SEED ?? 20261127);
/** Replays one route only (as the failure message says). */
const ONLY = process.env.FUZZ_ROUTE;
console.log(`fuzz: seed ${SEED}, ${RUNS} runs per route (replay: FUZZ_SEED=${SEED})`);

const t = await makeTestApp({ APP_ENV: 'local' });
const world = await World.build(t);

/** Every route the router knows, as `METHOD path`; ALL routes are middleware. */
const ROUTER_ROUTES = [
  ...new Set(t.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`)),
];

/** Tables whose rows a refused request may add by design: the attempts rate limits count. */
const BOOKKEEPING = new Set(['rate_limits']);
const TABLES = (
  await t.db.all<{ name: string }>(
    sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> '__drizzle_migrations' order by name`,
  )
)
  .map((row) => row.name)
  // FTS5's shadow tables follow the content table they index.
  .filter((name) => !/_fts_(data|idx|docsize|config|content|map)$/.test(name))
  .filter((name) => !BOOKKEEPING.has(name));
const COUNT_ALL = sql.raw(
  `select ${TABLES.map((name) => `(select count(*) from "${name}") as "${name}"`).join(', ')}`,
);
const rowCounts = async () => (await t.db.get<Record<string, number>>(COUNT_ALL))!;

/** A seed for each route from the run's seed, so replaying one route alone sends the same requests. */
const routeSeed = (route: string) => {
  let hash = SEED | 0;
  for (const ch of route) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0;
  return hash;
};

let requests = 0;
/** Answers by route and status (FUZZ_STATUSES=1 prints them): a route that only ever refuses is fuzzed shallowly. */
const statuses = new Map<string, Map<number, number>>();
const tally = (route: string, status: number) => {
  const byStatus = statuses.get(route) ?? new Map<number, number>();
  byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  statuses.set(route, byStatus);
};
let routesFuzzed = 0;
const started = Date.now();
afterAll(() => {
  if (process.env.FUZZ_STATUSES)
    for (const [route, byStatus] of statuses)
      console.log(
        `${route}: ${[...byStatus]
          .sort(([a], [b]) => a - b)
          .map(([status, n]) => `${status}×${n}`)
          .join(' ')}`,
      );
  console.log(
    `fuzz: ${requests} requests to ${routesFuzzed} routes in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${SEED}, ${RUNS} runs per route)`,
  );
  t.close();
});

const ASSET = /css|javascript|svg/;
const REFUSED_PAGE = /class="error-summary"|aria-invalid="true"/;

/** The properties every answer holds; the reason it does not, or null. */
const badAnswer = (res: Response, body: string): string | null => {
  if (res.status >= 500) return `answered ${res.status}`;
  const location = res.headers.get('location');
  if (location && new URL(location, 'http://localhost').origin !== 'http://localhost')
    return `redirects to another site: ${location.slice(0, 80)}`;
  const type = res.headers.get('content-type') ?? '';
  if (!ASSET.test(type)) {
    const leak = LEAKS.find((pattern) => pattern.test(body));
    if (leak) return `shows ${leak} in ${body.match(leak)![0]!.slice(0, 80)}`;
  }
  if (type.includes('html')) {
    const raw = unescapedMarker(body);
    if (raw) return `shows ${raw} unescaped`;
  }
  return null;
};

const fuzzRoute = async (route: string, entry: FuzzEntry) => {
  const [method, path] = route.split(' ') as [string, string];
  // One account per route (made again if a request deleted it; moderators are emailed about
  // every submission, so one per request would make each submission slower than the last).
  let me: Me | null = null;

  const property = async (req: FuzzRequest) => {
    if (!me || !(await world.alive(me))) me = await world.account(entry.as);
    // Each request gets its own records: what one request changes never decides what the next sees.
    const ids = (await entry.params?.(world, me)) ?? {};
    const samples = Object.entries({ ...entry.query, ...entry.fields });
    const valid = {
      ...Object.fromEntries(
        samples.filter((pair): pair is [string, string] => typeof pair[1] === 'string'),
      ),
      ...ids,
    };
    const cookie = await world.cookie(me);
    const mark = markOf(++requests);
    const headers: Record<string, string> = {
      'x-test-client': `2001:db8::${requests.toString(16)}`,
      ...(cookie ? { Cookie: cookie } : {}),
    };
    const { url, init } = buildRequest(method, path, req, valid, mark, headers);
    const before = await rowCounts();
    const res = await t.app.request(`http://localhost${url}`, init);
    const body = await res.text();
    tally(route, res.status);
    const bad = badAnswer(res, body);
    if (bad) throw new Error(`${method} ${url.slice(0, 200)} ${bad}`);
    const refused =
      res.status >= 400 || ([200, 422].includes(res.status) && REFUSED_PAGE.test(body));
    if (refused) {
      const after = await rowCounts();
      const changed = TABLES.filter((name) => before[name] !== after[name]);
      if (changed.length)
        throw new Error(
          `refused (${res.status}) but wrote: ${changed.map((n) => `${n} ${before[n]}→${after[n]}`).join(', ')}`,
        );
    }
    // The page a redirect leads to shows what was saved: it holds the same properties.
    const location = res.headers.get('location');
    if (
      res.status >= 300 &&
      res.status < 400 &&
      location?.startsWith('/') &&
      !location.startsWith('//')
    ) {
      const next = await t.app.request(`http://localhost${location}`, {
        headers: {
          ...headers,
          Cookie: [cookie, ...res.headers.getSetCookie().map((c) => c.split(';')[0])]
            .filter(Boolean)
            .join('; '),
        },
      });
      const nextBad = badAnswer(next, await next.text());
      if (nextBad) throw new Error(`after a redirect, GET ${location.slice(0, 200)} ${nextBad}`);
    }
  };

  try {
    await fc.assert(fc.asyncProperty(fuzzRequests(path, entry), property), {
      seed: routeSeed(route),
      numRuns: RUNS,
      includeErrorInReport: true,
    });
    routesFuzzed++;
  } catch (error) {
    throw new Error(
      `fuzz failed on ${route}\nreplay: FUZZ_SEED=${SEED} FUZZ_ROUTE='${route}' FUZZ_RUNS=${RUNS} npx vitest run --project node tests/node/fuzz\n${error instanceof Error ? error.message : String(error)}`,
    );
  }
};

describe('fuzzing every route', () => {
  it('lists no route that the router no longer has', () => {
    const gone = Object.keys(FUZZ_ROUTES).filter((route) => !ROUTER_ROUTES.includes(route));
    expect(gone, 'remove these entries from FUZZ_ROUTES in tests/node/fuzz/routes.ts').toEqual([]);
  });

  it('sends values whose echo can never look like a leak', () => {
    for (const value of HOSTILE_CONSTANTS)
      expect(LEAKS.filter((pattern) => pattern.test(value))).toEqual([]);
  });

  for (const route of ROUTER_ROUTES.filter((r) => !ONLY || r === ONLY)) {
    it(
      route,
      async () => {
        const entry = FUZZ_ROUTES[route];
        if (!entry)
          throw new Error(
            `${route} has no fuzz entry: add one to FUZZ_ROUTES in tests/node/fuzz/routes.ts (the comment at its top says how)`,
          );
        await fuzzRoute(route, entry);
      },
      Math.max(60_000, RUNS * 3_000),
    );
  }

  // Last: what the requests above stored is shown on list pages, queues and the outbox.
  it('shows nothing stored by the requests above unescaped, on any page without an id', async () => {
    const everyRole = await world.account('admin');
    await world.grantEveryRole(everyRole);
    const pages = ROUTER_ROUTES.filter((r) => r.startsWith('GET ') && !r.includes(':')).map((r) =>
      r.slice('GET '.length),
    );
    for (const cookie of [null, await world.cookie(everyRole)])
      for (const page of pages) {
        const res = await t.app.request(`http://localhost${page}`, {
          headers: cookie ? { Cookie: cookie } : {},
        });
        expect(badAnswer(res, await res.text()), page).toBeNull();
      }
  });
});
