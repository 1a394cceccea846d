import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { cookieFrom, form, request, signInCode } from './support/http';

// The whole sign-in flow inside workerd over D1: code from the outbox table, session cookie,
// account page, sign-out.

describe('accounts on Workers with D1', () => {
  it('signs in with the emailed code, shows the account, and signs out', async () => {
    const asked = await request('/sign-in', form({ email: 'ana@example.org', next: '/account' }));
    expect(asked.status).toBe(303);
    const attempt = cookieFrom(asked, 'sign_in_attempt')!;
    const code = await signInCode('ana@example.org');

    const wrong = await request(
      '/sign-in/code',
      form({ code: code === '00000000' ? '11111111' : '00000000' }, attempt),
    );
    expect(wrong.status).toBe(400);

    const done = await request('/sign-in/code', form({ code, next: '/account' }, attempt));
    expect(done.status).toBe(303);
    const session = cookieFrom(done, '__Host-session')!;
    expect(done.headers.getSetCookie().join()).toMatch(
      /__Host-session=[^;]+;.*HttpOnly.*Secure.*SameSite=Lax/,
    );
    const stored = await env.DB.prepare('select id from sessions').all<{ id: string }>();
    expect(stored.results).toHaveLength(1);
    expect(stored.results[0]!.id).not.toBe(session.split('=')[1]);

    const account = await request('/account', { headers: { Cookie: session } });
    expect(account.status).toBe(200);
    expect(account.headers.get('cache-control')).toBe('no-store');
    expect(await account.text()).toContain('Signed in as ana@example.org');

    const out = await request('/sign-out', form({}, session));
    expect(out.headers.get('clear-site-data')).toContain('cookies');
    expect(
      (await env.DB.prepare('select count(*) as n from sessions').first<{ n: number }>())!.n,
    ).toBe(0);
    expect((await request('/account', { headers: { Cookie: session } })).status).toBe(303);
  });

  it('sends a visitor from an organizer page to sign in', async () => {
    const visitor = await request('/organize');
    expect(visitor.status).toBe(303);
    expect(visitor.headers.get('location')).toBe('/sign-in?next=%2Forganize');
  });

  it('runs the scheduled jobs against D1', async () => {
    await env.DB.prepare(
      "insert into sign_in_codes (id, email, code_hash, created_at, expires_at, failed_attempts) values ('old', 'x@example.org', 'h', 0, 1, 0)",
    ).run();
    const worker = (await import('../../worker')).default;
    await worker.scheduled(
      { scheduledTime: Date.now(), cron: '*/5 * * * *', noRetry() {} } as ScheduledController,
      env,
    );
    expect(
      await env.DB.prepare("select id from sign_in_codes where id = 'old'").first(),
    ).toBeNull();
  });
});
