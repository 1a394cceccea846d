/**
 * The floor of the machine a page bench runs on: a blank page (a heading and a sentence, no style,
 * no script) answered with the very headers of the site's home page, security headers included
 * (Cross-Origin-Opener-Policy alone makes a navigation to it start a new browsing context group,
 * about twice the main-thread work of a blank page without it, seen in Chromium 156). No page of
 * the site can score better than this page does on the same machine at the same moment.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const BODY =
  '<!doctype html><html lang="en"><meta charset="utf-8">' +
  '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Floor</title>' +
  '<h1>A blank page</h1><p>One heading and one sentence, with no style and no script.</p></html>';

/** Headers that describe one response's body or connection, not the site. */
const OWN = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'date',
]);

export const startFloorPage = async (sitePort: number) => {
  const home = await fetch(`http://127.0.0.1:${sitePort}/`);
  const headers = Object.fromEntries([...home.headers].filter(([name]) => !OWN.has(name)));
  const server = createServer((_, reply) => {
    reply.writeHead(200, headers);
    reply.end(BODY);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
};
