import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimCircleReminders } from '../../../db/circles/reminders';
import { deliverableAt, isQuietTime } from '../../../db/circles/quiet-hours';
import { dueReminderKinds } from '../../../db/circles/rules';
import { cancelSignUp, signUpForNeed } from '../../../db/circles/signups';
import { listOutbox } from '../../../db/mail/outbox';
import { sendCircleReminders } from '../../../worker/circles/jobs';
import { runScheduledJobs } from '../../../worker/jobs';
import { makeTestApp, type TestApp } from '../../support/app';
import { circleWithPeople, HOUR, needDraft, postNeed } from '../../support/circle-needs';

const site = { name: 'Hearth', origin: 'https://hearth.test' };
const paris = { timeZone: 'Europe/Paris', quietStartMinute: 21 * 60, quietEndMinute: 8 * 60 };

describe('reminder rules', () => {
  it('quiet hours end at the end time in the circle zone, daylight saving included', () => {
    // 23:00 in Paris on the night clocks go forward: quiet until 08:00 summer time (06:00 UTC).
    expect(deliverableAt(paris, new Date('2030-03-30T22:00:00Z')).toISOString()).toBe(
      '2030-03-31T06:00:00.000Z',
    );
    // 03:00 in winter: until 08:00 the same morning (07:00 UTC).
    expect(deliverableAt(paris, new Date('2030-01-10T02:00:00Z')).toISOString()).toBe(
      '2030-01-10T07:00:00.000Z',
    );
    expect(isQuietTime(paris, new Date('2030-01-10T12:00:00Z'))).toBe(false);
    expect(isQuietTime({ ...paris, quietStartMinute: 480 }, new Date('2030-01-10T02:00:00Z'))).toBe(
      false,
    );
  });

  it('the 24-hour and 2-hour reminders are due from their time, for sign-ups made before it, one at a time', () => {
    const start = new Date('2030-01-10T12:00:00Z');
    const early = new Date('2030-01-01T00:00:00Z');
    const at = (iso: string) => new Date(iso);
    expect(dueReminderKinds(early, start, at('2030-01-09T11:59:00Z'))).toEqual([]);
    expect(dueReminderKinds(early, start, at('2030-01-09T12:00:00Z'))).toEqual(['24h']);
    expect(dueReminderKinds(early, start, at('2030-01-10T10:00:00Z'))).toEqual(['2h']);
    expect(dueReminderKinds(early, start, at('2030-01-10T12:00:00Z'))).toEqual([]);
    // Signed up 5 hours before: no 24-hour reminder, the 2-hour one only.
    const late = at('2030-01-10T07:00:00Z');
    expect(dueReminderKinds(late, start, at('2030-01-10T08:00:00Z'))).toEqual([]);
    expect(dueReminderKinds(late, start, at('2030-01-10T10:30:00Z'))).toEqual(['2h']);
  });
});

describe('helpers are reminded, each reminder once', () => {
  let t: TestApp;
  let people: Awaited<ReturnType<typeof circleWithPeople>>;
  beforeEach(async () => {
    t = await makeTestApp();
    people = await circleWithPeople(t.db, 'a', paris);
  });
  afterEach(() => t.close());

  /** A need starting at `startsAt`, with the helper signed up two days before. */
  const signedUpNeed = async (startsAt: Date) => {
    const posted = new Date(startsAt.getTime() - 72 * HOUR);
    const draft = needDraft(0, { startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR) });
    const needId = await postNeed(t.db, people.circleId, people.owner.userId, draft, posted);
    await signUpForNeed(t.db, people.circleId, needId, people.helper.memberId, posted);
    return needId;
  };
  const mailsToHelper = async () =>
    (await listOutbox(t.db)).filter((mail) => mail.toAddress === people.helper.email);

  it('24 hours and 2 hours before, with the neutral subject and nothing but a sign-in link', async () => {
    const start = new Date('2030-03-10T14:00:00Z'); // 15:00 in Paris
    await signedUpNeed(start);
    const at = (hours: number) => new Date(start.getTime() - hours * HOUR);
    expect(await sendCircleReminders(t.db, at(25), site)).toBe(0);
    await runScheduledJobs(t.db, { now: at(24), site, log: () => {} });
    const first = await mailsToHelper();
    expect(first).toHaveLength(1);
    expect(first[0]!.subject).toBe('You have an update on Hearth');
    expect(first[0]!.bodyText).toBe(
      'You have an update on Hearth. Sign in to see it:\nhttps://hearth.test/sign-in?next=%2Fcircles',
    );
    // Runs overlapping, and a run again later: nothing more until the 2-hour mark.
    await Promise.all([
      sendCircleReminders(t.db, at(24), site),
      sendCircleReminders(t.db, at(24), site),
      sendCircleReminders(t.db, at(20), site),
    ]);
    expect(await mailsToHelper()).toHaveLength(1);
    const counts = await Promise.all([
      sendCircleReminders(t.db, at(2), site),
      sendCircleReminders(t.db, at(2), site),
    ]);
    expect(counts.sort()).toEqual([0, 1]);
    await sendCircleReminders(t.db, at(1), site);
    expect(await mailsToHelper()).toHaveLength(2);
    expect(
      (await listOutbox(t.db)).filter((mail) => mail.toAddress !== people.helper.email),
    ).toHaveLength(0);
  });

  it('a reminder falling in quiet hours is held until they end, then sent once', async () => {
    const start = new Date('2030-03-10T21:30:00Z'); // 22:30 in Paris: the 24-hour mark is quiet
    await signedUpNeed(start);
    await sendCircleReminders(t.db, new Date('2030-03-09T21:35:00Z'), site);
    await sendCircleReminders(t.db, new Date('2030-03-10T06:55:00Z'), site); // 07:55 in Paris
    expect(await mailsToHelper()).toHaveLength(0);
    const counts = await Promise.all([
      sendCircleReminders(t.db, new Date('2030-03-10T07:00:00Z'), site),
      sendCircleReminders(t.db, new Date('2030-03-10T07:00:00Z'), site),
    ]);
    expect(counts.sort()).toEqual([0, 1]);
    expect(await mailsToHelper()).toHaveLength(1);
  });

  it('a cancelled sign-up gets no reminder, not even one held before', async () => {
    const start = new Date('2030-03-10T21:30:00Z');
    const needId = await signedUpNeed(start);
    await sendCircleReminders(t.db, new Date('2030-03-09T21:35:00Z'), site);
    await cancelSignUp(
      t.db,
      people.circleId,
      needId,
      people.helper.memberId,
      new Date('2030-03-09T22:00:00Z'),
    );
    expect(await claimCircleReminders(t.db, new Date('2030-03-10T07:00:00Z'))).toEqual([]);
    expect(await claimCircleReminders(t.db, new Date('2030-03-10T19:30:00Z'))).toEqual([]);
    expect(await mailsToHelper()).toHaveLength(0);
  });
});
