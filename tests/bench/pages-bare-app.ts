import { Hono } from 'hono';

/** A page as bench:pages captured it from Hearth: its very bytes and headers. */
export interface CapturedPage {
  path: string;
  status: number;
  headers: [string, string][];
  /** The body, base64. */
  body: string;
}

/** The bare stack: a Hono app that answers each captured page from memory, and nothing else. */
export const bareApp = (pages: readonly CapturedPage[]) => {
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
