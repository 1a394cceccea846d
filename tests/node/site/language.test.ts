import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sameSiteFormHeaders } from '../../support/pages';
import { makeTestApp, type TestApp } from '../../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const langOf = async (init?: RequestInit, path = '/') => {
  const html = await (await t.app.request(path, init)).text();
  return html.match(/<html lang="(\w+)"/)?.[1];
};

describe('choosing the language', () => {
  it('is English by default', async () => {
    expect(await langOf()).toBe('en');
  });

  it('follows Accept-Language, regional variants included', async () => {
    expect(await langOf({ headers: { 'Accept-Language': 'fr-CA,fr;q=0.9,en;q=0.5' } })).toBe('fr');
    expect(await langOf({ headers: { 'Accept-Language': 'de-DE,de;q=0.9' } })).toBe('en');
  });

  it('prefers the remembered choice over Accept-Language', async () => {
    expect(await langOf({ headers: { 'Accept-Language': 'fr', Cookie: 'lang=en' } })).toBe('en');
    expect(await langOf({ headers: { 'Accept-Language': 'en', Cookie: 'lang=fr' } })).toBe('fr');
  });

  it('the switcher remembers the choice in a cookie and returns to the same page', async () => {
    const res = await t.app.request('/language', {
      method: 'POST',
      headers: sameSiteFormHeaders,
      body: new URLSearchParams({ lang: 'fr', next: '/support?x=1' }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/support?x=1');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^lang=fr;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it.each([
    '//evil.example/',
    '/\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '/ok\r\nSet-Cookie: x=1',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\u0000x',
    ' /x',
  ])('never returns to another site (%s)', async (next) => {
    const res = await t.app.request('/language', {
      method: 'POST',
      headers: sameSiteFormHeaders,
      body: new URLSearchParams({ lang: 'fr', next }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
  });

  it('ignores a language it does not speak', async () => {
    const res = await t.app.request('/language', {
      method: 'POST',
      headers: sameSiteFormHeaders,
      body: new URLSearchParams({ lang: '<script>', next: '/' }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('offers the switch to the other language, marked with that language', async () => {
    const html = await (await t.app.request('/', { headers: { Cookie: 'lang=fr' } })).text();
    expect(html).toContain('<input type="hidden" name="lang" value="en"/>');
    expect(html).toContain('<button type="submit" lang="en">Read in English</button>');
  });

  it('never changes state on GET', async () => {
    const res = await t.app.request('/language?lang=fr');
    expect(res.status).toBe(404);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});
