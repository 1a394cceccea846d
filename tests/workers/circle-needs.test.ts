import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { findOrCreateUser } from '../../db/accounts/users';
import { createCircle } from '../../db/circles/circles';
import { postNeeds } from '../../db/circles/needs';
import { NEED_LIMITS, newCircleId } from '../../db/circles/rules';
import { signUpForNeed } from '../../db/circles/signups';
import { openD1Database } from '../../db/core/d1';
import { listOutbox } from '../../db/mail/outbox';
import { circleMembers } from '../../db/schema';
import { CIRCLE_REMINDERS_PER_RUN } from '../../db/circles/reminders';
import { sendCircleReminders } from '../../worker/circles/jobs';
import { countD1Queries } from './support/d1-queries';
import { circleSettings, HOUR } from '../support/circle-needs';

// Care circle rules that depend on the database's atomicity, checked on real D1 inside workerd.
const db = openD1Database(env.DB);
const site = { name: 'Hearth', origin: 'https://hearth.test' };

/** A circle (UTC, quiet 21:00–08:00), two members, a need at `startsAt` (weekly for `weeks`). */
const circleWithNeed = async (prefix: string, startsAt: Date, helpersWanted: number, weeks = 1) => {
  const owner = await findOrCreateUser(db, `${prefix}-owner@example.org`);
  const circleId = await createCircle(db, owner.id, circleSettings({ label: 'Circle' }));
  const members: { id: string; email: string }[] = [];
  for (const name of ['one', 'two']) {
    const email = `${prefix}-${name}@example.org`;
    const user = await findOrCreateUser(db, email);
    const id = newCircleId();
    await db.insert(circleMembers).values({
      id,
      circleId,
      userId: user.id,
      displayName: name,
      joinedAt: new Date(startsAt.getTime() - 100 * HOUR),
    });
    members.push({ id, email });
  }
  const posted = new Date(startsAt.getTime() - 72 * HOUR);
  const needIds = await postNeeds(
    db,
    circleId,
    { userId: owner.id, role: 'owner' },
    {
      kind: 'ride',
      title: 'Ride',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR),
      anyTime: false,
      helpersWanted,
      place: 'Somewhere',
      resourceId: null,
      note: '',
    },
    weeks,
    posted,
  );
  return { circleId, needId: needIds[0]!, needIds, members, posted };
};

describe('care circles on D1', () => {
  it('two members taking the last slot at once: exactly one gets it', async () => {
    const { circleId, needId, members } = await circleWithNeed(
      'race',
      new Date(Date.now() + 100 * HOUR),
      1,
    );
    const outcomes = await Promise.all(
      members.map((member) => signUpForNeed(db, circleId, needId, member.id)),
    );
    expect(outcomes.sort()).toEqual(['full', 'signedUp']);
    const [{ live }] = (
      await env.DB.prepare(
        'SELECT count(*) AS live FROM circle_sign_ups WHERE need_id = ? AND cancelled_at IS NULL',
      )
        .bind(needId)
        .all<{ live: number }>()
    ).results as [{ live: number }];
    expect(live).toBe(1);
  });

  it('reminders go exactly once, however the job runs overlap', async () => {
    const startsAt = new Date('2031-06-10T14:00:00Z');
    const { circleId, needId, members, posted } = await circleWithNeed('remind', startsAt, 2);
    for (const member of members) await signUpForNeed(db, circleId, needId, member.id, posted);
    const at24 = new Date(startsAt.getTime() - 24 * HOUR);
    const at2 = new Date(startsAt.getTime() - 2 * HOUR);
    const runs = await Promise.all([
      sendCircleReminders(db, at24, site),
      sendCircleReminders(db, at24, site),
      sendCircleReminders(db, new Date(at24.getTime() + 60_000), site),
    ]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(2);
    await Promise.all([sendCircleReminders(db, at2, site), sendCircleReminders(db, at2, site)]);
    const mails = (await listOutbox(db)).filter((mail) => mail.toAddress.startsWith('remind-'));
    expect(mails.map((mail) => mail.toAddress).sort()).toEqual([
      'remind-one@example.org',
      'remind-one@example.org',
      'remind-two@example.org',
      'remind-two@example.org',
    ]);
    expect(new Set(mails.map((mail) => mail.subject))).toEqual(
      new Set(['You have an update on Hearth']),
    );
  });

  it('a need repeated weekly for the longest allowed is posted whole, within D1’s bound parameters', async () => {
    const { circleId, needIds } = await circleWithNeed(
      'weekly',
      new Date(Date.now() + 100 * HOUR),
      1,
      NEED_LIMITS.weeks,
    );
    expect(needIds).toHaveLength(NEED_LIMITS.weeks);
    const stored = await env.DB.prepare(
      'SELECT count(DISTINCT series_id) AS series, count(*) AS n FROM circle_needs WHERE circle_id = ?',
    )
      .bind(circleId)
      .first<{ series: number; n: number }>();
    expect(stored).toEqual({ series: 1, n: NEED_LIMITS.weeks });
  });
  // The claims' multi-row inserts (RETURNING what this run inserted) and the bound, on D1.
  it('a run claims at most CIRCLE_REMINDERS_PER_RUN reminders, the next the rest, each once', async () => {
    const startsAt = new Date('2031-07-10T14:00:00Z');
    const total = CIRCLE_REMINDERS_PER_RUN + 5;
    // Three needs of 20 helpers (the most one may ask for), with a helper each taken.
    const needs = await Promise.all(
      [0, 1, 2].map((i) => circleWithNeed(`bound${i}`, startsAt, NEED_LIMITS.helpers)),
    );
    for (let i = 0; i < total; i++) {
      const { circleId, needId, posted } = needs[i % 3]!;
      const user = await findOrCreateUser(db, `bound-helper${i}@example.org`);
      const id = newCircleId();
      await db.insert(circleMembers).values({
        id,
        circleId,
        userId: user.id,
        displayName: `Helper ${i}`,
        joinedAt: new Date(posted.getTime() - HOUR),
      });
      expect(await signUpForNeed(db, circleId, needId, id, posted)).toBe('signedUp');
    }
    const at = new Date(startsAt.getTime() - 23 * HOUR);
    const { result, queries } = await countD1Queries(env.DB, () =>
      sendCircleReminders(db, at, site),
    );
    expect(result).toBe(CIRCLE_REMINDERS_PER_RUN);
    expect(queries).toBeLessThanOrEqual(15);
    expect(await sendCircleReminders(db, at, site)).toBe(5);
    expect(await sendCircleReminders(db, at, site)).toBe(0);
    const mails = (await listOutbox(db, 1000))
      .map((mail) => mail.toAddress)
      .filter((to) => to.startsWith('bound-helper'));
    expect(mails).toHaveLength(total);
    expect(new Set(mails).size).toBe(total);
  });
});
