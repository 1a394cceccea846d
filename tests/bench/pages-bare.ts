/**
 * The bare stack for `npm run bench:pages`: a Hono app on @hono/node-server that answers each
 * page's captured bytes and headers from memory, and nothing else (pages-bare-app.ts). Run as
 * its own process (the path of a JSON file of captured pages as its argument) so that it and
 * Hearth each get a core. Prints `ready <port>` once listening.
 */
import { serve } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import { bareApp, type CapturedPage } from './pages-bare-app';

const pages = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as CapturedPage[];

serve({ fetch: bareApp(pages).fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`ready ${info.port}`);
});
