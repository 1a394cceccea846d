import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildResourceSearchIndex } from '../../db/resources-fts';
import { seedDemoResources } from '../../db/resources-seed';
import { addSyntheticServices } from '../bench/synthetic-directory';
import { makeTestApp, type TestApp } from './helpers';

// service_search_rows must always hold what its view computes from the tables, under the id the
// full-text index gives the service, whatever was changed and however.
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
  await seedDemoResources(t.db, new Date('2026-11-26T15:00:00Z'));
  await addSyntheticServices(t.db, 200, new Date('2026-11-26T15:00:00Z'));
});
afterAll(() => t.close());

const stored = () => t.db.all(sql`SELECT * FROM service_search_rows ORDER BY service_id`);
const computed = () =>
  t.db.all(sql`SELECT m.rowid AS id, v.* FROM service_search_values v JOIN services_fts_map m ON m.service_id = v.service_id ORDER BY v.service_id`);

describe('search rows', () => {
  it('hold one row per service, under its full-text rowid', async () => {
    const rows = await stored();
    expect(rows.length).toBeGreaterThan(200);
    expect(rows).toEqual(await computed());
  });

  it.each([
    ['a status', sql`UPDATE services SET status = 'inactive' WHERE id = 'bench-svc-3'`],
    ['flags', sql`UPDATE services SET walk_in = 1, trauma_informed = 0, survivor_led = 1 WHERE id LIKE 'bench-svc-1%'`],
    ['a category added', sql`INSERT INTO attributes (id, link_id, taxonomy_term_id, link_type) SELECT 'x-attr', 'bench-svc-5', id, 'service' FROM taxonomy_terms LIMIT 1`],
    ['a category removed', sql`DELETE FROM attributes WHERE link_id = 'bench-svc-6'`],
    ['a category moved', sql`UPDATE attributes SET link_id = 'bench-svc-8' WHERE link_id = 'bench-svc-7'`],
    ['a term code', sql`UPDATE taxonomy_terms SET code = code || '-new' WHERE id IN (SELECT id FROM taxonomy_terms LIMIT 1)`],
    ['a language', sql`INSERT INTO languages (id, service_id, code) VALUES ('x-lang', 'bench-svc-9', 'de')`],
    ['a language code', sql`UPDATE languages SET code = 'it' WHERE service_id = 'bench-svc-10'`],
    ['a language removed', sql`DELETE FROM languages WHERE service_id = 'bench-svc-11'`],
    ['a cost', sql`UPDATE cost_options SET amount = 3 WHERE service_id IN ('bench-svc-12', 'bench-svc-13')`],
    ['a cost removed', sql`DELETE FROM cost_options WHERE service_id = 'bench-svc-14'`],
    ['a city', sql`UPDATE addresses SET city = 'Elsewhere' WHERE location_id = 'bench-loc-15'`],
    ['an address removed', sql`DELETE FROM addresses WHERE location_id = 'bench-loc-16'`],
    ['a place made virtual', sql`UPDATE locations SET location_type = 'virtual' WHERE id = 'bench-loc-17'`],
    ['a place unlinked', sql`DELETE FROM service_at_location WHERE service_id = 'bench-svc-18'`],
    ['a place linked', sql`INSERT INTO service_at_location (id, service_id, location_id) VALUES ('x-sal', 'bench-svc-19', 'bench-loc-21')`],
    ['a service added', sql`INSERT INTO services (id, organization_id, name, slug) VALUES ('x-svc', 'bench-org-1', 'New', 'x-svc')`],
    ['a service renamed', sql`UPDATE services SET id = 'x-svc-renamed', status = 'inactive' WHERE id = 'x-svc'`],
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
