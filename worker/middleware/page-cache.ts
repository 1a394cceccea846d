import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../env';
import { localToolsAllowed } from '../http/local-tools';
import { sessionCookieName } from './session';

/**
 * Public pages as a visitor without an account sees them, drawn once and served again while
 * nothing has been written: on Node, where one process makes every write to its database and
 * can tell (db/core/write-watch.ts). A campaign page read by thousands costs one drawing per
 * signature rather than one per reader.
 *
 * What makes it safe, each held by a test (tests/node/http/page-cache.test.ts):
 * - Only what the app mounts it on (public pages: worker/app.tsx), only GET, only for a request
 *   with no session cookie at all, and only a 200 HTML answer that sets no cookie and is not
 *   marked `no-store` or `private`. A signed-in page is never stored nor served from here.
 * - A page is kept with the write count seen before it was drawn, and served only while the
 *   count is unchanged: a page drawn across a write is never reused, and a withdrawn story or
 *   a new signature shows on the very next request.
 * - It lives `ttlMs` at most (2 s): what changes with the clock alone ("open now", an event
 *   that has begun, a consent that expires) and writes by another process (a command on the
 *   same file) show within that.
 * - The key is the whole URL, the language, the htmx headers and whether the local tools show
 *   (the demo notice, never through a proxy): whatever a page is drawn from besides data.
 * - Each answer gets its own CSP nonce: the page is kept with the nonce it was drawn with,
 *   replaced by this request's in the body (the header is made for this request as always).
 * - Bounded: `maxEntries` pages, the oldest dropped first.
 *
 * Not on Workers: isolates do not see each other's writes, and a withdrawal must be at once.
 */
export interface PageCacheOptions {
  /** The number of writes so far through the app's database client. */
  writes: () => number;
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

interface Kept {
  body: string;
  headers: [string, string][];
  nonce: string;
  writes: number;
  until: number;
}

export interface PageCache {
  middleware: MiddlewareHandler<AppEnv>;
  /** Answers served from the cache, for tests and benchmarks. */
  hits: () => number;
}

/** Everything a shared page is drawn from besides the database: the address, language, htmx, local tools. */
const keyOf = (c: Context<AppEnv>) =>
  [
    c.get('locale'),
    c.req.header('HX-Request') ?? '',
    c.req.header('HX-Target') ?? '',
    localToolsAllowed(c) ? 'local' : '',
    c.req.url,
  ].join('\n');

/** Headers of one drawing only: its length, and the database time a local run reports. */
const notKept = new Set(['content-length', 'server-timing']);

const storable = (res: Response) =>
  res.status === 200 &&
  (res.headers.get('Content-Type') ?? '').startsWith('text/html') &&
  !res.headers.has('Set-Cookie') &&
  !/no-store|private/i.test(res.headers.get('Cache-Control') ?? '');

export const pageCache = ({
  writes,
  ttlMs = 2000,
  maxEntries = 500,
  now = Date.now,
}: PageCacheOptions): PageCache => {
  const kept = new Map<string, Kept>();
  let hits = 0;

  const middleware: MiddlewareHandler<AppEnv> = async function pageCache(c, next) {
    // The security headers middleware made this answer's nonce before any page is drawn.
    const nonce = c.get('secureHeadersNonce');
    if (c.req.method !== 'GET' || !nonce || c.get('user') || getCookie(c, sessionCookieName(c)))
      return next();
    const key = keyOf(c);
    const found = kept.get(key);
    const writesBefore = writes();
    if (found && found.writes === writesBefore && found.until > now()) {
      hits++;
      return new Response(found.body.replaceAll(found.nonce, nonce), { headers: found.headers });
    }
    if (found) kept.delete(key);
    await next();
    // Drawn across a write: it may hold either side of it; the next request draws it anew.
    if (!storable(c.res) || writes() !== writesBefore) return;
    const body = await c.res.text();
    c.res = new Response(body, c.res);
    kept.set(key, {
      body,
      headers: [...c.res.headers].filter(([name]) => !notKept.has(name)),
      nonce,
      writes: writesBefore,
      until: now() + ttlMs,
    });
    if (kept.size > maxEntries) kept.delete(kept.keys().next().value!);
  };
  return { middleware, hits: () => hits };
};
