import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildResourceSearchIndex } from '../../db/resources-fts';
import { makeTestApp, type TestApp } from './helpers';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const matching = async (query: string) =>
  (
    await t.db.all<{ id: string }>(
      sql`SELECT m.service_id AS id FROM services_fts f JOIN services_fts_map m ON m.rowid = f.rowid WHERE services_fts MATCH ${query} ORDER BY id`,
    )
  ).map((row) => row.id);

describe('the resource search index', () => {
  it('holds the platform taxonomy with English and French names', async () => {
    const rows = await t.db.all<{ code: string; en: string; fr: string }>(
      sql`SELECT t.code, t.name AS en, tr.name AS fr FROM taxonomy_terms t JOIN taxonomy_term_translations tr ON tr.taxonomy_term_id = t.id AND tr.language = 'fr'`,
    );
    expect(rows.map((r) => r.code).sort()).toEqual(
      ['counselling', 'crisis-lines', 'emergency-shelter', 'food', 'housing', 'immigration', 'legal-help', 'medical-care', 'money-benefits', 'peer-support', 'transport', 'work-school'],
    );
    expect(rows.find((r) => r.code === 'legal-help')).toMatchObject({ en: 'Legal help', fr: 'Aide juridique' });
  });

  it('follows inserts, updates and deletes of services, organizations and terms', async () => {
    await t.db.run(sql`INSERT INTO organizations (id, name, alternate_name) VALUES ('o1', 'Lantern Works', 'LW')`);
    await t.db.run(sql`INSERT INTO services (id, organization_id, name, slug, description) VALUES ('s1', 'o1', 'Harbour clinic', 'harbour-clinic', 'Advice about visas')`);
    expect(await matching('visas')).toEqual(['s1']);
    expect(await matching('lantern')).toEqual(['s1']);

    const legal = await t.db.get<{ id: string }>(sql`SELECT id FROM taxonomy_terms WHERE code = 'legal-help'`);
    await t.db.run(sql`INSERT INTO attributes (id, link_id, taxonomy_term_id, link_type) VALUES ('a1', 's1', ${legal!.id}, 'service')`);
    // French term names are searchable, accents or not.
    expect(await matching('juridique')).toEqual(['s1']);

    await t.db.run(sql`UPDATE organizations SET name = 'Beacon Works' WHERE id = 'o1'`);
    expect(await matching('lantern')).toEqual([]);
    expect(await matching('beacon')).toEqual(['s1']);

    await t.db.run(sql`UPDATE services SET description = 'Help with résidence permits' WHERE id = 's1'`);
    expect(await matching('visas')).toEqual([]);
    expect(await matching('residence')).toEqual(['s1']);

    await t.db.run(sql`DELETE FROM attributes WHERE id = 'a1'`);
    expect(await matching('juridique')).toEqual([]);

    await t.db.run(sql`DELETE FROM services WHERE id = 's1'`);
    expect(await matching('beacon')).toEqual([]);
  });

  it('can be rebuilt from scratch', async () => {
    await t.db.run(sql`INSERT INTO services (id, organization_id, name, slug) VALUES ('s2', 'o1', 'Night shelter', 'night-shelter')`);
    await t.db.run(sql`DELETE FROM services_fts`);
    expect(await matching('shelter')).toEqual([]);
    expect(await rebuildResourceSearchIndex(t.db)).toBe(1);
    expect(await matching('shelter')).toEqual(['s2']);
  });
});
