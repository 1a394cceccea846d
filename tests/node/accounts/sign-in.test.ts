import { eq } from 'drizzle-orm';
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { listOutbox } from '../../../db/mail/outbox';
import { sessions, signInCodes, users } from '../../../db/schema';
import { TestBrowser, latestCode, signIn } from '../../support/browser';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

const askCode = (browser: TestBrowser, email: string) =>
  browser.post('/sign-in', { email, next: '/account' });
const sendCode = (browser: TestBrowser, code: string) =>
  browser.post('/sign-in/code', { code, next: '/account' });
/** A code that is certainly not the one emailed. */
const wrongCode = (code: string) => String((Number(code) + 1) % 100_000_000).padStart(8, '0');

describe('signing in with an email code', () => {
  it('emails an 8-digit code under a neutral subject, then signs in and shows the account', async () => {
    const browser = new TestBrowser(t);
    const asked = await askCode(browser, '  Ana@Example.ORG ');
    expect(asked.status).toBe(303);
    expect(asked.headers.get('location')).toBe('/sign-in/code?next=%2Faccount');
    const [mail] = await listOutbox(t.db);
    expect(mail).toMatchObject({ toAddress: 'ana@example.org', subject: 'Your sign-in code' });
    expect(mail!.subject + mail!.bodyText).not.toMatch(/traffick|survivor|abuse|Hearth/i);

    const codePage = await browser.get('/sign-in/code?next=%2Faccount');
    expect(visibleText(await codePage.text())).toContain('ana@example.org');

    const done = await sendCode(browser, await latestCode(t, 'ana@example.org'));
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/account');
    const account = await browser.get('/account');
    expect(account.status).toBe(200);
    expect(account.headers.get('cache-control')).toBe('no-store');
    expect(visibleText(await account.text())).toContain('Signed in as ana@example.org');
  });

  it('stores only a hash of the code', async () => {
    await askCode(new TestBrowser(t), 'ana@example.org');
    const code = await latestCode(t, 'ana@example.org');
    const stored = JSON.stringify(await t.db.select().from(signInCodes).all());
    expect(stored).not.toContain(code);
  });

  it('sets a session cookie that is HttpOnly, Secure and SameSite=Lax, with __Host- over HTTPS', async () => {
    const browser = new TestBrowser(t);
    await askCode(browser, 'ana@example.org');
    const res = await sendCode(browser, await latestCode(t, 'ana@example.org'));
    const cookie = res.headers.getSetCookie().find((line) => line.startsWith('session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    // The token: at least 20 random bytes; stored only as its SHA-256.
    const token = cookie.split(';')[0]!.slice('session='.length);
    expect(token.length).toBeGreaterThanOrEqual(32);
    const rows = await t.db.select().from(sessions).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.id).not.toBe(token);

    const secure = new TestBrowser(t, 'https://hearth.example');
    await askCode(secure, 'bo@example.org');
    const secureRes = await sendCode(secure, await latestCode(t, 'bo@example.org'));
    expect(
      secureRes.headers.getSetCookie().some((line) => line.startsWith('__Host-session=')),
    ).toBe(true);
  });

  it('allows 5 wrong codes, then the code is dead, even the right one', async () => {
    const browser = new TestBrowser(t);
    await askCode(browser, 'ana@example.org');
    const code = await latestCode(t, 'ana@example.org');
    const answers: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await sendCode(browser, wrongCode(code));
      expect(res.status).toBe(400);
      answers.push(visibleText(await res.text()));
    }
    expect(answers[0]).toContain('You can try 4 more times');
    expect(answers[3]).toContain('You can try 1 more time');
    expect(answers[4]).toContain('This code no longer works');
    expect(answers[5]).toContain('This code no longer works');
    const late = await sendCode(browser, code);
    expect(late.status).toBe(400);
    expect(await t.db.select().from(sessions).all()).toEqual([]);
  });

  it('a code works once', async () => {
    const browser = new TestBrowser(t);
    await askCode(browser, 'ana@example.org');
    const code = await latestCode(t, 'ana@example.org');
    const attempt = browser.cookies.get('sign_in_attempt')!;
    expect((await sendCode(browser, code)).status).toBe(303);
    const replay = new TestBrowser(t);
    replay.cookies.set('sign_in_attempt', attempt);
    const again = await sendCode(replay, code);
    expect(again.status).toBe(400);
    expect(await t.db.select().from(sessions).all()).toHaveLength(1);
  });

  it('a code used twice at the same moment signs in once', async () => {
    const browser = new TestBrowser(t);
    await askCode(browser, 'ana@example.org');
    const code = await latestCode(t, 'ana@example.org');
    const results = await Promise.all([1, 2, 3].map(() => sendCode(browser, code)));
    expect(results.filter((r) => r.status === 303)).toHaveLength(1);
    expect(await t.db.select().from(sessions).all()).toHaveLength(1);
  });

  it('an expired code does not work', async () => {
    const browser = new TestBrowser(t);
    await askCode(browser, 'ana@example.org');
    await t.db.update(signInCodes).set({ expiresAt: new Date(Date.now() - 1000) });
    const res = await sendCode(browser, await latestCode(t, 'ana@example.org'));
    expect(res.status).toBe(400);
    expect(visibleText(await res.text())).toContain('This code no longer works');
  });

  it('a code sent to another address does not work', async () => {
    const ana = new TestBrowser(t);
    const bo = new TestBrowser(t);
    await askCode(ana, 'ana@example.org');
    await askCode(bo, 'bo@example.org');
    const res = await sendCode(ana, await latestCode(t, 'bo@example.org'));
    expect(res.status).toBe(400);
    expect(visibleText(await res.text())).toContain('That code is not right');
  });

  it('a new code replaces the previous one', async () => {
    const browser = new TestBrowser(t);
    await askCode(browser, 'ana@example.org');
    const first = await latestCode(t, 'ana@example.org');
    const firstAttempt = browser.cookies.get('sign_in_attempt')!;
    await askCode(browser, 'ana@example.org');
    const old = new TestBrowser(t);
    old.cookies.set('sign_in_attempt', firstAttempt);
    expect((await sendCode(old, first)).status).toBe(400);
  });

  it('rejects a malformed code without counting it, and an email that is not one', async () => {
    const browser = new TestBrowser(t);
    const bad = await askCode(browser, 'not an email <script>');
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(visibleText(html)).toContain('Enter an email address like name@example.org');
    expect(html).not.toContain('<script>');
    await askCode(browser, 'ana@example.org');
    const res = await sendCode(browser, 'abc');
    expect(visibleText(await res.text())).toContain('Enter the 8 digits from the email');
    const [row] = await t.db.select().from(signInCodes).all();
    expect(row!.failedAttempts).toBe(0);
  });

  it('accepts a code typed with spaces', async () => {
    const browser = new TestBrowser(t);
    await askCode(browser, 'ana@example.org');
    const code = await latestCode(t, 'ana@example.org');
    expect((await sendCode(browser, `${code.slice(0, 4)} ${code.slice(4)}`)).status).toBe(303);
  });

  it('returns only to a page of this site after signing in', async () => {
    const browser = new TestBrowser(t);
    await browser.post('/sign-in', { email: 'ana@example.org', next: '//evil.example/' });
    const res = await browser.post('/sign-in/code', {
      code: await latestCode(t, 'ana@example.org'),
      next: '//evil.example/',
    });
    expect(res.headers.get('location')).toBe('/');
  });
});

describe('no enumeration', () => {
  it('answers the same for an address with an account and one without', async () => {
    await signIn(t, 'known@example.org');
    const known = await askCode(new TestBrowser(t), 'known@example.org');
    const unknown = await askCode(new TestBrowser(t), 'unknown@example.org');
    expect(unknown.status).toBe(known.status);
    expect(unknown.headers.get('location')).toBe(known.headers.get('location'));
    expect(await unknown.text()).toBe(await known.text());
    const cookieNames = (res: Response) => res.headers.getSetCookie().map((c) => c.split('=')[0]);
    expect(cookieNames(unknown)).toEqual(cookieNames(known));
    // Both get a code; the unknown address has no account until the code is used.
    expect((await listOutbox(t.db)).filter((m) => m.subject === 'Your sign-in code')).toHaveLength(
      3,
    );
    expect(
      await t.db.select().from(users).where(eq(users.email, 'unknown@example.org')).all(),
    ).toEqual([]);
  });
});

describe('limits', () => {
  it('sends at most 5 codes an hour to one address from one client, and says so plainly', async () => {
    const client = { 'x-test-client': '10.0.0.1' };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await askCode(new TestBrowser(t, 'http://localhost', client), 'ana@example.org')).status,
      );
    expect(statuses).toEqual([303, 303, 303, 303, 303, 429]);
    const limited = await askCode(
      new TestBrowser(t, 'http://localhost', client),
      'ana@example.org',
    );
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(visibleText(await limited.text())).toMatch(
      /Too many codes were asked for\. .* wait \d+ minutes/,
    );
    expect((await listOutbox(t.db)).length).toBe(5);
  });

  it('sends at most 20 codes an hour to one client, whatever the addresses', async () => {
    const browser = new TestBrowser(t, 'http://localhost', { 'x-test-client': '203.0.113.5' });
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push((await askCode(browser, `person${i}@example.org`)).status);
    expect(statuses.slice(0, 20).every((s) => s === 303)).toBe(true);
    expect(statuses[20]).toBe(429);
    const other = await askCode(
      new TestBrowser(t, 'http://localhost', { 'x-test-client': '203.0.113.6' }),
      'someone@example.org',
    );
    expect(other.status).toBe(303);
  });

  it('stops wrong codes for an address from one client after 10 in an hour, across new codes', async () => {
    let wrong = 0;
    let limited: Response | undefined;
    for (let round = 0; round < 3 && !limited; round++) {
      const browser = new TestBrowser(t, 'http://localhost', { 'x-test-client': '10.1.0.1' });
      await askCode(browser, 'ana@example.org');
      const code = await latestCode(t, 'ana@example.org');
      for (let i = 0; i < 5; i++) {
        const res = await sendCode(browser, wrongCode(code));
        if (res.status === 429) {
          limited = res;
          break;
        }
        wrong++;
      }
    }
    expect(wrong).toBe(10);
    expect(visibleText(await limited!.text())).toContain(
      'Too many wrong codes were tried for this address',
    );
  });
});
