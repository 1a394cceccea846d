import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CHECK_IN_NUDGES_PER_RUN,
  claimHeldOwnerMail,
  createDueNudges,
  deliverDueNudges,
} from '../../../db/circles/nudges';
import { CIRCLE_REMINDERS_PER_RUN } from '../../../db/circles/reminders';
import { signUpForNeed } from '../../../db/circles/signups';
import { listOutbox } from '../../../db/mail/outbox';
import { circleCheckInNudges, circles } from '../../../db/schema';
import { sendCircleReminders } from '../../../worker/circles/jobs';
import { makeTestApp, type TestApp } from '../../support/app';
import { addMember, circleWithPeople, HOUR, needDraft, postNeed } from '../../support/circle-needs';

// One cron invocation may make only so many D1 queries (worker/jobs.ts): each of the circles'
// claims takes at most its bound a run, leaves the rest for the next, and claims each once.
const site = { name: 'Hearth', origin: 'https://hearth.test' };

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(() => t.close());

describe('helpers’ reminders of many needs', () => {
  it('claims at most CIRCLE_REMINDERS_PER_RUN a run, overlapping runs included, each once', async () => {
    const people = await circleWithPeople(t.db, 'r');
    const start = new Date('2030-03-10T14:00:00Z'); // outside the quiet hours (UTC)
    const posted = new Date(start.getTime() - 72 * HOUR);
    const total = CIRCLE_REMINDERS_PER_RUN + 5;
    // A need each for as many helpers, all at the same time.
    for (let i = 0; i < total; i++) {
      const helper = await addMember(t.db, people.circleId, `r-helper${i}@example.org`);
      const draft = needDraft(0, { startsAt: start, endsAt: new Date(start.getTime() + HOUR) });
      const needId = await postNeed(t.db, people.circleId, people.owner.userId, draft, posted);
      await signUpForNeed(t.db, people.circleId, needId, helper.memberId, posted);
    }
    const at = new Date(start.getTime() - 24 * HOUR + 30 * 60_000);

    const before = t.statements!();
    expect(await sendCircleReminders(t.db, at, site)).toBe(CIRCLE_REMINDERS_PER_RUN);
    // The candidates, the claims 16 a statement, the held ones' two, the addresses, the emails.
    expect(t.statements!() - before).toBeLessThanOrEqual(15);
    const [a, b] = await Promise.all([
      sendCircleReminders(t.db, at, site),
      sendCircleReminders(t.db, at, site),
    ]);
    expect(a + b).toBe(5);
    expect(await sendCircleReminders(t.db, at, site)).toBe(0);
    const mails = (await listOutbox(t.db, 1000)).map((m) => m.toAddress);
    expect(mails).toHaveLength(total);
    expect(new Set(mails).size).toBe(total);
  });
});

describe('helpers’ reminders held through quiet hours', () => {
  it('releases at most CIRCLE_REMINDERS_PER_RUN held reminders a run when the quiet hours end', async () => {
    const people = await circleWithPeople(t.db, 'q');
    const start = new Date('2030-03-10T14:00:00Z');
    const posted = new Date(start.getTime() - 72 * HOUR);
    const total = CIRCLE_REMINDERS_PER_RUN + 5;
    for (let i = 0; i < total; i++) {
      const helper = await addMember(t.db, people.circleId, `q-helper${i}@example.org`);
      const draft = needDraft(0, { startsAt: start, endsAt: new Date(start.getTime() + HOUR) });
      const needId = await postNeed(t.db, people.circleId, people.owner.userId, draft, posted);
      await signUpForNeed(t.db, people.circleId, needId, helper.memberId, posted);
    }
    const minutes = (iso: string, n: number) => new Date(Date.parse(iso) + n * 60_000);
    // 06:00 and 06:05 UTC, in the quiet hours (21:00–08:00): every reminder claimed and held.
    expect(await sendCircleReminders(t.db, minutes('2030-03-10T06:00:00Z', 0), site)).toBe(0);
    expect(await sendCircleReminders(t.db, minutes('2030-03-10T06:00:00Z', 5), site)).toBe(0);
    // After 08:00 they are released, at most CIRCLE_REMINDERS_PER_RUN a run, each once.
    const after = '2030-03-10T08:00:00Z';
    expect(await sendCircleReminders(t.db, minutes(after, 5), site)).toBe(CIRCLE_REMINDERS_PER_RUN);
    const [a, b] = await Promise.all([
      sendCircleReminders(t.db, minutes(after, 10), site),
      sendCircleReminders(t.db, minutes(after, 10), site),
    ]);
    expect(a + b).toBe(5);
    expect(await sendCircleReminders(t.db, minutes(after, 15), site)).toBe(0);
    const mails = (await listOutbox(t.db, 1000)).map((m) => m.toAddress);
    expect(mails).toHaveLength(total);
    expect(new Set(mails).size).toBe(total);
  });
});

describe('check-in nudges of a large circle', () => {
  it('creates and delivers at most CHECK_IN_NUDGES_PER_RUN a run, each member nudged once', async () => {
    const people = await circleWithPeople(t.db, 'n');
    await t.db
      .update(circles)
      .set({ checkInPace: 'weekly', checkInByEmail: true })
      .where(eq(circles.id, people.circleId));
    for (let i = 0; i < CHECK_IN_NUDGES_PER_RUN; i++)
      await addMember(t.db, people.circleId, `n-member${i}@example.org`);
    const members = CHECK_IN_NUDGES_PER_RUN + 3; // with the coordinator, the helper and the other
    const monday = new Date('2030-01-07T10:00:00Z'); // outside the quiet hours (UTC)

    expect(await createDueNudges(t.db, monday)).toBe(CHECK_IN_NUDGES_PER_RUN);
    const [a, b] = await Promise.all([
      createDueNudges(t.db, monday),
      createDueNudges(t.db, monday),
    ]);
    expect(a + b).toBe(3);
    expect(await createDueNudges(t.db, monday)).toBe(0);

    const before = t.statements!();
    expect(await deliverDueNudges(t.db, monday)).toHaveLength(CHECK_IN_NUDGES_PER_RUN);
    // The read and one conditional update a nudge.
    expect(t.statements!() - before).toBeLessThanOrEqual(CHECK_IN_NUDGES_PER_RUN + 2);
    const [c, d] = await Promise.all([
      deliverDueNudges(t.db, monday),
      deliverDueNudges(t.db, monday),
    ]);
    expect(c.length + d.length).toBe(3);
    expect(await deliverDueNudges(t.db, monday)).toEqual([]);
    const rows = await t.db.select().from(circleCheckInNudges).all();
    expect(rows).toHaveLength(members);
    expect(rows.every((row) => row.sentAt !== null)).toBe(true);
  });
});

describe('owner emails held through quiet hours', () => {
  it('releases at most CHECK_IN_NUDGES_PER_RUN a run, each once', async () => {
    const people = await circleWithPeople(t.db, 'o');
    const now = new Date('2030-01-07T10:00:00Z');
    const at = Math.floor(now.getTime() / 1000);
    const total = CHECK_IN_NUDGES_PER_RUN + 5;
    for (let i = 0; i < total; i++) {
      const member = await addMember(t.db, people.circleId, `o-member${i}@example.org`);
      await t.db.run(sql`
        insert into circle_check_in_messages (id, circle_id, member_id, body, period_key, created_at, owner_mail_due_at)
        values (${`held${i}`}, ${people.circleId}, ${member.memberId}, 'Hello.', 'weekly:2030-01-07',
          ${at - 3600}, ${at - 600 + i})`);
    }
    expect(await claimHeldOwnerMail(t.db, now)).toHaveLength(CHECK_IN_NUDGES_PER_RUN);
    const [a, b] = await Promise.all([
      claimHeldOwnerMail(t.db, now),
      claimHeldOwnerMail(t.db, now),
    ]);
    expect(a.length + b.length).toBe(5);
    expect(await claimHeldOwnerMail(t.db, now)).toEqual([]);
  });
});
