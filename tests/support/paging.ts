import { expect } from 'vitest';
import type { TestBrowser } from './browser';

/** The address a page's rel="next" (or "prev") link points to, unescaped, or null. */
export const relLink = (html: string, rel: 'next' | 'prev'): string | null => {
  const found = html.match(new RegExp(`<a href="([^"]+)" rel="${rel}">`));
  return found ? found[1]!.replaceAll('&amp;', '&') : null;
};

/**
 * The rel="next" (or "prev") address in the page links named `label`, on a page with several
 * lists (`<nav class="pagination" aria-label="…">`), or null.
 */
export const relLinkIn = (html: string, label: string, rel: 'next' | 'prev'): string | null => {
  const start = html.indexOf(`<nav class="pagination" aria-label="${label}">`);
  return start < 0 ? null : relLink(html.slice(start, html.indexOf('</nav>', start)), rel);
};

/**
 * Follows a list's "Next page" links from `path` to the end, as a visitor without JavaScript
 * would, and returns every page's HTML; on a page with several lists, those of the links named
 * `label`. Fails past `limit` pages (a loop would never end).
 */
export const walkPages = async (
  browser: TestBrowser,
  path: string,
  rel: 'next' | 'prev' = 'next',
  limit = 50,
  label?: string,
): Promise<string[]> => {
  const pages: string[] = [];
  let next: string | null = path;
  while (next) {
    expect(pages.length).toBeLessThan(limit);
    const res = await browser.get(next);
    expect(res.status).toBe(200);
    const html = await res.text();
    pages.push(html);
    next = label ? relLinkIn(html, label, rel) : relLink(html, rel);
  }
  return pages;
};

/** Cursors a visitor could type or a bot could send: none may be an error. */
export const GARBAGE_CURSORS = [
  '',
  'abc',
  '-1',
  '99999999999999999999.x',
  '1.2.3.4',
  '1.%00',
  "1.'; drop table events; --",
  '%E0%A4%A',
  'x'.repeat(5000),
  '1767312000.',
  '.abc',
] as const;
