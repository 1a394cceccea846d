import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { visibleText } from '../support/visible-text';
import { form, newestMailTo, origin, request, signIn } from './support/http';

// Check-ins of care circles inside workerd over D1, through the real routes: the owner's charter
// sets the pace and the channel, a member checks in with the plain form, "I need space" closes
// everything at once, and the scheduled job nudges by email only where it should.

const NEUTRAL_SUBJECT = 'You have an update on Hearth';
const SITE_URL = 'https://circles.hearth.test';

const get = (path: string, cookie: string) => request(path, { headers: { Cookie: cookie } });
const textOf = async (res: Response) => visibleText(await res.text());

/**
 * A circle (UTC, no quiet hours unless given: the tests run at the real time of day) started and chartered
 * through the owner's forms; each member invited, signed in and joined through the forms.
 */
const circleWithMembers = async (
  prefix: string,
  options: { channel: 'site' | 'email'; pace?: string; members?: number; quiet?: string[] },
) => {
  const ownerEmail = `${prefix}-owner@example.org`;
  const owner = await signIn(ownerEmail);
  const started = await request(
    '/circles',
    form(
      {
        label: 'My people',
        timeZone: 'UTC',
        quietStart: options.quiet?.[0] ?? '00:00',
        quietEnd: options.quiet?.[1] ?? '00:00',
        placeRevealHours: '24',
      },
      owner,
    ),
  );
  expect(started.status).toBe(303);
  const circleId = started.headers.get('location')!.split('/').pop()!;
  const charter = await request(
    `/circles/${circleId}/charter`,
    form(
      {
        checkInChannel: options.channel,
        checkInPace: options.pace ?? 'weekly',
        topicsToAvoid: 'Please do not ask about my family.',
      },
      owner,
    ),
  );
  expect(charter.status).toBe(303);
  const members: { email: string; cookie: string }[] = [];
  for (let i = 1; i <= (options.members ?? 1); i++) {
    const email = `${prefix}-member${i}@example.org`;
    const invited = await request(
      `/circles/${circleId}/invitations`,
      form({ email, personalNote: '' }, owner),
    );
    expect(invited.status).toBe(303);
    const token = (await newestMailTo(email)).match(/\/circles\/invitations\/([a-z2-7]{32})/)![1];
    const cookie = await signIn(email);
    const joined = await request(
      `/circles/invitations/${token}`,
      form({ displayName: `Helper ${i}` }, cookie),
    );
    expect(joined.status).toBe(303);
    members.push({ email, cookie });
  }
  return { circleId, owner, ownerEmail, members };
};

const checkIns = async (circleId: string) =>
  (
    await env.DB.prepare(
      'select id, body, read_at from circle_check_in_messages where circle_id = ? order by rowid',
    )
      .bind(circleId)
      .all<{ id: string; body: string; read_at: number | null }>()
  ).results;

const nudgeCount = async (circleId: string) =>
  (await env.DB.prepare('select count(*) as n from circle_check_in_nudges where circle_id = ?')
    .bind(circleId)
    .first<{ n: number }>())!.n;

/** The circle emails (the neutral subject) written to addresses starting with `start`. */
const circleMailsTo = async (start: string) =>
  (
    await env.DB.prepare(
      'select to_address, body_text from mail_outbox where subject = ? and to_address like ? order by rowid',
    )
      .bind(NEUTRAL_SUBJECT, `${start}%`)
      .all<{ to_address: string; body_text: string }>()
  ).results.filter((mail) => !mail.body_text.includes('/circles/invitations/'));

/** The deployed entry's scheduled(), as the Cron Trigger calls it (now by default), with SITE_URL set. */
const runScheduled = async (at = new Date()) => {
  const worker = (await import('../../worker')).default;
  await worker.scheduled(
    { scheduledTime: at.getTime(), cron: '*/5 * * * *', noRetry() {} } as ScheduledController,
    { ...env, SITE_URL },
  );
};

describe('care circle check-ins on Workers with D1', () => {
  it('the owner sets pace and channel, a member checks in without JavaScript, the owner reads it', async () => {
    const { circleId, owner, ownerEmail, members } = await circleWithMembers('ci', {
      channel: 'email',
    });
    const charterPage = await textOf(await get(`/circles/${circleId}/charter`, owner));
    expect(charterPage).toContain('Once a week');
    expect(charterPage).toContain('On this site, and tell me by email');

    const member = members[0]!.cookie;
    const home = await (await get(`/circles/${circleId}`, member)).text();
    expect(home).toContain(`action="/circles/${circleId}/check-ins"`);
    expect(visibleText(home)).toContain('Please do not ask about my family.');

    const sent = await request(
      `/circles/${circleId}/check-ins`,
      form({ body: 'Thinking of you.\r\nNo need to answer.' }, member),
    );
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`/circles/${circleId}?done=checkInSent#check-in`);
    const after = await textOf(await get(`/circles/${circleId}?done=checkInSent`, member));
    expect(after).toContain('Your check-in was sent.');
    expect(after).toContain('You checked in on');
    expect((await checkIns(circleId)).map((m) => m.body)).toEqual([
      'Thinking of you.\nNo need to answer.',
    ]);

    // The owner chose email: one neutral email, a sign-in link and never the words.
    const toOwner = await circleMailsTo('ci-owner@');
    expect(toOwner).toEqual([
      {
        to_address: ownerEmail,
        body_text: `You have an update on Hearth. Sign in to see it:\n${origin}/sign-in?next=%2Fcircles`,
      },
    ]);

    expect(await textOf(await get(`/circles/${circleId}`, owner))).toContain(
      'You have 1 check-in message you have not read.',
    );
    const inbox = await get(`/circles/${circleId}/inbox`, owner);
    expect(inbox.status).toBe(200);
    const inboxText = visibleText(await inbox.text());
    expect(inboxText).toContain('From Helper 1');
    expect(inboxText).toContain('Thinking of you. No need to answer.');

    const [message] = await checkIns(circleId);
    const read = await request(`/circles/${circleId}/inbox/${message!.id}/read`, form({}, owner));
    expect(read.status).toBe(303);
    expect((await checkIns(circleId))[0]!.read_at).not.toBeNull();
    expect(await textOf(await get(`/circles/${circleId}`, owner))).toContain(
      'No new check-in messages.',
    );

    // One per period: a second message is refused in plain words and nothing more is stored.
    const again = await request(
      `/circles/${circleId}/check-ins`,
      form({ body: 'Hello again' }, member),
    );
    expect(again.status).toBe(409);
    expect(await textOf(again)).toContain('You can check in again from');
    expect(await checkIns(circleId)).toHaveLength(1);
    expect(await circleMailsTo('ci-owner@')).toHaveLength(1);
  });

  it('"I need space" closes check-ins at once: no form, a refusal in plain words, nothing written', async () => {
    const { circleId, owner, members } = await circleWithMembers('space', { channel: 'email' });
    const member = members[0]!.cookie;
    // Nudged first, so that the nudge on /circles is seen to go too.
    await runScheduled();
    expect(await textOf(await get('/circles', member))).toContain('A gentle reminder');

    const pressed = await request(`/circles/${circleId}/settings/space`, form({}, owner));
    expect(pressed.status).toBe(303);
    expect(await textOf(await get(`/circles/${circleId}`, owner))).toContain(
      'While you take space, nobody is nudged and nobody can send you a check-in.',
    );
    const home = await (await get(`/circles/${circleId}`, member)).text();
    expect(visibleText(home)).toContain('Check-ins are closed until they come back.');
    expect(home).not.toContain(`/circles/${circleId}/check-ins`);
    expect(await textOf(await get('/circles', member))).not.toContain('A gentle reminder');

    const tried = await request(
      `/circles/${circleId}/check-ins`,
      form({ body: 'Are you ok?' }, member),
    );
    expect(tried.status).toBe(409);
    expect(await textOf(tried)).toContain(
      'The person this circle is for is taking some space. Check-ins are closed until they come back.',
    );
    expect(await checkIns(circleId)).toHaveLength(0);
    expect(await circleMailsTo('space-owner@')).toHaveLength(0);

    // The job that follows writes nothing for this circle either.
    const mailsBefore = (await circleMailsTo('space-')).length;
    await runScheduled();
    expect(await circleMailsTo('space-')).toHaveLength(mailsBefore);
  });

  it('the scheduled job nudges by email once per period, skips who checked in, and a circle in space gets none', async () => {
    const open = await circleWithMembers('nudge', { channel: 'email', members: 2 });
    const quiet = await circleWithMembers('hush', { channel: 'email' });
    const siteOnly = await circleWithMembers('site', { channel: 'site' });
    expect(
      (
        await request(
          `/circles/${open.circleId}/check-ins`,
          form({ body: 'Hello' }, open.members[0]!.cookie),
        )
      ).status,
    ).toBe(303);
    expect(
      (await request(`/circles/${quiet.circleId}/settings/space`, form({}, quiet.owner))).status,
    ).toBe(303);

    await runScheduled();
    await runScheduled();

    // Only the member who has not checked in, once, with the neutral link to SITE_URL.
    expect(await circleMailsTo('nudge-member')).toEqual([
      {
        to_address: 'nudge-member2@example.org',
        body_text: `You have an update on Hearth. Sign in to see it:\n${SITE_URL}/sign-in?next=%2Fcircles`,
      },
    ]);
    expect(await nudgeCount(open.circleId)).toBe(1);
    // The owner is never nudged: their one email is the check-in's, from the request.
    expect((await circleMailsTo('nudge-owner@')).map((mail) => mail.body_text)).toEqual([
      `You have an update on Hearth. Sign in to see it:\n${origin}/sign-in?next=%2Fcircles`,
    ]);
    expect(await textOf(await get('/circles', open.members[1]!.cookie))).toContain(
      'You could check in with the circle where you are Helper 2.',
    );
    // The circle in space: no nudge, no email, nothing on the site.
    expect(await nudgeCount(quiet.circleId)).toBe(0);
    expect(await circleMailsTo('hush-')).toEqual([]);
    expect(await textOf(await get('/circles', quiet.members[0]!.cookie))).not.toContain(
      'A gentle reminder',
    );
    // Site only: nudged on the site, no email.
    expect(await nudgeCount(siteOnly.circleId)).toBe(1);
    expect(await circleMailsTo('site-')).toEqual([]);
    expect(await textOf(await get('/circles', siteOnly.members[0]!.cookie))).toContain(
      'A gentle reminder',
    );
  });

  it('someone outside the circle, a moderator, and a member at the owner’s inbox get the 404 of an unknown id', async () => {
    const { circleId, members } = await circleWithMembers('out', { channel: 'site' });
    const member = members[0]!.cookie;
    await request(`/circles/${circleId}/check-ins`, form({ body: 'Mine' }, member));
    const [message] = await checkIns(circleId);
    const stranger = await signIn('out-stranger@example.org');
    const moderator = await signIn('out-mod@example.org', 'moderator');
    const unknownId = 'a'.repeat(26);

    const routes = (id: string, cookie: string) => [
      request(`/circles/${id}/check-ins`, form({ body: 'Hi' }, cookie)),
      get(`/circles/${id}/inbox`, cookie),
      request(`/circles/${id}/inbox/${message!.id}/read`, form({}, cookie)),
    ];
    const unknown = await Promise.all(routes(unknownId, stranger));
    const expected = await Promise.all(unknown.map(textOf));
    expect(unknown.map((res) => res.status)).toEqual([404, 404, 404]);
    for (const cookie of [stranger, moderator]) {
      const answers = await Promise.all(routes(circleId, cookie));
      expect(answers.map((res) => res.status)).toEqual([404, 404, 404]);
      expect(await Promise.all(answers.map(textOf))).toEqual(expected);
    }
    // The inbox is the owner's alone.
    const [, inbox, markRead] = await Promise.all(routes(circleId, member));
    expect([inbox!.status, markRead!.status]).toEqual([404, 404]);
    expect([await textOf(inbox!), await textOf(markRead!)]).toEqual(expected.slice(1));
    // Nothing was written by any of them.
    expect(await checkIns(circleId)).toEqual([{ id: message!.id, body: 'Mine', read_at: null }]);
  });

  it('a circle of 120 members: every nudge made and held, then every one dropped, within D1’s 100 bound parameters and CHECK_IN_NUDGES_PER_RUN a run', async () => {
    const { CHECK_IN_NUDGES_PER_RUN } = await import('../../db/circles/nudges');
    const { circleId } = await circleWithMembers('big', {
      channel: 'email',
      members: 0,
      quiet: ['21:00', '08:00'],
    });
    // The members straight into D1: 120 sign-ins through the forms would take minutes.
    const statements = Array.from({ length: 120 }, (_, i) => [
      env.DB.prepare(
        "insert into users (id, email, locale, created_at) values (?, ?, 'en', 0)",
      ).bind(`big-user-${i}`, `big-m${i}@example.org`),
      env.DB.prepare(
        "insert into circle_members (id, circle_id, user_id, display_name, role, offer, joined_at) values (?, ?, ?, ?, 'member', '', 0)",
      ).bind(`bigmember${String(i).padStart(17, '0')}`, circleId, `big-user-${i}`, `Helper ${i}`),
    ]).flat();
    await env.DB.batch(statements);
    const heldCount = async () =>
      (await env.DB.prepare(
        'select count(*) as n from circle_check_in_nudges where circle_id = ? and sent_at is null and held_until is not null',
      )
        .bind(circleId)
        .first<{ n: number }>())!.n;

    // A Monday from 22:00 UTC, in the circle's quiet hours: a run makes and holds at most
    // CHECK_IN_NUDGES_PER_RUN nudges (of every circle here), the runs every 5 minutes after
    // the rest.
    const allNudges = async () =>
      (await env.DB.prepare('select count(*) as n from circle_check_in_nudges').first<{
        n: number;
      }>())!.n;
    const night = Date.parse('2030-01-07T22:00:00Z');
    const made: number[] = [];
    for (let run = 0; run < 6 && (await heldCount()) < 120; run++) {
      const before = await allNudges();
      await runScheduled(new Date(night + run * 5 * 60_000));
      made.push((await allNudges()) - before);
    }
    expect(await heldCount()).toBe(120);
    expect(made[0]).toBe(CHECK_IN_NUDGES_PER_RUN);
    expect(Math.max(...made)).toBe(CHECK_IN_NUDGES_PER_RUN);

    // They all step back before the morning: every held nudge no longer applies and is dropped.
    await env.DB.prepare('update circle_members set stepped_back_until = ? where circle_id = ?')
      .bind(Date.parse('2030-03-01T00:00:00Z') / 1000, circleId)
      .run();
    const morning = Date.parse('2030-01-08T08:00:00Z');
    const dropped: number[] = [];
    for (let run = 0; run < 6 && (await nudgeCount(circleId)) > 0; run++) {
      const before = await nudgeCount(circleId);
      await runScheduled(new Date(morning + run * 5 * 60_000));
      dropped.push(before - (await nudgeCount(circleId)));
    }
    expect(await nudgeCount(circleId)).toBe(0);
    expect(Math.max(...dropped)).toBeLessThanOrEqual(CHECK_IN_NUDGES_PER_RUN);
    expect(await circleMailsTo('big-m')).toEqual([]);
  });
});
