import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHELL_PAGES } from '../../support/pages';
import { makeTestApp, type TestApp } from '../../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ QUICK_EXIT_URL: 'https://example.org/weather' });
});
afterAll(() => t.close());

const FOCUSABLE = /<(a\s[^>]*href|button|input(?![^>]*type="hidden")|select|textarea)\b[^>]*>/i;

describe.each(SHELL_PAGES)('the shell of %s', (path) => {
  it('has one h1, a main landmark, the navigation and the footer links', async () => {
    const res = await t.app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(html).toMatch(/<main id="main"/);
    expect(html).toMatch(/<a class="skip-link" href="#main">/);
    for (const href of ['/resources', '/events', '/campaigns', '/stories', '/support']) {
      expect(html).toContain(`href="${href}"`);
    }
    expect(html).toMatch(/<footer[\s\S]*href="\/privacy"[\s\S]*href="\/safety"[\s\S]*<\/footer>/);
  });

  it('puts quick exit first in tab order, as a plain no-referrer link to the configured site', async () => {
    const html = await (await t.app.request(path)).text();
    const body = html.slice(html.indexOf('<body'));
    const first = body.match(FOCUSABLE)?.[0] ?? '';
    expect(first).toContain('id="quick-exit"');
    expect(first).toContain('href="https://example.org/weather"');
    expect(first).toContain('rel="noreferrer"');
  });
});

describe('quick exit target', () => {
  it('defaults to a weather site, and ignores a target that is not a web address', async () => {
    const other = await makeTestApp({ QUICK_EXIT_URL: 'javascript:alert(1)' });
    const html = await (await other.app.request('/')).text();
    expect(html).toContain('href="https://weather.com/"');
    expect(html).not.toContain('javascript:');
    other.close();
  });
});

describe('the site name', () => {
  it('is configurable and appears in the title and header', async () => {
    const other = await makeTestApp({ SITE_NAME: 'Lantern' });
    const html = await (await other.app.request('/support')).text();
    expect(html).toMatch(/<title>[^<]*· Lantern<\/title>/);
    expect(html).toContain('<a class="site-name" href="/">Lantern</a>');
    other.close();
  });
});
