import { parseFeed } from '@rowanmanning/feed-parser';
import { expect } from 'vitest';
import { TestBrowser } from './browser';
import type { TestApp } from './app';

/**
 * Fetches an Atom feed and reads it with `@rowanmanning/feed-parser`, a parser written
 * independently of the library that writes the feeds. Checks what every feed must be: a 200,
 * the Atom media type, the feed's cache headers, and a document the parser accepts as Atom.
 */
export const readAtom = async (t: TestApp, path: string, headers: Record<string, string> = {}) => {
  const res = await new TestBrowser(t).get(path, headers);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
  expect(res.headers.get('cache-control')).toBe('no-cache');
  expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
  const xml = await res.text();
  const feed = parseFeed(xml);
  expect(feed.meta.type).toBe('atom');
  expect(feed.meta.version).toBe('1.0');
  return { res, xml, feed };
};

/**
 * The text a reader shows for an entry's `type="html"` title or summary: the markup decoded.
 * An escaped `&lt;script&gt;` reads back as the characters `<script>`, never as a tag.
 */
export const shownText = (html: string | null): string =>
  (html ?? '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
