import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

// Care circles inside workerd over D1: the one-use invitation holds when two acceptances race.
const origin = 'https://hearth.test';
const form = (fields: Record<string, string>, cookie = '') =>
  ({
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'Sec-Fetch-Site': 'same-origin',
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  }) satisfies RequestInit;
const request = (path: string, init: RequestInit = {}) =>
  exports.default.fetch(new Request(origin + path, { redirect: 'manual', ...init }));
const cookieFrom = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .find((line) => line.startsWith(`${name}=`))
    ?.split(';')[0];

/** Signs in through the forms (the code read from the outbox); returns the session cookie. */
const signIn = async (email: string): Promise<string> => {
  const asked = await request('/sign-in', form({ email, next: '/account' }));
  const attempt = cookieFrom(asked, 'sign_in_attempt')!;
  const mail = await env.DB.prepare(
    'select body_text from mail_outbox where to_address = ? order by rowid desc',
  )
    .bind(email)
    .first<{ body_text: string }>();
  const code = mail!.body_text.match(/\d{8}/)![0];
  const done = await request('/sign-in/code', form({ code, next: '/account' }, attempt));
  return cookieFrom(done, '__Host-session')!;
};

describe('care circles on Workers with D1', () => {
  it('two acceptances of one invitation at once make exactly one member', async () => {
    const owner = await signIn('owner@example.org');
    const started = await request(
      '/circles',
      form(
        {
          label: 'My people',
          timeZone: 'Europe/Paris',
          quietStart: '21:00',
          quietEnd: '08:00',
          placeRevealHours: '24',
        },
        owner,
      ),
    );
    expect(started.status).toBe(303);
    const circleId = started.headers.get('location')!.split('/').pop()!;
    const invited = await request(
      `/circles/${circleId}/invitations`,
      form({ email: 'friend@example.org', personalNote: '' }, owner),
    );
    expect(invited.status).toBe(303);
    const mail = await env.DB.prepare(
      "select body_text from mail_outbox where to_address = 'friend@example.org'",
    ).first<{ body_text: string }>();
    const token = mail!.body_text.match(/\/circles\/invitations\/([a-z2-7]{32})/)![1];

    // The same person on two devices, pressing "Join" on both at once.
    const [phone, laptop] = [
      await signIn('friend@example.org'),
      await signIn('friend@example.org'),
    ];
    const answers = await Promise.all([
      request(`/circles/invitations/${token}`, form({ displayName: 'Sam' }, phone)),
      request(`/circles/invitations/${token}`, form({ displayName: 'Samantha' }, laptop)),
    ]);
    expect(answers.map((res) => res.status).sort()).toEqual([303, 404]);
    // This circle's members only: the local run seeds demo circles with members of their own.
    const members = await env.DB.prepare(
      'select display_name from circle_members where circle_id = ?',
    )
      .bind(circleId)
      .all();
    expect(members.results).toHaveLength(1);
    const joined = await env.DB.prepare(
      "select count(*) as n from circle_history where kind = 'joined' and circle_id = ?",
    )
      .bind(circleId)
      .first<{ n: number }>();
    expect(joined!.n).toBe(1);
  });
});
