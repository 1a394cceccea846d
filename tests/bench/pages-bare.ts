/**
 * The bare stack for `npm run bench:pages`: a Hono app on @hono/node-server that answers each
 * page's captured bytes and headers from memory, and nothing else. Run as its own process (the
 * path of a JSON file of captured pages as its argument) so that it and Hearth each get a core.
 * Prints `ready <port>` once listening. `bareApp` is the same app for the in-process comparison.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { readFileSync } from 'node:fs';

export interface CapturedPage {
  path: string;
  status: number;
  headers: [string, string][];
  /** The body, base64. */
  body: string;
}

/** The bare app: each captured page's bytes and headers from memory, nothing else. */
export const bareApp = (pages: CapturedPage[]) => {
  const byPath = new Map(
    pages.map((page) => [
      page.path,
      {
        status: page.status,
        headers: Object.fromEntries(page.headers),
        body: new Uint8Array(Buffer.from(page.body, 'base64')),
      },
    ]),
  );
  return new Hono().get('*', (c) => {
    const url = c.req.url;
    const found = byPath.get(url.slice(url.indexOf('/', 8)));
    if (!found) return c.notFound();
    return c.body(found.body, found.status as 200, found.headers);
  });
};

// Run as a process (not when imported for the in-process comparison).
if (process.argv[1]?.endsWith('pages-bare.ts')) {
  const pages = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as CapturedPage[];
  serve({ fetch: bareApp(pages).fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
    console.log(`ready ${info.port}`);
  });
}
