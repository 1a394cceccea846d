/**
 * The bare stack for `npm run bench:pages`: a Hono app on @hono/node-server that answers each
 * page's captured bytes and headers from memory, and nothing else. Run as its own process (the
 * path of a JSON file of captured pages as its argument) so that it and Hearth each get a core.
 * Prints `ready <port>` once listening.
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

const pages = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as CapturedPage[];
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

const app = new Hono();
app.get('*', (c) => {
  const url = c.req.url;
  const found = byPath.get(url.slice(url.indexOf('/', 8)));
  if (!found) return c.notFound();
  return c.body(found.body, found.status as 200, found.headers);
});

serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`ready ${info.port}`);
});
