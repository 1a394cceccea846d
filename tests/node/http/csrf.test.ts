import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const post = (headers: Record<string, string>, contentType = 'application/x-www-form-urlencoded') =>
  t.app.request('http://localhost/language', {
    method: 'POST',
    headers: { 'Content-Type': contentType, ...headers },
    body: new URLSearchParams({ lang: 'fr', next: '/' }),
  });

describe('cross-site request forgery', () => {
  it.each([
    ['a cross-origin form', { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }],
    ['a form from a sibling site', { 'Sec-Fetch-Site': 'same-site' }],
    ['a form with no Origin and no Sec-Fetch-Site', {}],
    ['a form with Origin null', { Origin: 'null' }],
  ])('refuses %s, with a plain page and no change', async (_, headers) => {
    for (const type of [
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'text/plain',
    ]) {
      const res = await post(headers, type);
      expect(res.status).toBe(403);
      expect(res.headers.get('set-cookie')).toBeNull();
      const html = await res.text();
      expect(visibleText(html)).toContain('This request was blocked');
      expect(html).toContain('id="quick-exit"');
    }
  });

  it('accepts a form from this site (by Sec-Fetch-Site or by Origin)', async () => {
    expect((await post({ 'Sec-Fetch-Site': 'same-origin' })).status).toBe(303);
    expect((await post({ Origin: 'http://localhost' })).status).toBe(303);
  });
});

describe('request size', () => {
  it('refuses a body over the limit with a plain page and no change', async () => {
    const res = await t.app.request('http://localhost/language', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Sec-Fetch-Site': 'same-origin',
      },
      body: `lang=fr&next=/&pad=${'x'.repeat(300 * 1024)}`,
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(visibleText(await res.text())).toContain('That was too much text');
  });

  it('refuses a body that declares too large a Content-Length, from the header alone', async () => {
    const body = `lang=fr&next=/&pad=${'x'.repeat(300 * 1024)}`;
    const res = await t.app.request('http://localhost/language', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Sec-Fetch-Site': 'same-origin',
        'Content-Length': String(body.length),
      },
      body,
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});
