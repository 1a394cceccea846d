import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endMembership } from '../../../db/circles/members';
import { eraseEndedNeedPlaces } from '../../../db/circles/needs';
import { cancelSignUp, signUpForNeed } from '../../../db/circles/signups';
import { circleHistory, circleNeeds, circleSignUps } from '../../../db/schema';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';
import { signIn, type TestBrowser } from '../../support/browser';
import {
  circleWithPeople,
  HOUR,
  needDraft,
  postNeed,
  tellOwnerOfGaps,
  writeCharter,
} from '../../support/circle-needs';

let t: TestApp;
let people: Awaited<ReturnType<typeof circleWithPeople>>;
const browsers: Record<string, TestBrowser> = {};
const as = async (who: 'owner' | 'coordinator' | 'helper' | 'other') =>
  (browsers[who] ??= await signIn(t, people[who].email));

beforeEach(async () => {
  t = await makeTestApp();
  people = await circleWithPeople(t.db);
  for (const key of Object.keys(browsers)) delete browsers[key];
});
afterEach(() => t.close());

const day = (date: Date) => date.toISOString().slice(0, 10);
const needForm = (over: Record<string, string> = {}) => {
  const start = new Date(Date.now() + 3 * 24 * HOUR);
  return {
    kind: 'ride',
    title: 'Ride to court',
    timing: 'at',
    date: day(start),
    startTime: '10:00',
    endTime: '12:00',
    untilDate: '',
    helpersWanted: '1',
    place: '4 Court Street',
    resource: '',
    note: 'Wait outside please.',
    repeat: '1',
    ...over,
  };
};

describe('posting needs', () => {
  it('the owner posts a weekly need: each week is its own need, listed on the home, cancellable alone', async () => {
    const owner = await as('owner');
    const posted = await owner.post(`/circles/${people.circleId}/needs`, needForm({ repeat: '3' }));
    expect(posted.status).toBe(303);
    const rows = await t.db.select().from(circleNeeds).all();
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((row) => row.seriesId)).size).toBe(1);
    const times = rows.map((row) => row.startsAt.getTime()).sort();
    expect(times[1]! - times[0]!).toBe(7 * 24 * HOUR);

    const home = visibleText(
      await (await (await as('other')).get(`/circles/${people.circleId}`)).text(),
    );
    expect(home.match(/Ride to court/g)).toHaveLength(3);
    expect(home).not.toContain('4 Court Street');

    const cancelled = await owner.post(
      `/circles/${people.circleId}/needs/${rows[1]!.id}/cancellation`,
    );
    expect(cancelled.status).toBe(303);
    expect(await t.db.select().from(circleNeeds).all()).toHaveLength(2);
  });

  it('a coordinator posts and edits; a member can do neither (404, nothing written)', async () => {
    const coordinator = await as('coordinator');
    expect((await coordinator.post(`/circles/${people.circleId}/needs`, needForm())).status).toBe(
      303,
    );
    const [need] = await t.db.select().from(circleNeeds).all();
    const member = await as('other');
    expect((await member.get(`/circles/${people.circleId}/needs/new`)).status).toBe(404);
    expect((await member.post(`/circles/${people.circleId}/needs`, needForm())).status).toBe(404);
    expect(
      (
        await member.post(
          `/circles/${people.circleId}/needs/${need!.id}`,
          needForm({ title: 'Changed' }),
        )
      ).status,
    ).toBe(404);
    const edited = await coordinator.post(
      `/circles/${people.circleId}/needs/${need!.id}`,
      needForm({ title: 'Ride home' }),
    );
    expect(edited.status).toBe(303);
    const rows = await t.db.select().from(circleNeeds).all();
    expect(rows.map((row) => row.title)).toEqual(['Ride home']);
  });

  it('money or supplies take no links, and bad input keeps what was typed with a plain message', async () => {
    const owner = await as('owner');
    const res = await owner.post(
      `/circles/${people.circleId}/needs`,
      needForm({ kind: 'supplies', title: 'Groceries', note: 'Send to paypal.me/someone' }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('please write without links');
    expect(html).toContain('Send to paypal.me/someone');
    const past = await owner.post(
      `/circles/${people.circleId}/needs`,
      needForm({ date: '2020-01-01' }),
    );
    expect(past.status).toBe(400);
    expect(await past.text()).toContain('Choose a time in the future.');
    expect(await t.db.select().from(circleNeeds).all()).toHaveLength(0);
  });

  it('"any time during" some days is a window from the first day to the end of the last', async () => {
    const owner = await as('owner');
    const start = day(new Date(Date.now() + 2 * 24 * HOUR));
    const end = day(new Date(Date.now() + 4 * 24 * HOUR));
    const res = await owner.post(
      `/circles/${people.circleId}/needs`,
      needForm({
        kind: 'meal',
        timing: 'during',
        date: start,
        untilDate: end,
        startTime: '',
        endTime: '',
      }),
    );
    expect(res.status).toBe(303);
    const [need] = await t.db.select().from(circleNeeds).all();
    expect(need!.anyTime).toBe(true);
    expect(need!.startsAt.toISOString()).toBe(`${start}T00:00:00.000Z`);
    expect(need!.endsAt.getTime() - need!.startsAt.getTime()).toBe(3 * 24 * HOUR);
  });
});

describe('signing up', () => {
  it('a member reads the charter first, comes back to the need, signs up; the slot is then taken', async () => {
    await writeCharter(t.db, people.circleId);
    const needId = await postNeed(t.db, people.circleId, people.owner.userId, needDraft(72));
    const helper = await as('helper');
    const needUrl = `/circles/${people.circleId}/needs/${needId}`;
    const first = await helper.post(`${needUrl}/sign-up`);
    expect(first.status).toBe(303);
    const charterUrl = first.headers.get('location')!;
    expect(charterUrl).toContain('/charter?');
    expect(await t.db.select().from(circleSignUps).all()).toHaveLength(0);
    expect(visibleText(await (await helper.get(charterUrl)).text())).toContain(
      'Before you sign up, please read the support charter.',
    );
    const read = await helper.post(`/circles/${people.circleId}/charter/read`, {
      version: '1',
      next: needUrl,
    });
    expect(read.headers.get('location')).toBe(needUrl);
    const signed = await helper.post(`${needUrl}/sign-up`);
    expect(signed.headers.get('location')).toContain('done=signedUp');
    const page = visibleText(await (await helper.get(needUrl)).text());
    expect(page).toContain('You are helping with this.');

    // The last slot is taken: another member is told so, and nothing is written.
    await writeCharter(t.db, people.circleId);
    const other = await as('other');
    await other.post(`/circles/${people.circleId}/charter/read`, { version: '2' });
    const full = await other.post(`${needUrl}/sign-up`);
    expect(full.headers.get('location')).toContain('done=full');
    expect(await t.db.select().from(circleSignUps).all()).toHaveLength(1);
  });

  it('an htmx sign-up and cancellation answer the same panel alone', async () => {
    const needId = await postNeed(t.db, people.circleId, people.owner.userId, needDraft(72));
    const helper = await as('helper');
    const url = `/circles/${people.circleId}/needs/${needId}/sign-up`;
    const signed = await helper.post(url, {}, { 'HX-Request': 'true' });
    expect(signed.status).toBe(200);
    const html = await signed.text();
    expect(html.startsWith('<section id="sign-up-panel"')).toBe(true);
    expect(html).toContain('Thank you. You signed up.');
    expect(html).toContain(`${url}/cancellation`);
    const cancelled = await helper.post(`${url}/cancellation`, {}, { 'HX-Request': 'true' });
    expect(await cancelled.text()).toContain('The slot is open again.');
    const live = await t.db.select().from(circleSignUps).all();
    expect(live.map((row) => row.cancelledAt !== null)).toEqual([true]);
  });

  it('a cancellation pressed twice in the same second is one line of the owner’s history', async () => {
    const needId = await postNeed(t.db, people.circleId, people.owner.userId, needDraft(72));
    await signUpForNeed(t.db, people.circleId, needId, people.helper.memberId);
    const now = new Date();
    const cancel = () => cancelSignUp(t.db, people.circleId, needId, people.helper.memberId, now);
    expect(await cancel()).toBe(true);
    expect(await cancel()).toBe(false);
    const lines = await t.db
      .select()
      .from(circleHistory)
      .where(eq(circleHistory.kind, 'cancelled'))
      .all();
    expect(lines).toHaveLength(1);
  });

  it('two members taking the last slot at once: exactly one gets it', async () => {
    const needId = await postNeed(t.db, people.circleId, people.owner.userId, needDraft(72));
    const outcomes = await Promise.all([
      signUpForNeed(t.db, people.circleId, needId, people.helper.memberId),
      signUpForNeed(t.db, people.circleId, needId, people.other.memberId),
      signUpForNeed(t.db, people.circleId, needId, people.coordinator.memberId),
    ]);
    expect(outcomes.filter((o) => o === 'signedUp')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'full')).toHaveLength(2);
    expect(await t.db.select().from(circleSignUps).all()).toHaveLength(1);
  });

  it('the coordinator and owner see who signed up; a member sees only counts and their own', async () => {
    const needId = await postNeed(
      t.db,
      people.circleId,
      people.owner.userId,
      needDraft(72, { helpersWanted: 3 }),
    );
    await signUpForNeed(t.db, people.circleId, needId, people.helper.memberId);
    const url = `/circles/${people.circleId}/needs/${needId}`;
    for (const who of ['owner', 'coordinator'] as const)
      expect(visibleText(await (await (await as(who)).get(url)).text())).toContain('a Helper');
    const other = visibleText(await (await (await as('other')).get(url)).text());
    expect(other).not.toContain('a Helper');
    expect(other).toContain('1 of 3 helpers');
    const homeOf = async (who: 'helper' | 'other') =>
      visibleText(await (await (await as(who)).get(`/circles/${people.circleId}`)).text());
    expect(await homeOf('helper')).toContain('1 of 3 helpers You signed up.');
    expect(await homeOf('other')).not.toContain('You signed up.');
  });

  it('asking for fewer helpers than signed up is refused, with a plain message', async () => {
    const needId = await postNeed(
      t.db,
      people.circleId,
      people.owner.userId,
      needDraft(72, { helpersWanted: 2 }),
    );
    await signUpForNeed(t.db, people.circleId, needId, people.helper.memberId);
    await signUpForNeed(t.db, people.circleId, needId, people.other.memberId);
    const start = new Date(Date.now() + 72 * HOUR);
    const res = await (
      await as('owner')
    ).post(
      `/circles/${people.circleId}/needs/${needId}`,
      needForm({ helpersWanted: '1', date: day(start) }),
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('2 people signed up already.');
    expect((await t.db.select().from(circleNeeds).get())!.helpersWanted).toBe(2);
  });
});

describe('places shown just in time', () => {
  const pageOf = async (who: 'owner' | 'coordinator' | 'helper' | 'other', needId: string) =>
    visibleText(
      await (await (await as(who)).get(`/circles/${people.circleId}/needs/${needId}`)).text(),
    );

  it('only the owner, the coordinator and its helpers, only from 24 hours before until it ends', async () => {
    const later = await postNeed(
      t.db,
      people.circleId,
      people.owner.userId,
      needDraft(30, { helpersWanted: 2 }),
    );
    const soon = await postNeed(
      t.db,
      people.circleId,
      people.owner.userId,
      needDraft(10, { helpersWanted: 2 }),
    );
    for (const id of [later, soon])
      await signUpForNeed(t.db, people.circleId, id, people.helper.memberId);
    for (const who of ['owner', 'coordinator', 'helper', 'other'] as const)
      expect(await pageOf(who, later)).not.toContain('12 Secret Lane');
    for (const who of ['owner', 'coordinator', 'helper'] as const)
      expect(await pageOf(who, soon)).toContain('12 Secret Lane');
    expect(await pageOf('other', soon)).not.toContain('12 Secret Lane');
  });

  it('is hidden once the need ended, and erased 7 days after', async () => {
    const now = Date.now();
    const ended = await postNeed(
      t.db,
      people.circleId,
      people.owner.userId,
      needDraft(-30, {}, now),
      new Date(now - 40 * HOUR),
    );
    expect(await pageOf('owner', ended)).not.toContain('12 Secret Lane');
    await eraseEndedNeedPlaces(t.db, new Date(now - 28 * HOUR + 7 * 24 * HOUR - 60_000));
    expect((await t.db.select().from(circleNeeds).get())!.place).toBe('12 Secret Lane');
    await eraseEndedNeedPlaces(t.db, new Date(now - 28 * HOUR + 7 * 24 * HOUR));
    const row = await t.db.select().from(circleNeeds).get();
    expect(row!.place).toBe('');
    expect(row!.placeEraseAfter).toBeNull();
  });

  it("a helper's .ics holds the place only inside the window, is no-store, and is theirs alone", async () => {
    const later = await postNeed(t.db, people.circleId, people.owner.userId, needDraft(30));
    const soon = await postNeed(t.db, people.circleId, people.owner.userId, needDraft(10));
    for (const id of [later, soon])
      await signUpForNeed(t.db, people.circleId, id, people.helper.memberId);
    const signUps = await t.db.select().from(circleSignUps).all();
    const icsOf = (needId: string) => {
      const signUp = signUps.find((row) => row.needId === needId)!;
      return `/circles/${people.circleId}/needs/${needId}/sign-ups/${signUp.id}.ics`;
    };
    const helper = await as('helper');
    const near = await helper.get(icsOf(soon));
    expect(near.status).toBe(200);
    expect(near.headers.get('content-type')).toContain('text/calendar');
    expect(near.headers.get('cache-control')).toBe('no-store');
    const nearText = (await near.text()).replace(/\r\n[ \t]/g, '');
    expect(nearText).toContain('SUMMARY:Ride to the clinic');
    expect(nearText).toContain('LOCATION:12 Secret Lane');
    expect(await (await helper.get(icsOf(later))).text()).not.toContain('Secret Lane');
    for (const who of ['other', 'coordinator', 'owner'] as const)
      expect((await (await as(who)).get(icsOf(soon))).status).toBe(404);
  });
});

describe('gaps and leaving', () => {
  it('a late cancellation and an unfilled need are shown to the coordinator; to the owner only if they chose', async () => {
    const needId = await postNeed(
      t.db,
      people.circleId,
      people.owner.userId,
      needDraft(20, { title: 'Court date' }),
    );
    await signUpForNeed(t.db, people.circleId, needId, people.helper.memberId);
    await (
      await as('helper')
    ).post(`/circles/${people.circleId}/needs/${needId}/sign-up/cancellation`);
    const home = async (who: 'owner' | 'coordinator' | 'other') =>
      visibleText(await (await (await as(who)).get(`/circles/${people.circleId}`)).text());
    expect(await home('coordinator')).toContain('a Helper cancelled “Court date”');
    expect(await home('coordinator')).toContain('“Court date”');
    expect(await home('owner')).not.toContain('Needs attention');
    expect(await home('other')).not.toContain('Needs attention');
    await tellOwnerOfGaps(t.db, people.circleId);
    expect(await home('owner')).toContain('a Helper cancelled “Court date”');
  });

  it('a removed member’s sign-ups are released: the slot reopens and the coordinator sees it', async () => {
    const needId = await postNeed(
      t.db,
      people.circleId,
      people.owner.userId,
      needDraft(20, { title: 'Court date' }),
    );
    await signUpForNeed(t.db, people.circleId, needId, people.helper.memberId);
    await endMembership(t.db, people.circleId, people.helper.memberId, 'removed');
    expect(await signUpForNeed(t.db, people.circleId, needId, people.other.memberId)).toBe(
      'signedUp',
    );
    const home = visibleText(
      await (await (await as('coordinator')).get(`/circles/${people.circleId}`)).text(),
    );
    expect(home).toContain('a Helper is no longer in the circle');
    const history = await t.db
      .select()
      .from(circleHistory)
      .where(eq(circleHistory.kind, 'released'))
      .all();
    expect(history).toHaveLength(1);
  });
});
