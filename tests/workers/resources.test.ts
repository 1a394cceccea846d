import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { openD1Database } from '../../db/core/d1';
import { createResource, EMPTY_RESOURCE, updateResource } from '../../db/resources/edit';
import { getEditableResource } from '../../db/resources/edit-read';
import { rebuildResourceSearchIndex } from '../../db/resources/search/fts';
import { readStoredSearchRows } from '../../db/resources/search/fts-check';
import { searchResources } from '../../db/resources/search/search';
import { seedDemoData } from '../../db/demo/seed';

// The resource directory inside workerd, over D1: the same migrations, FTS5 and queries as Node.
const request = (path: string, init?: RequestInit) =>
  exports.default.fetch(new Request(`https://hearth.test${path}`, init));

beforeAll(async () => {
  await seedDemoData(openD1Database(env.DB));
});

describe('the resource directory on D1', () => {
  it('has the demo directory and its search index', async () => {
    const services = await env.DB.prepare('select count(*) as n from services').first<{
      n: number;
    }>();
    const indexed = await env.DB.prepare('select count(*) as n from services_fts').first<{
      n: number;
    }>();
    expect(services?.n).toBeGreaterThanOrEqual(40);
    expect(indexed?.n).toBe(services?.n);
  });

  it('searches D1 with free text and filters through the worker', async () => {
    const legalInFrench = await env.DB.prepare(
      `select count(distinct s.id) as n from services s
       join attributes a on a.link_id = s.id join taxonomy_terms t on t.id = a.taxonomy_term_id and t.code = 'legal-help'
       join languages l on l.service_id = s.id and l.code = 'fr'`,
    ).first<{ n: number }>();
    const res = await request('/resources?category=legal-help&language=fr');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`${legalInFrench!.n} services found.`);

    const fragment = await request('/resources?q=juridique', {
      headers: { 'HX-Request': 'true', 'Accept-Language': 'fr' },
    });
    const html = await fragment.text();
    expect(html).toMatch(/^<section id="results"/);
    expect(html).toContain('Conseils juridiques gratuits');
  });

  it('answers open-now and distance searches, and hostile text, without error', async () => {
    const db = openD1Database(env.DB);
    const result = await searchResources(
      db,
      {
        text: '"NEAR( name: *' + 'x'.repeat(10_000),
        openNow: true,
        near: { latitude: 46.11, longitude: -75.87, radiusKm: 50 },
        sort: 'distance',
        page: 1,
        pageSize: 10,
      },
      new Date('2026-11-27T06:30:00Z'),
    );
    expect(result.total).toBe(0);
    const open = await searchResources(
      db,
      { openNow: true, sort: 'relevance', page: 1, pageSize: 100 },
      new Date('2026-11-27T06:30:00Z'),
    );
    expect(open.items.map((i) => i.slug)).toContain('harbour-rest-night-drop-in');
  });

  it('searches a directory whose places span 80 time zones, within D1’s bound parameters', async () => {
    const zones = Intl.supportedValuesOf('timeZone').slice(0, 80);
    await env.DB.batch([
      env.DB.prepare("insert into organizations (id, name) values ('zones-org', 'Everywhere')"),
      ...zones.map((zone, i) =>
        env.DB.prepare(
          "insert into locations (id, organization_id, name, time_zone) values (?, 'zones-org', ?, ?)",
        ).bind(`zones-place-${i}`, `Place ${i}`, zone),
      ),
    ]);
    const open = await searchResources(
      openD1Database(env.DB),
      { openNow: true, sort: 'relevance', page: 1, pageSize: 100 },
      new Date('2026-11-27T06:30:00Z'),
    );
    expect(open.items.map((i) => i.slug)).toContain('harbour-rest-night-drop-in');
    const page = await request('/resources?q=night&open=1');
    expect(page.status).toBe(200);
  });

  it('ranks name hits first with the same column filter on D1, on every path', async () => {
    const db = openD1Database(env.DB);
    const at = new Date('2026-11-27T06:30:00Z');
    for (const search of [
      { text: 'shelter' },
      { text: 'legal', language: 'fr' },
      { text: 'a' },
      { text: 'night', openNow: true },
    ]) {
      const full = { sort: 'relevance' as const, page: 1, pageSize: 5, ...search };
      const fast = await searchResources(db, full, at);
      expect(fast).toEqual(await searchResources(db, full, at, { fastPaths: false }));
      if (search.text !== 'a') expect(fast.items.length, JSON.stringify(search)).toBeGreaterThan(0);
    }
    const shelter = await searchResources(
      db,
      { text: 'shelter', sort: 'relevance', page: 1, pageSize: 100 },
      at,
    );
    const named = shelter.items.findIndex(
      (item) => !/shelter/i.test(item.name + ' ' + item.organizationName),
    );
    // Every service named for shelter comes before the first that is not.
    expect(named).toBeGreaterThan(0);
    expect(
      shelter.items
        .slice(named)
        .every((item) => !/shelter/i.test(item.name + ' ' + item.organizationName)),
    ).toBe(true);
  });

  it('shows one resource with its address, transit notes and hours', async () => {
    const html = await (await request('/resources/kettle-and-crumb-lunch')).text();
    expect(html).toContain('9 Wharfside Row');
    expect(html).toContain('Kettle and Crumb Quillhaven');
    expect(html).toMatch(/<tr class="today" aria-current="date">/);
    expect(html).not.toContain('Call for the address');
  });

  it('shows a confidential resource without its address', async () => {
    const res = await request('/resources/harbour-rest-safe-house');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Call for the address');
    expect(html).not.toContain('Hidden Courtyard');
  });

  it('takes a report into D1', async () => {
    const res = await request('/resources/kettle-and-crumb-lunch/reports', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Sec-Fetch-Site': 'same-origin',
      },
      body: 'problem=Closed+on+Mondays+now',
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    const row = await env.DB.prepare('select problem from resource_reports').first<{
      problem: string;
    }>();
    expect(row?.problem).toBe('Closed on Mondays now');
  });

  it('keeps its search index what a rebuild makes, however a service is saved', async () => {
    const db = openD1Database(env.DB);
    // Each step checked at once: the rebuild that checks it would repair an earlier step's drift.
    const expectInStep = async (step: string) => {
      const kept = await readStoredSearchRows(db);
      await rebuildResourceSearchIndex(db);
      expect(kept, step).toEqual(await readStoredSearchRows(db));
    };
    const actor = { userId: null, role: 'moderator' as const };
    const now = new Date();
    // As the moderators' form saves it: a place with no position, no hours.
    const { id } = await createResource(
      db,
      {
        ...EMPTY_RESOURCE,
        organizationName: 'Lanternwick Collective',
        name: 'Lanternwick night kitchen',
        description: 'A hot meal and a quiet place to sit.',
        timeZone: 'America/Toronto',
      },
      actor,
      now,
    );
    await expectInStep('form: no hours');
    const edit = async (change: object) => {
      const current = (await getEditableResource(db, id))!;
      await updateResource(db, current, { ...current.input, ...change }, actor, now);
    };
    await edit({ hours: [{ day: 'MO', opensAt: '18:00', closesAt: '22:00' }] });
    await expectInStep('form: hours added');
    await edit({ latitude: 45.21, longitude: -77.42 });
    await expectInStep('form: position added');
    await edit({ hours: [] });
    await expectInStep('form: hours removed');

    // Written directly: no place and no hours, then a place, then none again.
    const place = await env.DB.prepare(
      'select l.organization_id as organization, l.id as location from locations l where l.search_latitude is not null limit 1',
    ).first<{ organization: string; location: string }>();
    await env.DB.prepare(
      "insert into services (id, organization_id, name, slug) values ('svc-bare', ?, 'Night kitchen', 'svc-bare')",
    )
      .bind(place!.organization)
      .run();
    await expectInStep('no place, no hours');
    await env.DB.prepare(
      "insert into service_at_location (id, service_id, location_id) values ('sal-bare', 'svc-bare', ?)",
    )
      .bind(place!.location)
      .run();
    await expectInStep('place added');
    await env.DB.prepare("delete from service_at_location where id = 'sal-bare'").run();
    await expectInStep('place removed');
  });

  it('rebuilds its search index on D1', async () => {
    expect(await rebuildResourceSearchIndex(openD1Database(env.DB))).toBeGreaterThanOrEqual(40);
  });
});
