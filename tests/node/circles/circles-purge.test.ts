import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLOSED_CIRCLE_PURGES_PER_RUN, purgeClosedCircles } from '../../../db/circles/close';
import { CLOSED_CIRCLE_KEEP_DAYS, newCircleId } from '../../../db/circles/rules';
import { circleHistory, circleMembers, circles } from '../../../db/schema';
import { runScheduledJobs } from '../../../worker/jobs';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';
import { signIn } from '../../support/browser';
import { circleWithMembers } from '../../support/circle-checkins';
import { circleWithPeople, needDraft, postNeed } from '../../support/circle-needs';

// A closed circle keeps its id and who was in it for CLOSED_CIRCLE_KEEP_DAYS, so that former
// members read "this circle is closed" (410); then the scheduled purge removes every trace,
// and a former member gets the 404 of an unknown id.

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

const DAY = 24 * 3600_000;
const site = { name: 'Hearth', origin: 'http://localhost' };
const runJobs = (now: Date) => runScheduledJobs(t.db, { now, site, log: () => {} });

/** Every row of every table of the database, as text: what is left anywhere. */
const everyRow = async (): Promise<string> => {
  const tables = await t.db.all<{ name: string }>(
    sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`,
  );
  const rows: string[] = [];
  for (const { name } of tables)
    rows.push(JSON.stringify(await t.db.all(sql.raw(`select * from "${name}"`))));
  return rows.join('\n');
};

describe('care circles: purging a closed circle', () => {
  it('answers former members 410 until the period ends, then leaves no trace and answers 404', async () => {
    const { owner, ownerEmail, circleId, members } = await circleWithMembers(t, {
      members: ['sam@example.org', 'kim@example.org'],
    });
    const [sam] = members;
    // Things that name the circle or its members: a check-in (with its rate-limit key), a
    // note, a pending invitation.
    expect((await sam!.browser.post(`/circles/${circleId}/check-ins`, { body: 'Hi' })).status).toBe(
      303,
    );
    await owner.post(`/circles/${circleId}/notes`, { body: 'A private note.' });
    await owner.post(`/circles/${circleId}/invitations`, { email: 'later@example.org' });
    const memberIds = members.map((m) => m.memberId);
    expect((await owner.post(`/circles/${circleId}/closing`, { confirm: '1' })).status).toBe(303);
    const closedAt = Date.now();
    // A write that raced the closing, still naming the circle and a member.
    await t.db.insert(circleHistory).values({
      id: newCircleId(),
      circleId,
      memberId: memberIds[0]!,
      actor: 'member',
      kind: 'cancelled',
      at: new Date(closedAt),
    });

    await runJobs(new Date(closedAt + (CLOSED_CIRCLE_KEEP_DAYS - 1) * DAY));
    for (const browser of [owner, sam!.browser])
      expect((await browser.get(`/circles/${circleId}`)).status).toBe(410);

    await runJobs(new Date(closedAt + CLOSED_CIRCLE_KEEP_DAYS * DAY + 60_000));
    // Signed in afresh: their sessions of a month ago have expired meanwhile.
    const again = [await signIn(t, ownerEmail), await signIn(t, sam!.email)];
    const unknown = await again[0]!.get(`/circles/${newCircleId()}`);
    expect(unknown.status).toBe(404);
    const unknownText = visibleText(await unknown.text());
    for (const browser of again) {
      const res = await browser.get(`/circles/${circleId}`);
      expect(res.status).toBe(404);
      expect(visibleText(await res.text())).toBe(unknownText);
    }
    const left = await everyRow();
    for (const id of [circleId, ...memberIds]) expect(left).not.toContain(id);
    expect(left).not.toMatch(/circle-(check-in|invite):/);
    expect(left).not.toMatch(/\/circles\/invitations\//);
    expect(await t.db.select().from(circles).all()).toEqual([]);
    expect(await t.db.select().from(circleMembers).all()).toEqual([]);
  });

  it('leaves open circles and circles closed more recently alone', async () => {
    const open = await circleWithPeople(t.db, 'open');
    const recent = await circleWithPeople(t.db, 'recent');
    const old = await circleWithPeople(t.db, 'old');
    await postNeed(t.db, open.circleId, open.owner.userId, needDraft(24));
    const now = new Date();
    const closedAgo = (days: number) => new Date(now.getTime() - days * DAY);
    await t.db
      .update(circles)
      .set({ closedAt: closedAgo(CLOSED_CIRCLE_KEEP_DAYS - 1) })
      .where(sql`${circles.id} = ${recent.circleId}`);
    await t.db
      .update(circles)
      .set({ closedAt: closedAgo(CLOSED_CIRCLE_KEEP_DAYS + 1) })
      .where(sql`${circles.id} = ${old.circleId}`);
    expect(await purgeClosedCircles(t.db, now)).toBe(1);
    expect(
      (await t.db.select({ id: circles.id }).from(circles).all()).map((c) => c.id).sort(),
    ).toEqual([open.circleId, recent.circleId].sort());
    const memberCircles = new Set(
      (await t.db.select().from(circleMembers).all()).map((m) => m.circleId),
    );
    expect(memberCircles).toEqual(new Set([open.circleId, recent.circleId]));
    expect(await purgeClosedCircles(t.db, now)).toBe(0);
  });

  it('takes at most CLOSED_CIRCLE_PURGES_PER_RUN circles a run, the oldest first', async () => {
    const now = new Date();
    const count = CLOSED_CIRCLE_PURGES_PER_RUN + 5;
    const ids = Array.from({ length: count }, () => newCircleId());
    for (const [i, id] of ids.entries())
      await t.db.insert(circles).values({
        id,
        ownerId: null,
        label: '',
        timeZone: 'UTC',
        createdAt: new Date(0),
        closedAt: new Date(
          now.getTime() - (CLOSED_CIRCLE_KEEP_DAYS + 1) * DAY - (count - i) * 1000,
        ),
      });
    expect(await purgeClosedCircles(t.db, now)).toBe(CLOSED_CIRCLE_PURGES_PER_RUN);
    const left = (await t.db.select({ id: circles.id }).from(circles).all()).map((c) => c.id);
    expect(left.sort()).toEqual(ids.slice(CLOSED_CIRCLE_PURGES_PER_RUN).sort());
    expect(await purgeClosedCircles(t.db, now)).toBe(5);
    expect(await t.db.select().from(circles).all()).toEqual([]);
  });

  it('says so on the privacy page, in English and French', async () => {
    const en = visibleText(await (await t.app.request('/privacy')).text());
    expect(en).toContain(
      `For ${CLOSED_CIRCLE_KEEP_DAYS} days we keep only that the circle existed and who was in it`,
    );
    const fr = visibleText(
      await (await t.app.request('/privacy', { headers: { Cookie: 'lang=fr' } })).text(),
    );
    expect(fr).toContain(`Pendant ${CLOSED_CIRCLE_KEEP_DAYS} jours, nous gardons seulement`);
  });

  it('tells the owner, beside the button that closes the circle, how long its trace is kept', async () => {
    const { owner, circleId } = await circleWithMembers(t, { members: ['sam@example.org'] });
    const settings = visibleText(await (await owner.get(`/circles/${circleId}/settings`)).text());
    expect(settings).toContain(
      `For ${CLOSED_CIRCLE_KEEP_DAYS} days we keep only that the circle existed and who was in it`,
    );
  });
});
