import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHELL_PAGES } from '../../support/pages';
import { makeTestApp, type TestApp } from '../../support/app';

let t: TestApp;
const EXIT = 'https://example.org/weather';
beforeAll(async () => {
  t = await makeTestApp({ QUICK_EXIT_URL: EXIT });
});
afterAll(() => t.close());

/** Every URL a page's markup could make the browser fetch by itself, or send a form to. */
const fetchedUrls = (html: string): string[] => {
  const urls: string[] = [];
  const patterns = [
    /<(?:script|img|iframe|frame|embed|source|track|audio|video|input)\b[^>]*\bsrc="([^"]*)"/gi,
    /<link\b[^>]*\bhref="([^"]*)"/gi,
    /<object\b[^>]*\bdata="([^"]*)"/gi,
    /<form\b[^>]*\baction="([^"]*)"/gi,
    /\bsrcset="([^"]*)"/gi,
    /\bposter="([^"]*)"/gi,
    /\bhx-(?:get|post|put|patch|delete)="([^"]*)"/gi,
    /url\(\s*['"]?([^'")]+)/gi,
  ];
  for (const pattern of patterns) for (const match of html.matchAll(pattern)) urls.push(match[1]!);
  return urls;
};

const isThisSite = (url: string) => url.startsWith('/') && !url.startsWith('//');

describe.each([...SHELL_PAGES, '/nowhere'])('%s', (path) => {
  it('loads nothing from another origin', async () => {
    for (const locale of ['en', 'fr']) {
      const html = await (
        await t.app.request(path, { headers: { Cookie: `lang=${locale}` } })
      ).text();
      const urls = fetchedUrls(html);
      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls) expect(isThisSite(url), url).toBe(true);
    }
  });

  it('links elsewhere only with rel="noreferrer"', async () => {
    const html = await (await t.app.request(path)).text();
    const external = [...html.matchAll(/<a\b[^>]*\bhref="(?!\/(?!\/)|#)[^"]*"[^>]*>/gi)].map(
      (m) => m[0],
    );
    expect(external.length).toBeGreaterThan(0);
    for (const tag of external) expect(tag).toMatch(/rel="[^"]*noreferrer[^"]*"/);
  });
});

describe('the stylesheet', () => {
  it('imports nothing from another origin', async () => {
    const html = await (await t.app.request('/')).text();
    const href = html.match(/<link rel="stylesheet" href="([^"]+)"/)?.[1];
    const css = await (await t.app.request(href!)).text();
    expect(css).not.toMatch(/@import|url\(\s*['"]?(https?:)?\/\//i);
  });
});
