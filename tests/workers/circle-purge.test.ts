import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { CLOSED_CIRCLE_PURGES_PER_RUN, purgeClosedCircles } from '../../db/circles/close';
import { CLOSED_CIRCLE_KEEP_DAYS, newCircleId } from '../../db/circles/rules';
import { openD1Database } from '../../db/core/d1';
import { visibleText } from '../support/visible-text';
import { form, newestMailTo, request, signIn } from './support/http';

// Closed care circles on Workers with D1: kept CLOSED_CIRCLE_KEEP_DAYS for the former members'
// 410, then purged by the scheduled job, every trace of them, within D1's bound parameters.

const DAY = 24 * 3600_000;
const get = (path: string, cookie: string) => request(path, { headers: { Cookie: cookie } });

/** The deployed entry's scheduled(), as the Cron Trigger calls it. */
const runScheduled = async (at: Date) => {
  const worker = (await import('../../worker')).default;
  await worker.scheduled(
    { scheduledTime: at.getTime(), cron: '*/5 * * * *', noRetry() {} } as ScheduledController,
    { ...env, SITE_URL: 'https://circles.hearth.test' },
  );
};

/** Every row of every table the app can read, as text. */
const everyRow = async (): Promise<string> => {
  const tables = await env.DB.prepare(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%'",
  ).all<{ name: string }>();
  const rows: string[] = [];
  for (const { name } of tables.results)
    rows.push(JSON.stringify((await env.DB.prepare(`select * from "${name}"`).all()).results));
  return rows.join('\n');
};

describe('closed care circles on Workers with D1', () => {
  it('answer former members 410 for the period, then the scheduled purge leaves no trace: 404', async () => {
    const ownerEmail = 'purge-owner@example.org';
    const memberEmail = 'purge-member@example.org';
    const owner = await signIn(ownerEmail);
    const started = await request(
      '/circles',
      form(
        {
          label: 'My people',
          timeZone: 'UTC',
          quietStart: '00:00',
          quietEnd: '00:00',
          placeRevealHours: '24',
        },
        owner,
      ),
    );
    const circleId = started.headers.get('location')!.split('/').pop()!;
    await request(
      `/circles/${circleId}/invitations`,
      form({ email: memberEmail, personalNote: '' }, owner),
    );
    const token = (await newestMailTo(memberEmail)).match(
      /\/circles\/invitations\/([a-z2-7]{32})/,
    )![1];
    const member = await signIn(memberEmail);
    expect(
      (await request(`/circles/invitations/${token}`, form({ displayName: 'Sam' }, member))).status,
    ).toBe(303);
    const memberId = (await env.DB.prepare('select id from circle_members where circle_id = ?')
      .bind(circleId)
      .first<{ id: string }>())!.id;
    expect(
      (await request(`/circles/${circleId}/closing`, form({ confirm: '1' }, owner))).status,
    ).toBe(303);
    const closedAt = Date.now();

    await runScheduled(new Date(closedAt + (CLOSED_CIRCLE_KEEP_DAYS - 1) * DAY));
    for (const cookie of [owner, member])
      expect((await get(`/circles/${circleId}`, cookie)).status).toBe(410);

    await runScheduled(new Date(closedAt + CLOSED_CIRCLE_KEEP_DAYS * DAY + 60_000));
    const again = [await signIn(ownerEmail), await signIn(memberEmail)];
    const unknown = await get(`/circles/${newCircleId()}`, again[0]!);
    expect(unknown.status).toBe(404);
    const unknownText = visibleText(await unknown.text());
    for (const cookie of again) {
      const res = await get(`/circles/${circleId}`, cookie);
      expect(res.status).toBe(404);
      expect(visibleText(await res.text())).toBe(unknownText);
    }
    const left = await everyRow();
    expect(left).not.toContain(circleId);
    expect(left).not.toContain(memberId);
  });

  it("purges at most CLOSED_CIRCLE_PURGES_PER_RUN circles a run, over D1's 100 bound parameters", async () => {
    const now = new Date();
    const user = (await env.DB.prepare(
      "insert into users (id, email, locale, created_at) values (?, 'many@example.org', 'en', 0) returning id",
    )
      .bind(newCircleId())
      .first<{ id: string }>())!;
    const count = CLOSED_CIRCLE_PURGES_PER_RUN + 50;
    const closedAt = Math.floor((now.getTime() - (CLOSED_CIRCLE_KEEP_DAYS + 1) * DAY) / 1000);
    const statements = Array.from({ length: count }, () => newCircleId()).flatMap((id) => [
      env.DB.prepare(
        "insert into circles (id, owner_id, label, time_zone, created_at, closed_at) values (?, null, '', 'UTC', 0, ?)",
      ).bind(id, closedAt),
      env.DB.prepare(
        "insert into circle_members (id, circle_id, user_id, display_name, joined_at) values (?, ?, ?, '', 0)",
      ).bind(newCircleId(), id, user.id),
    ]);
    await env.DB.batch(statements);
    const db = openD1Database(env.DB);
    expect(await purgeClosedCircles(db, now)).toBe(CLOSED_CIRCLE_PURGES_PER_RUN);
    expect(await purgeClosedCircles(db, now)).toBe(50);
    const remaining = await env.DB.prepare(
      'select (select count(*) from circles where closed_at = ?) as circles, (select count(*) from circle_members where user_id = ?) as members',
    )
      .bind(closedAt, user.id)
      .first<{ circles: number; members: number }>();
    expect(remaining).toEqual({ circles: 0, members: 0 });
  });
});
