import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { safeReturnPath } from '../../../worker/http/return-path';
import { TestBrowser, latestCode, signIn } from '../../support/browser';
import { makeTestApp, type TestApp } from '../../support/app';

// Targets a hostile link could carry in `next`, each one a way a browser (or a lax parser)
// might read as another site: scheme-relative, backslashes, dot segments that leave `//` once
// resolved, encoded dots, tabs and newlines a browser drops, schemes, and sheer length.
const HOSTILE = [
  '//evil.example/path',
  '///evil.example/path',
  '/\\evil.example/path',
  '\\\\evil.example/path',
  '/.//evil.example/path',
  '/..//evil.example/path',
  '/a/..//evil.example/path',
  '/%2e//evil.example/path',
  '/%2E%2E//evil.example/path',
  '/./\\evil.example/path',
  '/%2F%2Fevil.example/path',
  '/%5C%5Cevil.example/path',
  '\t//evil.example/path',
  ' //evil.example/path',
  '/\t/evil.example/path',
  '/\n/evil.example/path',
  '/\r\n/evil.example/path',
  '/ok\r\nSet-Cookie: x=1',
  'https://evil.example/path',
  'http:evil.example',
  'HTTPS://evil.example',
  'javascript:alert(1)',
  'data:text/html,hi',
  '/\u0000x',
  `/${'a'.repeat(5000)}`,
  `/.//evil.example/${'a'.repeat(1990)}`,
];
/** Each target with a short name for the test title (the long ones would flood the report). */
const CASES = HOSTILE.map((target) => [JSON.stringify(target).slice(0, 40), target] as const);

const ORIGIN = 'http://localhost';

/** A Location header this site may send: a path of its own, read as a browser would. */
const expectSameOriginPath = (location: string | null) => {
  expect(location).toMatch(/^\/(?![/\\])/);
  expect(new URL(location!, ORIGIN).origin).toBe(ORIGIN);
  // Sent back as it was made: nothing a browser would re-read differently on the next hop.
  expect(safeReturnPath(location)).toBe(location);
};

describe('safeReturnPath', () => {
  it.each(CASES)('gives a path of this site for %s', (_, target) => {
    expectSameOriginPath(safeReturnPath(target));
  });

  it('keeps a page of this site, query and fragment included, normalised', () => {
    expect(safeReturnPath('/support?x=1#top')).toBe('/support?x=1#top');
    expect(safeReturnPath('/events/./a/../b')).toBe('/events/b');
    expect(safeReturnPath('/%2F%2Fstill-here')).toBe('/%2F%2Fstill-here');
    expect(safeReturnPath(undefined)).toBe('/');
    expect(safeReturnPath(['/a'])).toBe('/');
  });
});

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

describe('every redirect that takes a target from the visitor stays on the site', () => {
  it.each(CASES)('the language switch (%s)', async (_, next) => {
    const res = await new TestBrowser(t).post('/language', { lang: 'fr', next });
    expect(res.status).toBe(303);
    expectSameOriginPath(res.headers.get('location'));
  });

  it.each(CASES)('the sign-in page when already signed in (%s)', async (_, next) => {
    const browser = await signIn(t, 'ana@example.org');
    const res = await browser.get(`/sign-in?next=${encodeURIComponent(next)}`);
    expect(res.status).toBe(303);
    expectSameOriginPath(res.headers.get('location'));
  });

  it.each(CASES)('the code form, after the right code (%s)', async (_, next) => {
    const browser = new TestBrowser(t);
    const asked = await browser.post('/sign-in', { email: 'ana@example.org', next });
    expect(asked.status).toBe(303);
    expectSameOriginPath(asked.headers.get('location'));
    const done = await browser.post('/sign-in/code', {
      code: await latestCode(t, 'ana@example.org'),
      next,
    });
    expect(done.status).toBe(303);
    expect(browser.cookies.has('session')).toBe(true);
    expectSameOriginPath(done.headers.get('location'));
  });
});
