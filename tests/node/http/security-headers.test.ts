import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHELL_PAGES } from '../../support/pages';
import { makeTestApp, type TestApp } from '../../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );

describe.each([...SHELL_PAGES, '/does-not-exist'])('headers of %s', (path) => {
  it('send a strict CSP: scripts only from this site with a fresh nonce, no inline, no eval', async () => {
    const res = await t.app.request(path);
    const csp = directives(res.headers.get('content-security-policy') ?? '');
    const scriptSrc = csp.get('script-src') ?? csp.get('default-src') ?? [];
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(scriptSrc).not.toContain('*');
    expect(scriptSrc.filter((source) => !source.startsWith("'"))).toEqual([]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    for (const [name, values] of csp) {
      expect(values.join(' '), name).not.toMatch(/unsafe-eval|https?:|\*/);
    }

    const nonce = scriptSrc.find((source) => source.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce).toBeTruthy();
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // Every script is a file of this site: nothing inline.
    expect(html).not.toMatch(/<script\b(?![^>]*\bsrc="\/)[^>]*>/);
  });

  it('send HSTS for a year, no referrer, and forbid framing', async () => {
    const res = await t.app.request(path);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('the CSP nonce', () => {
  it('is different on every response', async () => {
    const nonces = await Promise.all(
      [1, 2, 3].map(
        async () =>
          (await t.app.request('/')).headers
            .get('content-security-policy')
            ?.match(/'nonce-([^']+)'/)?.[1],
      ),
    );
    expect(new Set(nonces).size).toBe(3);
  });
});

describe('htmx', () => {
  it('is served by this site and configured for same-origin requests without injected styles', async () => {
    const html = await (await t.app.request('/resources')).text();
    const [, loader, src] =
      html.match(
        /<script src="(\/static\/load-htmx\.[0-9a-f]+\.js)" data-htmx="(\/static\/htmx\.[0-9a-f]+\.js)"/,
      ) ?? [];
    expect(loader).toBeTruthy();
    expect(src).toBeTruthy();
    for (const [path, text] of [
      [loader!, 'data-htmx'],
      [src!, 'htmx'],
    ] as const) {
      const asset = await t.app.request(path);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      expect(await asset.text()).toContain(text);
    }
    const config = JSON.parse(
      (html.match(/<meta name="htmx-config" content="([^"]+)"/)?.[1] ?? '{}').replaceAll(
        '&quot;',
        '"',
      ),
    );
    expect(config).toMatchObject({ mode: 'same-origin', includeIndicatorCSS: false });
  });

  it('is loaded only on a page with an htmx enhancement, by a deferred loader, with its configuration', async () => {
    const script =
      /<script src="\/static\/load-htmx\.[0-9a-f]+\.js" data-htmx="\/static\/htmx\.[0-9a-f]+\.js" nonce="[^"]+" defer="">/;
    const search = await (await t.app.request('/resources')).text();
    expect(search).toContain(' hx-');
    expect(search).toMatch(script);
    expect(search).toContain('<meta name="htmx-config"');
    for (const path of ['/', '/support', '/no-such-page']) {
      const html = await (await t.app.request(path)).text();
      expect(html, path).not.toContain(' hx-');
      expect(html, path).not.toMatch(/htmx\.[0-9a-f]+\.js|htmx-config/);
      // The other scripts stay.
      expect(html, path).toMatch(/<script src="\/static\/quick-exit\.[0-9a-f]+\.js"/);
    }
  });

  it('an unknown static file is a 404, not a file read', async () => {
    expect((await t.app.request('/static/..%2F..%2Fpackage.json')).status).toBe(404);
    expect((await t.app.request('/static/site.css')).status).toBe(404);
  });
});

describe('every kind of response', () => {
  let headersApp: TestApp;
  beforeAll(async () => {
    headersApp = await makeTestApp({ APP_ENV: 'local' });
    headersApp.app.get('/boom', () => {
      throw new Error('a bug');
    });
  });
  afterAll(() => headersApp.close());

  const form = (fields: Record<string, string>, site = 'same-origin') => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': site },
    body: new URLSearchParams(fields).toString(),
  });
  const kinds: [string, number, () => Promise<Response>][] = [
    [
      'a redirect',
      303,
      async () => headersApp.app.request('/sign-in', form({ email: 'ana@example.org' })),
    ],
    [
      'an htmx fragment',
      200,
      async () =>
        headersApp.app.request('/resources?q=help', { headers: { 'HX-Request': 'true' } }),
    ],
    ['JSON from the HSDS API', 200, async () => headersApp.app.request('/api/hsds/services')],
    ['the local outbox as JSON', 200, async () => headersApp.app.request('/dev/outbox.json')],
    ['an iCalendar feed', 200, async () => headersApp.app.request('/events.ics')],
    [
      'a static file',
      200,
      async () => {
        // /events enhances its filters with htmx, so it names the script (the home page does not).
        const html = await (await headersApp.app.request('/events')).text();
        return headersApp.app.request(
          html.match(/data-htmx="(\/static\/htmx\.[0-9a-f]+\.js)"/)![1]!,
        );
      },
    ],
    [
      'a form from another site, refused',
      403,
      async () =>
        headersApp.app.request('/sign-in', form({ email: 'ana@example.org' }, 'cross-site')),
    ],
    [
      'a body too large, refused',
      413,
      async () => headersApp.app.request('/sign-in', form({ email: 'x'.repeat(300 * 1024) })),
    ],
    ['a failure inside the app', 500, async () => headersApp.app.request('/boom')],
  ];

  it.each(kinds)(
    '%s carries the CSP, HSTS, nosniff, no referrer and no framing',
    async (_, status, send) => {
      const res = await send();
      expect(res.status).toBe(status);
      const csp = directives(res.headers.get('content-security-policy') ?? '');
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      const hsts = res.headers.get('strict-transport-security') ?? '';
      expect(Number(hsts.match(/max-age=(\d+)/)?.[1])).toBeGreaterThanOrEqual(31536000);
      expect(hsts).toContain('includeSubDomains');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    },
  );
});
