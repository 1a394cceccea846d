import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendCheckIn } from '../../../db/circles/check-ins';
import { claimHeldOwnerMail, createDueNudges } from '../../../db/circles/nudges';
import { listOutbox } from '../../../db/mail/outbox';
import { circleCheckInNudges, circleMembers, circles } from '../../../db/schema';
import { runScheduledJobs } from '../../../worker/jobs';
import { circleWithMembers } from '../../support/circle-checkins';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

const NEUTRAL_SUBJECT = 'You have an update on Hearth';
const run = (now: Date) =>
  runScheduledJobs(t.db, {
    now,
    site: { name: 'Hearth', origin: 'http://localhost' },
    log: () => {},
  });
const nudges = () => t.db.select().from(circleCheckInNudges).all();
const circleMails = async () =>
  (await listOutbox(t.db)).filter(
    (m) => m.subject === NEUTRAL_SUBJECT && !m.bodyText.includes('invitations'),
  );
// A Monday in the future, at 10:00 UTC (outside the default quiet hours, 21:00–08:00).
const MONDAY_10 = new Date('2030-01-07T10:00:00Z');
const HOUR = 3_600_000;

describe('check-in nudges', () => {
  it('nudge each member once per period, even when runs overlap or repeat', async () => {
    await circleWithMembers(t, { members: ['a@example.org', 'b@example.org'], channel: 'email' });
    await Promise.all([run(MONDAY_10), run(MONDAY_10)]);
    await run(new Date(MONDAY_10.getTime() + 2 * 24 * HOUR));
    const rows = await nudges();
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.sentAt !== null && row.periodKey === 'weekly:2030-01-07')).toBe(
      true,
    );
    const mails = await circleMails();
    expect(mails.map((m) => m.toAddress).sort()).toEqual(['a@example.org', 'b@example.org']);
    // Neutral: a sign-in link and nothing else; never the topics to avoid.
    for (const mail of mails)
      expect(mail.bodyText).toBe(
        'You have an update on Hearth. Sign in to see it:\nhttp://localhost/sign-in?next=%2Fcircles',
      );
    // The next week brings the next nudge.
    await run(new Date(MONDAY_10.getTime() + 7 * 24 * HOUR));
    expect(await nudges()).toHaveLength(4);
    // The owner is never nudged nor told anything about silence.
    expect(mails.some((m) => m.toAddress === 'owner@example.org')).toBe(false);
    expect((await circleMails()).some((m) => m.toAddress === 'owner@example.org')).toBe(false);
  });

  it('email only when the owner chose email; on the site it shows in any case', async () => {
    await circleWithMembers(t, { channel: 'site' });
    await run(MONDAY_10);
    expect((await nudges())[0]!.sentAt).not.toBeNull();
    expect(await circleMails()).toHaveLength(0);
  });

  it('are held through the circle’s quiet hours, then delivered when they end', async () => {
    await circleWithMembers(t, { channel: 'email' });
    const lateSunday = new Date('2030-01-06T22:00:00Z');
    const mondayNight = new Date('2030-01-07T00:30:00Z');
    await run(lateSunday); // last week's nudge, made in quiet hours: held
    await run(mondayNight);
    const held = (await nudges()).find((n) => n.periodKey === 'weekly:2030-01-07')!;
    expect(held.sentAt).toBeNull();
    expect(held.heldUntil).toEqual(new Date('2030-01-07T08:00:00Z'));
    await run(new Date('2030-01-07T07:55:00Z'));
    expect((await nudges()).find((n) => n.id === held.id)!.sentAt).toBeNull();
    await run(new Date('2030-01-07T08:00:00Z'));
    expect((await nudges()).find((n) => n.id === held.id)!.sentAt).toEqual(
      new Date('2030-01-07T08:00:00Z'),
    );
    // Sunday's nudge, held into Monday, belonged to last week: dropped, never delivered late.
    expect((await nudges()).filter((n) => n.periodKey === 'weekly:2029-12-31')).toHaveLength(0);
    expect((await circleMails()).map((m) => m.toAddress)).toEqual(['member@example.org']);
  });

  it('never reach a member who stepped back or left, nor any circle whose owner chose "never"', async () => {
    const first = await circleWithMembers(t, {
      members: ['back@example.org', 'gone@example.org', 'here@example.org'],
    });
    await t.db
      .update(circleMembers)
      .set({ steppedBackUntil: new Date('2030-02-01T00:00:00Z') })
      .where(eq(circleMembers.id, first.members[0]!.memberId));
    await first.owner.post(
      `/circles/${first.circleId}/members/${first.members[1]!.memberId}/removal`,
    );
    await circleWithMembers(t, {
      owner: 'quiet-owner@example.org',
      members: ['never@example.org'],
      pace: 'never',
    });
    await run(MONDAY_10);
    expect((await nudges()).map((n) => n.memberId)).toEqual([first.members[2]!.memberId]);
    // Back from stepping back: nudged in the next period.
    await run(new Date('2030-02-04T10:00:00Z'));
    expect((await nudges()).filter((n) => n.memberId === first.members[0]!.memberId)).toHaveLength(
      1,
    );
  });

  it('skip a member who already checked in this period', async () => {
    const { circleId, members } = await circleWithMembers(t, {
      quiet: ['00:00', '00:00'],
    });
    await members[0]!.browser.post(`/circles/${circleId}/check-ins`, { body: 'Hello' });
    expect(await createDueNudges(t.db, new Date())).toBe(0);
  });

  it('show on /circles and on the circle’s home with the topics to avoid, until the member checks in', async () => {
    const { circleId, members } = await circleWithMembers(t, {
      topics: 'Work.',
      quiet: ['00:00', '00:00'],
    });
    const member = members[0]!.browser;
    expect(visibleText(await (await member.get('/circles')).text())).not.toContain(
      'A gentle reminder',
    );
    await run(new Date());
    const list = visibleText(await (await member.get('/circles')).text());
    expect(list).toContain('A gentle reminder');
    expect(list).toContain('You could check in with the circle where you are Helper 1.');
    expect(list).toContain('Topics to avoid there: Work.');
    const home = visibleText(await (await member.get(`/circles/${circleId}`)).text());
    expect(home).toContain('It may be a good time to check in');
    await member.post(`/circles/${circleId}/check-ins`, { body: 'Hello' });
    expect(visibleText(await (await member.get('/circles')).text())).not.toContain(
      'A gentle reminder',
    );
    // Nobody is nudged about a closed circle.
    await t.db.update(circles).set({ closedAt: new Date() }).where(eq(circles.id, circleId));
    expect(await createDueNudges(t.db, new Date(Date.now() + 8 * 24 * HOUR))).toBe(0);
  });

  it('hold the owner’s check-in email through quiet hours too, then send it once', async () => {
    const { circle, members } = await circleWithMembers(t, { channel: 'email' });
    const night = new Date('2030-01-07T23:00:00Z');
    const sent = await sendCheckIn(t.db, circle, members[0]!.memberId, 'Hi', night);
    expect(sent).toMatchObject({ sent: true, mailOwnerNow: false });
    expect(await claimHeldOwnerMail(t.db, new Date('2030-01-08T07:59:00Z'))).toEqual([]);
    const morning = new Date('2030-01-08T08:00:00Z');
    const [first, second] = await Promise.all([
      claimHeldOwnerMail(t.db, morning),
      claimHeldOwnerMail(t.db, morning),
    ]);
    expect([...first!, ...second!]).toEqual([{ email: 'owner@example.org', locale: 'en' }]);
    expect(await claimHeldOwnerMail(t.db, new Date('2030-01-08T09:00:00Z'))).toEqual([]);
  });
});
