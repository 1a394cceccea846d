import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildResourceSearchIndex } from '../../../db/resources/search/fts';
import { openNowExpression, zoneNowTable } from '../../../db/resources/open-now';
import { zonesInUse } from '../../../db/resources/options';
import { rowChecks } from '../../../db/resources/search/rows';
import { seedDemoResources } from '../../../db/demo/resources';
import { addSyntheticServices } from '../../bench/synthetic-directory';
import { makeTestApp, type TestApp } from '../../support/app';

// service_search_rows must always hold what its view computes from the tables, under the id the
// full-text index gives the service, whatever was changed and however.
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
  await seedDemoResources(t.db, new Date('2026-11-26T15:00:00Z'));
  await addSyntheticServices(t.db, 200, new Date('2026-11-26T15:00:00Z'));
});
afterAll(() => t.close());

const stored = () =>
  t.db
    .all(sql`SELECT id, service_id, active, walk_in, trauma_informed, survivor_led, free, online, categories, languages, cities
    FROM service_search_rows ORDER BY service_id`);
const computed = () =>
  t.db.all(
    sql`SELECT m.rowid AS id, v.* FROM service_search_values v JOIN services_fts_map m ON m.service_id = v.service_id ORDER BY v.service_id`,
  );

describe('search rows', () => {
  it('hold one row per service, under its full-text rowid', async () => {
    const rows = await stored();
    expect(rows.length).toBeGreaterThan(200);
    expect(rows).toEqual(await computed());
  });

  it.each([
    ['a status', sql`UPDATE services SET status = 'inactive' WHERE id = 'bench-svc-3'`],
    [
      'flags',
      sql`UPDATE services SET walk_in = 1, trauma_informed = 0, survivor_led = 1 WHERE id LIKE 'bench-svc-1%'`,
    ],
    [
      'a category added',
      sql`INSERT INTO attributes (id, link_id, taxonomy_term_id, link_type) SELECT 'x-attr', 'bench-svc-5', id, 'service' FROM taxonomy_terms LIMIT 1`,
    ],
    ['a category removed', sql`DELETE FROM attributes WHERE link_id = 'bench-svc-6'`],
    [
      'a category moved',
      sql`UPDATE attributes SET link_id = 'bench-svc-8' WHERE link_id = 'bench-svc-7'`,
    ],
    [
      'a term code',
      sql`UPDATE taxonomy_terms SET code = code || '-new' WHERE id IN (SELECT id FROM taxonomy_terms LIMIT 1)`,
    ],
    [
      'a language',
      sql`INSERT INTO languages (id, service_id, code) VALUES ('x-lang', 'bench-svc-9', 'de')`,
    ],
    ['a language code', sql`UPDATE languages SET code = 'it' WHERE service_id = 'bench-svc-10'`],
    ['a language removed', sql`DELETE FROM languages WHERE service_id = 'bench-svc-11'`],
    [
      'a cost',
      sql`UPDATE cost_options SET amount = 3 WHERE service_id IN ('bench-svc-12', 'bench-svc-13')`,
    ],
    ['a cost removed', sql`DELETE FROM cost_options WHERE service_id = 'bench-svc-14'`],
    ['a city', sql`UPDATE addresses SET city = 'Elsewhere' WHERE location_id = 'bench-loc-15'`],
    ['an address removed', sql`DELETE FROM addresses WHERE location_id = 'bench-loc-16'`],
    [
      'a place made virtual',
      sql`UPDATE locations SET location_type = 'virtual' WHERE id = 'bench-loc-17'`,
    ],
    ['a place unlinked', sql`DELETE FROM service_at_location WHERE service_id = 'bench-svc-18'`],
    [
      'a place linked',
      sql`INSERT INTO service_at_location (id, service_id, location_id) VALUES ('x-sal', 'bench-svc-19', 'bench-loc-21')`,
    ],
    [
      'a service added',
      sql`INSERT INTO services (id, organization_id, name, slug) VALUES ('x-svc', 'bench-org-1', 'New', 'x-svc')`,
    ],
    [
      'a service renamed',
      sql`UPDATE services SET id = 'x-svc-renamed', status = 'inactive' WHERE id = 'x-svc'`,
    ],
    ['a service deleted', sql`DELETE FROM services WHERE id = 'bench-svc-23'`],
    ['an organization deleted', sql`DELETE FROM organizations WHERE id = 'bench-org-2'`],
  ])('follow %s', async (_, change) => {
    await t.db.run(change);
    expect(await stored()).toEqual(await computed());
  });

  it('are rebuilt with the full-text index', async () => {
    await t.db.run(sql`DELETE FROM service_search_rows`);
    await rebuildResourceSearchIndex(t.db);
    expect(await stored()).toEqual(await computed());
    expect((await stored()).length).toBeGreaterThan(200);
  });
});

describe('the schedule a search row holds', () => {
  type Hours = { service_id: string; hours_zone: string | null; day_mask: number | null };
  const hours = () =>
    t.db.all<Hours>(
      sql`SELECT service_id, hours_zone, day_mask, opens_minute, closes_minute FROM service_search_rows ORDER BY service_id`,
    );
  const fresh = () =>
    t.db
      .all(sql`SELECT service_id, hours_zone, day_mask, opens_minute, closes_minute FROM service_search_hours
      WHERE service_id IN (SELECT service_id FROM service_search_rows) ORDER BY service_id`);

  it('is one schedule, none, or left to the schedules', async () => {
    const rows = await hours();
    expect(rows).toEqual(await fresh());
    expect(rows.some((row) => row.hours_zone === null)).toBe(true);
    expect(rows.some((row) => row.hours_zone !== null && row.day_mask !== 0)).toBe(true);
  });

  it.each([
    [
      'a second schedule',
      sql`INSERT INTO schedules (id, service_id, location_id, byday, opens_at, closes_at) VALUES ('x-sch', 'bench-svc-30', 'bench-loc-30', 'SA', '10:00', '12:00')`,
    ],
    [
      'its hours',
      sql`UPDATE schedules SET opens_at = '07:15', byday = 'SU' WHERE service_id = 'bench-svc-31'`,
    ],
    [
      'valid dates',
      sql`UPDATE schedules SET valid_to = '2026-12-31' WHERE service_id = 'bench-svc-32'`,
    ],
    ['a schedule removed', sql`DELETE FROM schedules WHERE service_id = 'bench-svc-33'`],
    ['a zone', sql`UPDATE locations SET time_zone = 'Europe/Paris' WHERE id = 'bench-loc-34'`],
    ['a place removed', sql`DELETE FROM locations WHERE id = 'bench-loc-35'`],
  ])('follows %s', async (_, change) => {
    await t.db.run(change);
    expect(await hours()).toEqual(await fresh());
  });
});

describe('the place a search row holds', () => {
  const places = () =>
    t.db.all(
      sql`SELECT service_id, place_count, latitude, longitude FROM service_search_rows ORDER BY service_id`,
    );
  const fresh = () =>
    t.db.all(sql`SELECT service_id, place_count, latitude, longitude FROM service_search_places
      WHERE service_id IN (SELECT service_id FROM service_search_rows) ORDER BY service_id`);

  it.each([
    [
      'a second place',
      sql`INSERT INTO service_at_location (id, service_id, location_id) VALUES ('x-sal-2', 'bench-svc-40', 'bench-loc-41')`,
    ],
    [
      'a place moved',
      sql`UPDATE locations SET latitude = latitude + 0.01 WHERE id = 'bench-loc-42'`,
    ],
    [
      'a place made confidential',
      sql`UPDATE locations SET confidential_location = 1 WHERE id = 'bench-loc-43'`,
    ],
    ['a place unlinked', sql`DELETE FROM service_at_location WHERE service_id = 'bench-svc-44'`],
    ['a place removed', sql`DELETE FROM locations WHERE id = 'bench-loc-45'`],
  ])('follows %s', async (_, change) => {
    await t.db.run(change);
    const rows = await places();
    expect(rows).toEqual(await fresh());
    expect(rows.some((row) => (row as { place_count: number }).place_count === 1)).toBe(true);
  });
});

describe('"open now" from the search rows', () => {
  it('agrees with the schedules for every service, hour after hour through a week', async () => {
    const zones = await zonesInUse(t.db);
    let open = 0;
    for (let hour = 0; hour < 7 * 24; hour += 5) {
      const now = new Date(Date.UTC(2026, 10, 23, hour, 17 * (hour % 4)));
      const rows = await t.db.all<{
        fast: number;
        full: number;
      }>(sql`WITH ${zoneNowTable(zones, now)}
        SELECT ${rowChecks({ openNow: true, sort: 'relevance', page: 1, pageSize: 10 })} AS fast,
          r.active = 1 AND ${openNowExpression('r.service_id')} AS full FROM service_search_rows r`);
      expect(rows.filter((row) => row.fast !== row.full)).toEqual([]);
      open += rows.filter((row) => row.full === 1).length;
    }
    expect(open).toBeGreaterThan(100);
  });
});
