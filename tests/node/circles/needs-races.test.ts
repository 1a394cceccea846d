import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endMembership } from '../../../db/circles/members';
import { signUpForNeed } from '../../../db/circles/signups';
import { listOutbox } from '../../../db/mail/outbox';
import {
  circleHistory,
  circleNeeds,
  circleReminderDeliveries,
  circles,
  circleSignUps,
} from '../../../db/schema';
import { sendCircleReminders } from '../../../worker/circles/jobs';
import { makeTestApp, type TestApp } from '../../support/app';
import { signIn } from '../../support/browser';
import { circleWithPeople, HOUR, needDraft, postNeed } from '../../support/circle-needs';

const site = { name: 'Hearth', origin: 'https://hearth.test' };
let t: TestApp;
let people: Awaited<ReturnType<typeof circleWithPeople>>;
beforeEach(async () => {
  t = await makeTestApp();
  people = await circleWithPeople(t.db, 'r');
});
afterEach(() => t.close());

const liveSignUpsOf = async (memberId: string) =>
  (
    await t.db.select().from(circleSignUps).where(eq(circleSignUps.memberId, memberId)).all()
  ).filter((row) => row.cancelledAt === null);

describe('removing a member releases every slot they hold, at once', () => {
  it('a sign-up racing the removal does not stay live', async () => {
    const needs = [
      await postNeed(t.db, people.circleId, people.owner.userId, needDraft(10)),
      await postNeed(t.db, people.circleId, people.owner.userId, needDraft(20)),
    ];
    await signUpForNeed(t.db, people.circleId, needs[0]!, people.helper.memberId);
    // The second sign-up lands just before the removal writes (after anything it read first).
    let raced = false;
    const racing = new Proxy(t.db, {
      get: (target, name, receiver) =>
        name === 'batch'
          ? async (items: Parameters<typeof target.batch>[0]) => {
              if (!raced) {
                raced = true;
                await signUpForNeed(t.db, people.circleId, needs[1]!, people.helper.memberId);
              }
              return target.batch(items);
            }
          : Reflect.get(target, name, receiver),
    });
    await endMembership(racing, people.circleId, people.helper.memberId, 'removed');
    expect(raced).toBe(true);
    expect(await liveSignUpsOf(people.helper.memberId)).toEqual([]);
    // And once ended, the insert itself refuses them.
    expect(await signUpForNeed(t.db, people.circleId, needs[1]!, people.helper.memberId)).not.toBe(
      'signedUp',
    );
    expect(await liveSignUpsOf(people.helper.memberId)).toEqual([]);
  });

  it('two removals at once write the history once', async () => {
    const needId = await postNeed(t.db, people.circleId, people.owner.userId, needDraft(10));
    await signUpForNeed(t.db, people.circleId, needId, people.helper.memberId);
    const done = await Promise.all([
      endMembership(t.db, people.circleId, people.helper.memberId, 'removed'),
      endMembership(t.db, people.circleId, people.helper.memberId, 'removed'),
    ]);
    expect(done.filter(Boolean)).toHaveLength(1);
    const lines = (await t.db.select().from(circleHistory).all())
      .filter((line) => line.memberId === people.helper.memberId)
      .map((line) => line.kind)
      .sort();
    expect(lines).toEqual(['released', 'removed', 'signed_up']);
  });
});

describe('while the owner takes space with practical help paused', () => {
  it('the sign-up itself is refused, not only the page', async () => {
    const needId = await postNeed(t.db, people.circleId, people.owner.userId, needDraft(10));
    await t.db
      .update(circles)
      .set({ spaceSince: new Date(), spaceUntil: null, spacePracticalHelpGoesOn: false })
      .where(eq(circles.id, people.circleId))
      .run();
    expect(await signUpForNeed(t.db, people.circleId, needId, people.helper.memberId)).toBe(
      'paused',
    );
    expect(await liveSignUpsOf(people.helper.memberId)).toEqual([]);
  });
});

describe('a reminder held through quiet hours', () => {
  it('is dropped when the need has started by the time the quiet hours end', async () => {
    // Quiet 21:00–08:00 UTC; the need starts at 07:00, so its 2-hour reminder (05:00) is held.
    const startsAt = new Date('2030-01-10T07:00:00Z');
    const posted = new Date(startsAt.getTime() - 72 * HOUR);
    const draft = needDraft(0, { startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR) });
    const needId = await postNeed(t.db, people.circleId, people.owner.userId, draft, posted);
    await signUpForNeed(t.db, people.circleId, needId, people.helper.memberId, posted);
    const mails = async () =>
      (await listOutbox(t.db)).filter((mail) => mail.toAddress === people.helper.email).length;
    await sendCircleReminders(t.db, new Date('2030-01-09T07:00:00Z'), site); // 24h: held to 08:00
    await sendCircleReminders(t.db, new Date('2030-01-09T08:00:00Z'), site);
    expect(await mails()).toBe(1);
    await sendCircleReminders(t.db, new Date('2030-01-10T05:00:00Z'), site);
    expect(await mails()).toBe(1);
    await sendCircleReminders(t.db, new Date('2030-01-10T08:00:00Z'), site);
    expect(await mails()).toBe(1);
    const held = (await t.db.select().from(circleReminderDeliveries).all()).filter(
      (row) => row.sentAt === null,
    );
    expect(held).toEqual([]);
  });
});

describe('the edit form of a need keeps its place hidden outside the window', () => {
  const place = '12 Hidden Lane';
  const fields = (needId: string) => ({
    kind: 'ride',
    title: 'Ride to the clinic',
    timing: 'at',
    date: '',
    startTime: '',
    endTime: '',
    helpersWanted: '1',
    place: '',
    needId,
  });

  it('a coordinator sees no place far ahead, and saving with it blank keeps it', async () => {
    const startsAt = new Date(Date.now() + 10 * 24 * HOUR);
    startsAt.setUTCHours(10, 0, 0, 0);
    const needId = await postNeed(
      t.db,
      people.circleId,
      people.owner.userId,
      needDraft(0, { startsAt, endsAt: new Date(startsAt.getTime() + HOUR), place }),
    );
    const coordinator = await signIn(t, people.coordinator.email);
    const path = `/circles/${people.circleId}/needs/${needId}`;
    const form = await coordinator.get(`${path}/edit`);
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).not.toContain(place);
    expect(html).toContain('leave empty to keep it');
    const saved = await coordinator.post(path, {
      ...fields(needId),
      date: startsAt.toISOString().slice(0, 10),
      startTime: '10:00',
      endTime: '11:00',
      title: 'Ride to the dentist',
    });
    expect(saved.status).toBe(303);
    const row = (await t.db.select().from(circleNeeds).where(eq(circleNeeds.id, needId)).get())!;
    expect(row.title).toBe('Ride to the dentist');
    expect(row.place).toBe(place);
  });

  it('inside the window the place is filled in as usual', async () => {
    const needId = await postNeed(
      t.db,
      people.circleId,
      people.owner.userId,
      needDraft(5, { place }),
    );
    const coordinator = await signIn(t, people.coordinator.email);
    const html = await (
      await coordinator.get(`/circles/${people.circleId}/needs/${needId}/edit`)
    ).text();
    expect(html).toContain(place);
  });
});
