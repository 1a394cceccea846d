import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listOutbox, MAIL_RETRY } from '../../../db/mail/outbox';
import { organizerApplications, mailOutbox, sessions } from '../../../db/schema';
import { createSession, listUserSessions } from '../../../db/accounts/sessions';
import { applyToOrganize } from '../../../db/accounts/organizer-applications';
import { findOrCreateUser, findUserByEmail, grantRole } from '../../../db/accounts/users';
import { runScheduledJobs } from '../../../worker/jobs';
import { deliverDueMail, providerMailer } from '../../../worker/mail/mailer';
import { TestBrowser, latestCode, signIn } from '../../support/browser';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

const withRole = async (email: string, role: 'moderator' | 'admin') => {
  const user = await findOrCreateUser(t.db, email);
  await grantRole(t.db, user.id, role);
  return signIn(t, email);
};

describe('redirects after sign-in', () => {
  it.each([
    '/%09/evil.example',
    '/%0a/evil.example',
    '/%5C/evil.example',
    '//evil.example',
    '/%00',
  ])('never leave the site (%s)', async (next) => {
    const browser = await signIn(t, 'ana@example.org');
    const res = await browser.get(`/sign-in?next=${next}`);
    expect(res.status).toBe(303);
    expect(new URL(res.headers.get('location')!, 'http://localhost').origin).toBe(
      'http://localhost',
    );
  });
});

describe('over HTTPS', () => {
  it('signing out deletes the __Host- cookie itself', async () => {
    const browser = await signIn(
      t,
      'ana@example.org',
      new TestBrowser(t, 'https://hearth.example'),
    );
    expect(browser.cookies.has('__Host-session')).toBe(true);
    const res = await browser.post('/sign-out');
    const cleared = res.headers.getSetCookie().find((line) => line.startsWith('__Host-session='));
    expect(cleared).toMatch(/^__Host-session=;.*Max-Age=0/);
    expect(browser.cookies.has('__Host-session')).toBe(false);
  });
});

describe('session fixation with a real session', () => {
  it('a session planted by someone else is replaced at sign-in and gives them nothing', async () => {
    const attacker = await signIn(t, 'attacker@example.org');
    const planted = attacker.cookies.get('session')!;
    const victim = new TestBrowser(t);
    victim.cookies.set('session', planted);
    await signIn(t, 'victim@example.org', victim);
    expect(victim.cookies.get('session')).not.toBe(planted);
    const withPlanted = new TestBrowser(t);
    withPlanted.cookies.set('session', planted);
    const res = await withPlanted.get('/account');
    expect(visibleText(await res.text())).not.toContain('victim@example.org');
  });
});

describe('privileged sessions', () => {
  it('changing one\u2019s own role does not extend the 12-hour limit', async () => {
    const admin = await withRole('admin@example.org', 'admin');
    const [before] = await t.db.select().from(sessions).all();
    await t.db.update(sessions).set({ createdAt: new Date(Date.now() - 11 * 3600_000) });
    await admin.post('/account/storyteller', { enabled: 'yes' });
    const [after] = await t.db.select().from(sessions).all();
    expect(after!.id).not.toBe(before!.id);
    expect(Date.now() - after!.createdAt.getTime()).toBeGreaterThan(10.9 * 3600_000);
    expect(after!.expiresAt.getTime() - after!.createdAt.getTime()).toBeLessThanOrEqual(
      12 * 3600_000,
    );
  });

  it('my account lists only live sessions', async () => {
    const user = await findOrCreateUser(t.db, 'ana@example.org');
    await createSession(t.db, user, new Date('2020-01-01T00:00:00Z'));
    await signIn(t, 'ana@example.org');
    expect(await listUserSessions(t.db, user.id)).toHaveLength(1);
  });
});

describe('sign-in limits cannot be turned against someone', () => {
  /** A code that is certainly not the newest one emailed to the address (a stranger's guess). */
  const wrongGuess = async (email: string) =>
    String((Number(await latestCode(t, email)) + 1) % 100_000_000).padStart(8, '0');
  it('a client over its limit does not use up another person\u2019s codes', async () => {
    const abuser = new TestBrowser(t, 'http://localhost', { 'x-test-client': '203.0.113.66' });
    for (let i = 0; i < 20; i++) await abuser.post('/sign-in', { email: `filler${i}@example.org` });
    for (let i = 0; i < 10; i++)
      expect((await abuser.post('/sign-in', { email: 'victim@example.org' })).status).toBe(429);
    const victim = new TestBrowser(t, 'http://localhost', { 'x-test-client': '198.51.100.1' });
    expect((await victim.post('/sign-in', { email: 'victim@example.org' })).status).toBe(303);
  });

  it('a stranger\u2019s code requests for an address do not stop its owner from signing in', async () => {
    const abuser = new TestBrowser(t, 'http://localhost', { 'x-test-client': '203.0.113.66' });
    for (let i = 0; i < 5; i++)
      expect((await abuser.post('/sign-in', { email: 'victim@example.org' })).status).toBe(303);
    expect((await abuser.post('/sign-in', { email: 'victim@example.org' })).status).toBe(429);
    const victim = new TestBrowser(t, 'http://localhost', { 'x-test-client': '198.51.100.1' });
    await signIn(t, 'victim@example.org', victim);
    expect(visibleText(await (await victim.get('/account')).text())).toContain(
      'Signed in as victim@example.org',
    );
  });

  it('a stranger asking for a code does not kill the code its owner is about to type', async () => {
    const victim = new TestBrowser(t, 'http://localhost', { 'x-test-client': '198.51.100.1' });
    expect(
      (await victim.post('/sign-in', { email: 'victim@example.org', next: '/account' })).status,
    ).toBe(303);
    const code = await latestCode(t, 'victim@example.org');
    const abuser = new TestBrowser(t, 'http://localhost', { 'x-test-client': '203.0.113.66' });
    for (let i = 0; i < 5; i++) await abuser.post('/sign-in', { email: 'victim@example.org' });
    const done = await victim.post('/sign-in/code', { code, next: '/account' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/account');
  });

  it('a stranger\u2019s wrong codes do not lock out the owner\u2019s fresh code', async () => {
    const abuser = new TestBrowser(t, 'http://localhost', { 'x-test-client': '203.0.113.66' });
    const statuses: number[] = [];
    for (let round = 0; round < 3; round++) {
      await abuser.post('/sign-in', { email: 'victim@example.org' });
      for (let i = 0; i < 5; i++)
        statuses.push(
          (await abuser.post('/sign-in/code', { code: await wrongGuess('victim@example.org') }))
            .status,
        );
    }
    // The stranger's own guessing is stopped after 10 wrong codes…
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
    // …but the owner, from their own client, asks a fresh code and it works.
    const victim = new TestBrowser(t, 'http://localhost', { 'x-test-client': '198.51.100.1' });
    await signIn(t, 'victim@example.org', victim);
    expect((await victim.get('/account')).status).toBe(200);
  });

  it('many strangers together send an address at most 50 codes an hour', async () => {
    const statuses: number[] = [];
    for (let client = 0; client < 11; client++) {
      const browser = new TestBrowser(t, 'http://localhost', {
        'x-test-client': `203.0.113.${client}`,
      });
      for (let i = 0; i < 5; i++)
        statuses.push((await browser.post('/sign-in', { email: 'victim@example.org' })).status);
    }
    expect(statuses.filter((s) => s === 303)).toHaveLength(50);
    expect(statuses.slice(50).every((s) => s === 429)).toBe(true);
    expect(
      (await listOutbox(t.db)).filter((m) => m.toAddress === 'victim@example.org'),
    ).toHaveLength(50);
  });

  it('once strangers have tried many wrong codes for an address, its codes die at the first wrong try', async () => {
    for (let client = 0; client < 2; client++) {
      const abuser = new TestBrowser(t, 'http://localhost', {
        'x-test-client': `203.0.113.${client}`,
      });
      await abuser.post('/sign-in', { email: 'victim@example.org' });
      for (let i = 0; i < 5; i++)
        await abuser.post('/sign-in/code', { code: await wrongGuess('victim@example.org') });
    }
    const abuser = new TestBrowser(t, 'http://localhost', { 'x-test-client': '203.0.113.50' });
    await abuser.post('/sign-in', { email: 'victim@example.org' });
    const guessed = await abuser.post('/sign-in/code', {
      code: await wrongGuess('victim@example.org'),
    });
    expect(guessed.status).toBe(400);
    expect(visibleText(await guessed.text())).toContain('This code no longer works');
    // The owner's right code still works at the first try.
    const victim = new TestBrowser(t, 'http://localhost', { 'x-test-client': '198.51.100.1' });
    await signIn(t, 'victim@example.org', victim);
    expect((await victim.get('/account')).status).toBe(200);
  });

  it('an IPv6 client cannot escape its limit by changing addresses within its /64', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const browser = new TestBrowser(t, 'http://localhost', {
        'x-test-client': `2001:db8:1:2::${(i + 1).toString(16)}`,
      });
      statuses.push((await browser.post('/sign-in', { email: `p${i}@example.org` })).status);
    }
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('sign-in pages', () => {
  it('are never cached: they show the address typed', async () => {
    const browser = new TestBrowser(t);
    expect((await browser.get('/sign-in')).headers.get('cache-control')).toBe('no-store');
    await browser.post('/sign-in', { email: 'ana@example.org' });
    expect((await browser.get('/sign-in/code')).headers.get('cache-control')).toBe('no-store');
  });

  it('the code page for a known and an unknown address differ only by the address', async () => {
    await signIn(t, 'known@example.org');
    const page = async (email: string) => {
      const browser = new TestBrowser(t);
      await browser.post('/sign-in', { email });
      const html = await (await browser.get('/sign-in/code?next=%2Faccount')).text();
      return html.replaceAll(email, 'EMAIL').replace(/nonce="[^"]+"/g, '');
    };
    expect(await page('unknown@example.org')).toBe(await page('known@example.org'));
  });
});

describe('odd input never makes a 500', () => {
  it.each(['/account?done=__proto__', '/account?done=constructor', '/moderation?done=__proto__'])(
    '%s',
    async (path) => {
      const browser = await withRole('mod@example.org', 'moderator');
      expect((await browser.get(path)).status).toBe(200);
    },
  );

  it('a malformed multipart body', async () => {
    for (const path of ['/language', '/sign-in']) {
      const res = await t.app.request(path, {
        method: 'POST',
        headers: {
          'Content-Type': 'multipart/form-data; boundary=zzz',
          'Sec-Fetch-Site': 'same-origin',
        },
        body: '--zzz\r\nContent-Disposition: form-data; name="lang"\r\n\r\nfr\r\n--zz',
      });
      expect(res.status, path).toBeLessThan(500);
    }
  });
});

describe('admins and moderators', () => {
  it('the last admin cannot delete their account', async () => {
    const admin = await withRole('admin@example.org', 'admin');
    const res = await admin.post('/account/delete');
    expect(res.status).toBe(400);
    expect(visibleText(await res.text())).toContain('You are the only admin');
    expect(await findUserByEmail(t.db, 'admin@example.org')).not.toBeNull();
  });

  it('two admins removing each other at once leave one admin', async () => {
    const a = await withRole('a@example.org', 'admin');
    const b = await withRole('b@example.org', 'admin');
    await Promise.all([
      a.post('/moderation/people', { email: 'b@example.org', role: 'admin', change: 'revoke' }),
      b.post('/moderation/people', { email: 'a@example.org', role: 'admin', change: 'revoke' }),
    ]);
    const admins = [
      await findUserByEmail(t.db, 'a@example.org'),
      await findUserByEmail(t.db, 'b@example.org'),
    ].filter((u) => u!.roles.includes('admin'));
    expect(admins).toHaveLength(1);
  });

  it('a moderator cannot approve their own request', async () => {
    const moderator = await withRole('mod@example.org', 'moderator');
    await moderator.post('/account/organizer', {
      organizationName: 'My group',
      reason: 'Reasons.',
    });
    const [application] = await t.db.select().from(organizerApplications).all();
    const res = await moderator.post(
      `/moderation/organizer-applications/${application!.id}/approval`,
    );
    expect(res.headers.get('location')).toBe('/moderation?done=own-request');
    expect((await findUserByEmail(t.db, 'mod@example.org'))!.roles).toEqual(['moderator']);
    expect((await t.db.select().from(organizerApplications).all())[0]!.status).toBe('pending');
  });

  it('two requests sent at once make one pending request', async () => {
    const user = await findOrCreateUser(t.db, 'ana@example.org');
    await Promise.all(
      [1, 2, 3].map((i) =>
        applyToOrganize(t.db, user.id, { organizationName: `G${i}`, reason: 'R' }),
      ),
    );
    expect(await t.db.select().from(organizerApplications).all()).toHaveLength(1);
  });
});

describe('mail that outlives its use', () => {
  it('a sign-in email never sent in time is dropped, not kept', async () => {
    const failing = async () => {
      throw new Error('provider down');
    };
    await providerMailer(t.db, failing, () => {}).send({
      to: 'ana@example.org',
      subject: 'Code',
      text: '12345678',
      discardAfter: new Date(Date.now() + 600_000),
    });
    expect(await t.db.select().from(mailOutbox).all()).toHaveLength(1);
    await runScheduledJobs(t.db, {
      now: new Date(Date.now() + 700_000),
      mailTransport: failing,
      log: () => {},
    });
    expect(await t.db.select().from(mailOutbox).all()).toEqual([]);
  });

  it('overlapping delivery runs send each message once', async () => {
    const sent: string[] = [];
    const slow = async (message: { to: string }) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      sent.push(message.to);
    };
    const failing = async () => {
      throw new Error('down');
    };
    for (let i = 0; i < 5; i++)
      await providerMailer(t.db, failing, () => {}).send({
        to: `p${i}@example.org`,
        subject: 'S',
        text: 'T',
      });
    const later = new Date(Date.now() + MAIL_RETRY.baseDelayMs * 4);
    await Promise.all([
      deliverDueMail(t.db, slow, () => {}, later),
      deliverDueMail(t.db, slow, () => {}, later),
    ]);
    expect(sent.sort()).toEqual([
      'p0@example.org',
      'p1@example.org',
      'p2@example.org',
      'p3@example.org',
      'p4@example.org',
    ]);
  });

  it('the sign-in code reaches the outbox when asked for', async () => {
    await new TestBrowser(t).post('/sign-in', { email: 'ana@example.org' });
    expect(await latestCode(t, 'ana@example.org')).toMatch(/^\d{8}$/);
    expect((await listOutbox(t.db))[0]!.discardAfter).not.toBeNull();
  });
});
