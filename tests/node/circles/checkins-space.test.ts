import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendCheckIn } from '../../../db/circles/check-ins';
import { startSpace } from '../../../db/circles/circles';
import { createDueNudges } from '../../../db/circles/nudges';
import { claimHeldOwnerMail } from '../../../db/circles/nudges';
import { circleCheckInMessages, circleCheckInNudges, circles } from '../../../db/schema';
import { eq } from 'drizzle-orm';
import { runScheduledJobs } from '../../../worker/jobs';
import { circleWithMembers } from '../../support/circle-checkins';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

const noQuiet: [string, string] = ['00:00', '00:00'];
const circleRow = async (id: string) =>
  (await t.db.select().from(circles).where(eq(circles.id, id)).get())!;
const future = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
};

describe('"I need space"', () => {
  it('closes the check-in form at once; members see only "taking some space" and whether help goes on', async () => {
    const { owner, circleId, members } = await circleWithMembers(t, { quiet: noQuiet });
    const member = members[0]!.browser;
    const until = future(10);
    const pressed = await owner.post(`/circles/${circleId}/settings/space`, {
      until,
      practicalHelpGoesOn: '1',
    });
    expect(pressed.status).toBe(303);
    const home = await (await member.get(`/circles/${circleId}`)).text();
    const text = visibleText(home);
    expect(text).toContain('Taking some space');
    expect(text).toContain('Practical help goes on as planned.');
    expect(text).toContain('Check-ins are closed until they come back.');
    expect(home).not.toContain(`/circles/${circleId}/check-ins`);
    // Not even the end date: only the owner sees it.
    expect(text).not.toContain('Until ');
    expect(visibleText(await (await owner.get(`/circles/${circleId}`)).text())).toContain(
      'While you take space, nobody is nudged and nobody can send you a check-in.',
    );
    const tried = await member.post(`/circles/${circleId}/check-ins`, { body: 'Are you ok?' });
    expect(tried.status).toBe(409);
    expect(visibleText(await tried.text())).toContain('taking some space');
    expect(await t.db.select().from(circleCheckInMessages).all()).toHaveLength(0);
  });

  it('refuses a check-in sent with a page loaded before the owner pressed it', async () => {
    const { circleId, members } = await circleWithMembers(t, { quiet: noQuiet });
    const before = await circleRow(circleId);
    await startSpace(t.db, circleId, { until: null, practicalHelpGoesOn: true });
    // The member's request loaded the circle before space began: the insert checks again.
    const result = await sendCheckIn(t.db, before, members[0]!.memberId, 'Hi');
    expect(result).toEqual({ sent: false, because: 'space' });
    expect(await t.db.select().from(circleCheckInMessages).all()).toHaveLength(0);
  });

  it('stops every nudge and every held email at once, and no new nudge is made', async () => {
    const { circleId, members } = await circleWithMembers(t, { channel: 'email' });
    // A nudge and an owner email, both held through quiet hours (22:00 UTC).
    const night = new Date('2030-01-07T22:00:00Z');
    await createDueNudges(t.db, night);
    const sent = await sendCheckIn(
      t.db,
      await circleRow(circleId),
      members[0]!.memberId,
      'Hi',
      night,
    );
    expect(sent).toMatchObject({ sent: true, mailOwnerNow: false });
    await startSpace(t.db, circleId, { until: null, practicalHelpGoesOn: false }, night);
    expect(await t.db.select().from(circleCheckInNudges).all()).toHaveLength(0);
    const morning = new Date('2030-01-08T08:00:00Z');
    expect(await claimHeldOwnerMail(t.db, morning)).toEqual([]);
    await runScheduledJobs(t.db, {
      now: morning,
      log: () => {},
      site: { name: 'Hearth', origin: 'http://localhost' },
    });
    expect(await t.db.select().from(circleCheckInNudges).all()).toHaveLength(0);
  });

  it('is the owner’s alone to start and to end; after the end date or the owner ending it, check-ins open again', async () => {
    const { owner, circleId, members } = await circleWithMembers(t, { quiet: noQuiet });
    const member = members[0]!.browser;
    expect((await member.post(`/circles/${circleId}/settings/space`, {})).status).toBe(404);
    await owner.post(`/circles/${circleId}/settings/space`, { until: future(3) });
    expect((await member.post(`/circles/${circleId}/settings/space-end`, {})).status).toBe(404);
    expect((await circleRow(circleId)).spaceSince).not.toBeNull();
    // The end date passes: it ends by itself (the nudge job sees it too).
    expect(await createDueNudges(t.db, new Date(Date.now() + 2 * 86_400_000))).toBe(0);
    expect(await createDueNudges(t.db, new Date(Date.now() + 4 * 86_400_000))).toBe(1);
    expect((await owner.post(`/circles/${circleId}/settings/space-end`, {})).status).toBe(303);
    const home = await (await member.get(`/circles/${circleId}`)).text();
    expect(visibleText(home)).not.toContain('Taking some space');
    expect(home).toContain(`/circles/${circleId}/check-ins`);
  });

  it('asks for a real future date, in plain words', async () => {
    const { owner, circleId } = await circleWithMembers(t, { quiet: noQuiet });
    const res = await owner.post(`/circles/${circleId}/settings/space`, { until: '2020-01-01' });
    expect(res.status).toBe(400);
    expect(visibleText(await res.text())).toContain('Enter a date like 2026-05-31, in the future.');
    expect((await circleRow(circleId)).spaceSince).toBeNull();
  });
});
