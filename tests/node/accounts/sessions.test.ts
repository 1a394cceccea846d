import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessions } from '../../../db/schema';
import { createSession, SESSION_POLICY, validateSessionToken } from '../../../db/accounts/sessions';
import { findOrCreateUser, grantRole } from '../../../db/accounts/users';
import { TestBrowser, latestCode, signIn } from '../../support/browser';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('session fixation', () => {
  it('a cookie set before sign-in is never the session after', async () => {
    const browser = new TestBrowser(t);
    browser.cookies.set('session', 'attacker-chosen-token-aaaaaaaaaaaaaaaa');
    await signIn(t, 'ana@example.org', browser);
    expect(browser.cookies.get('session')).not.toBe('attacker-chosen-token-aaaaaaaaaaaaaaaa');
    expect((await browser.get('/account')).status).toBe(200);
  });

  it('signing in again ends the session the browser had', async () => {
    const browser = await signIn(t, 'ana@example.org');
    const before = browser.cookies.get('session')!;
    await signIn(t, 'ana@example.org', browser);
    expect(browser.cookies.get('session')).not.toBe(before);
    expect(await validateSessionToken(t.db, before)).toBeNull();
  });
});

describe('signing out', () => {
  it('ends this session, clears the site data and shows a plain notice', async () => {
    const browser = await signIn(t, 'ana@example.org');
    const token = browser.cookies.get('session')!;
    const res = await browser.post('/sign-out');
    expect(res.status).toBe(303);
    expect(res.headers.get('clear-site-data')).toBe('"cache", "cookies", "storage"');
    expect(await validateSessionToken(t.db, token)).toBeNull();
    expect((await browser.get('/account')).status).toBe(303);
    const page = await browser.get('/sign-in?signed-out=1');
    expect(visibleText(await page.text())).toContain('You are signed out.');
  });

  it('a copy of the cookie kept from before signing out no longer signs anyone in', async () => {
    const browser = await signIn(t, 'ana@example.org');
    const copy = browser.cookies.get('session')!;
    await browser.post('/sign-out');
    const replay = new TestBrowser(t);
    replay.cookies.set('session', copy);
    const res = await replay.get('/account');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/sign-in/);
  });

  it('everywhere ends every session of the person, and only theirs', async () => {
    const phone = await signIn(t, 'ana@example.org');
    const laptop = await signIn(t, 'ana@example.org');
    const someoneElse = await signIn(t, 'bo@example.org');
    await laptop.post('/sign-out/everywhere');
    expect((await phone.get('/account')).status).toBe(303);
    expect((await laptop.get('/account')).status).toBe(303);
    expect((await someoneElse.get('/account')).status).toBe(200);
  });

  it('is a POST: a link or image cannot sign anyone out', async () => {
    const browser = await signIn(t, 'ana@example.org');
    expect((await browser.get('/sign-out')).status).toBe(404);
    expect((await browser.get('/account')).status).toBe(200);
  });
});

describe('lifetimes', () => {
  it('members: 30 days, sliding forward when half is used', async () => {
    const user = await findOrCreateUser(t.db, 'ana@example.org');
    const start = new Date('2026-01-01T00:00:00Z');
    const { token, expiresAt } = await createSession(t.db, user, start);
    expect(expiresAt.getTime() - start.getTime()).toBe(30 * DAY);
    const day10 = await validateSessionToken(t.db, token, new Date(start.getTime() + 10 * DAY));
    expect(day10?.renewed).toBe(false);
    const day20 = new Date(start.getTime() + 20 * DAY);
    const renewed = await validateSessionToken(t.db, token, day20);
    expect(renewed?.renewed).toBe(true);
    expect(renewed?.expiresAt.getTime()).toBe(day20.getTime() + 30 * DAY);
    expect(
      await validateSessionToken(t.db, token, new Date(day20.getTime() + 31 * DAY)),
    ).toBeNull();
    expect(await t.db.select().from(sessions).all()).toEqual([]);
  });

  it('moderators and admins: ended after 30 idle minutes', async () => {
    const user = await findOrCreateUser(t.db, 'mod@example.org');
    await grantRole(t.db, user.id, 'moderator');
    const start = new Date('2026-01-01T08:00:00Z');
    const { token } = await createSession(t.db, { ...user, roles: ['moderator'] }, start);
    expect(
      await validateSessionToken(t.db, token, new Date(start.getTime() + 29 * MINUTE)),
    ).not.toBeNull();
    expect(
      await validateSessionToken(t.db, token, new Date(start.getTime() + 58 * MINUTE)),
    ).not.toBeNull();
    expect(
      await validateSessionToken(t.db, token, new Date(start.getTime() + 89 * MINUTE)),
    ).toBeNull();
  });

  it('moderators and admins: ended 12 hours after sign-in however active', async () => {
    const user = await findOrCreateUser(t.db, 'admin@example.org');
    await grantRole(t.db, user.id, 'admin');
    const start = new Date('2026-01-01T08:00:00Z');
    const { token } = await createSession(t.db, { ...user, roles: ['admin'] }, start);
    let alive = true;
    let minutes = 0;
    while (alive && minutes < 13 * 60) {
      minutes += 20;
      alive =
        (await validateSessionToken(t.db, token, new Date(start.getTime() + minutes * MINUTE))) !==
        null;
    }
    expect(minutes).toBe(12 * 60);
    expect(SESSION_POLICY.privilegedAbsoluteMs).toBe(12 * 60 * MINUTE);
  });

  it('a token that was never issued, or is absurdly long, is just "signed out"', async () => {
    const browser = new TestBrowser(t);
    browser.cookies.set('session', 'x'.repeat(5000));
    const res = await browser.get('/account');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/sign-in?next=%2Faccount');
  });
});

describe('session tokens', () => {
  it('are 160 random bits, different every time, and only their SHA-256 is stored', async () => {
    const tokens: string[] = [];
    for (const email of ['ana@example.org', 'ana@example.org', 'bo@example.org'])
      tokens.push((await signIn(t, email)).cookies.get('session')!);
    expect(new Set(tokens).size).toBe(3);
    for (const token of tokens) {
      // 32 base32 characters of 5 bits each.
      expect(token).toMatch(/^[a-z2-7]{32}$/);
      const stored = await t.db.select({ id: sessions.id }).from(sessions);
      expect(stored.map((row) => row.id)).not.toContain(token);
      expect(stored.map((row) => row.id)).toContain(
        createHash('sha256').update(token).digest('hex'),
      );
    }
  });
});

describe('the sign-in code page', () => {
  it('sends someone without a pending code back to step 1', async () => {
    const res = await new TestBrowser(t).get('/sign-in/code');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/sign-in\?/);
  });

  it('is skipped by someone already signed in', async () => {
    const browser = await signIn(t, 'ana@example.org');
    const res = await browser.get('/sign-in');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/account');
    await latestCode(t, 'ana@example.org');
  });
});
