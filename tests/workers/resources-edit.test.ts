import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { openD1Database } from '../../db/core/d1';
import { seedDemoData } from '../../db/demo/seed';
import { ResourceChangedMeanwhile, resourceVersion } from '../../db/resources/changes';
import { updateResource } from '../../db/resources/edit';
import { getEditableResource } from '../../db/resources/edit-read';
import { form, request, signIn } from './support/http';

// A moderator's writes on D1: the create and edit batches (deletes, inserts, FTS and hours
// triggers) and the report closing whose log row is an INSERT … SELECT in the same batch.
const post = (path: string, body: URLSearchParams, cookie: string) =>
  request(path, form(body, cookie));

const resource = (name: string, sundayCloses: string) =>
  new URLSearchParams([
    ['organizationId', ''],
    ['organizationName', 'Saltmarsh Friends'],
    ['name', name],
    ['description', 'Warm clothes and boots, free, no questions asked.'],
    ['contentLanguage', 'en'],
    ['free', '1'],
    ['categories', 'money-benefits'],
    ['categories', 'food'],
    ['languages', 'en'],
    ['languages', 'fr'],
    ['street', '3 Saltmarsh Road'],
    ['city', 'Marrowby'],
    ['country', 'CA'],
    ['timeZone', 'America/Vancouver'],
    ['phone1', '+1 604 555 0110'],
    ['phone1Type', 'voice'],
    ['opensSU', '22:00'],
    ['closesSU', sundayCloses],
  ]);

beforeAll(async () => {
  await seedDemoData(openD1Database(env.DB));
});

describe('moderators editing the directory on D1', () => {
  it('creates, finds, edits and logs a resource', async () => {
    const moderator = await signIn('mod-d1@example.org', 'moderator');
    const created = await post(
      '/moderation/resources',
      resource('Saltmarsh coat cupboard', '02:00'),
      moderator,
    );
    expect(created.status).toBe(303);
    const id = created.headers.get('location')!.match(/resources\/([0-9a-f-]{36})\/edit/)![1]!;
    expect(await (await request('/resources?q=saltmarsh')).text()).toContain(
      'Saltmarsh coat cupboard',
    );
    const hours = await env.DB.prepare(
      'select day_mask, opens_minute, closes_minute from schedules where service_id = ?',
    )
      .bind(id)
      .first();
    expect(hours).toEqual({ day_mask: 64, opens_minute: 22 * 60, closes_minute: 120 });

    // The edit form carries the version it was opened at, as a browser sends it back.
    const form = await (
      await request(`/moderation/resources/${id}/edit`, { headers: { Cookie: moderator } })
    ).text();
    const edit = resource('Saltmarsh winter coats', '03:00');
    edit.set('version', form.match(/name="version" value="([^"]*)"/)![1]!);
    const edited = await post(`/moderation/resources/${id}`, edit, moderator);
    expect(edited.headers.get('location')).toBe(`/moderation/resources/${id}/edit?done=saved`);
    expect(await (await request('/resources?q=winter+coats')).text()).toContain(
      'Saltmarsh winter coats',
    );
    // The same "new" organization typed again is the one made before, not a twin.
    const log = await env.DB.prepare(
      'select action, changed_fields from resource_changes where service_id = ? order by changed_at',
    )
      .bind(id)
      .all<{ action: string; changed_fields: string }>();
    expect(log.results.map((row) => row.action)).toEqual(['created', 'edited']);
    expect(JSON.parse(log.results[1]!.changed_fields)).toEqual(['name', 'hours']);
    expect(
      await env.DB.prepare(
        "select count(*) as n from organizations where name = 'Saltmarsh Friends'",
      ).first(),
    ).toEqual({ n: 1 });
  });

  it('refuses, inside the batch, a save from a form opened before another save, and writes none of it', async () => {
    const db = openD1Database(env.DB);
    const before = (await getEditableResource(db, 'kettle-and-crumb-lunch'))!;
    const opened = await resourceVersion(db, before.id);
    await updateResource(
      db,
      before,
      { ...before.input, name: 'Saved first on D1' },
      { userId: null, role: 'moderator' },
      new Date(),
      opened,
    );
    await expect(
      updateResource(
        db,
        before,
        { ...before.input, name: 'Saved second on D1', phones: [] },
        { userId: null, role: 'admin' },
        new Date(),
        opened,
      ),
    ).rejects.toBeInstanceOf(ResourceChangedMeanwhile);
    expect((await getEditableResource(db, before.id))!.input).toEqual({
      ...before.input,
      name: 'Saved first on D1',
    });
    const log = await env.DB.prepare(
      "select actor_role from resource_changes where service_id = ? and action = 'edited'",
    )
      .bind(before.id)
      .all();
    expect(log.results).toEqual([{ actor_role: 'moderator' }]);
  });

  it('logs a closed report in the same batch, once', async () => {
    const moderator = await signIn('mod-d1b@example.org', 'moderator');
    await request('/resources/kettle-and-crumb-lunch/reports', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Sec-Fetch-Site': 'same-origin',
      },
      body: 'problem=Moved&contact=me%40example.org',
    });
    const report = await env.DB.prepare(
      "select id, service_id from resource_reports where problem = 'Moved'",
    ).first<{ id: string; service_id: string }>();
    await post(
      `/moderation/resources/reports/${report!.id}/resolution`,
      new URLSearchParams(),
      moderator,
    );
    await post(
      `/moderation/resources/reports/${report!.id}/dismissal`,
      new URLSearchParams(),
      moderator,
    );
    const log = await env.DB.prepare(
      "select action, changed_fields from resource_changes where service_id = ? and action like 'report-%'",
    )
      .bind(report!.service_id)
      .all();
    expect(log.results).toEqual([{ action: 'report-resolved', changed_fields: '[]' }]);
  });

  it('walks the resources to check again in pages: each once, never checked first', async () => {
    const moderator = await signIn('mod-d1c@example.org', 'moderator');
    await env.DB.prepare("insert into organizations (id, name) values ('d1-org', 'Pagers')").run();
    // Every third never checked; the others a day apart, in pairs that tie on the date.
    await env.DB.batch(
      Array.from({ length: 45 }, (_, i) =>
        env.DB.prepare(
          "insert into services (id, organization_id, name, slug, verified_at) values (?, 'd1-org', ?, ?, ?)",
        ).bind(
          `d1-place-${i}`,
          `D1 place ${i}`,
          `d1-place-${i}`,
          i % 3 ? 86400 * (1 + (i >> 1)) : null,
        ),
      ),
    );
    const seen: number[] = [];
    let href: string | null = '/moderation/resources';
    let pages = 0;
    for (; href; pages++) {
      expect(pages).toBeLessThan(20);
      const html: string = await (await request(href, { headers: { Cookie: moderator } })).text();
      seen.push(...[...html.matchAll(/>D1 place (\d+)</g)].map((m) => Number(m[1])));
      const nav: string = html.slice(
        html.indexOf('aria-label="Pages of the resources to check again"'),
      );
      href = nav.match(/<a href="([^"]+)" rel="next">/)?.[1]?.replaceAll('&amp;', '&') ?? null;
    }
    expect(pages).toBeGreaterThan(2);
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 45 }, (_, i) => i));
    const never = seen.filter((i) => i % 3 === 0);
    expect(seen.slice(0, never.length)).toEqual(never);
  });
});
