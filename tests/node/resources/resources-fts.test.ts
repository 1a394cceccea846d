import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildResourceSearchIndex } from '../../../db/resources/search/fts';
import { queryTerms } from '../../../db/resources/search/text-query';
import { makeTestApp, type TestApp } from '../../support/app';

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

/** The services whose names hold every word (the names index, ranked first by a search). */
const named = async (query: string) =>
  (
    await t.db.all<{ id: string }>(
      sql`SELECT m.service_id AS id FROM services_names_fts f JOIN services_fts_map m ON m.rowid = f.rowid WHERE services_names_fts MATCH ${query} ORDER BY id`,
    )
  ).map((row) => row.id);

describe('the resource search index', () => {
  it('holds the platform taxonomy with English and French names', async () => {
    const rows = await t.db.all<{ code: string; en: string; fr: string }>(
      sql`SELECT t.code, t.name AS en, tr.name AS fr FROM taxonomy_terms t JOIN taxonomy_term_translations tr ON tr.taxonomy_term_id = t.id AND tr.language = 'fr'`,
    );
    expect(rows.map((r) => r.code).sort()).toEqual([
      'counselling',
      'crisis-lines',
      'emergency-shelter',
      'food',
      'housing',
      'immigration',
      'legal-help',
      'medical-care',
      'money-benefits',
      'peer-support',
      'transport',
      'work-school',
    ]);
    expect(rows.find((r) => r.code === 'legal-help')).toMatchObject({
      en: 'Legal help',
      fr: 'Aide juridique',
    });
  });

  it('follows inserts, updates and deletes of services, organizations and terms', async () => {
    await t.db.run(
      sql`INSERT INTO organizations (id, name, alternate_name) VALUES ('o1', 'Lantern Works', 'LW')`,
    );
    await t.db.run(
      sql`INSERT INTO services (id, organization_id, name, slug, description) VALUES ('s1', 'o1', 'Harbour clinic', 'harbour-clinic', 'Advice about visas')`,
    );
    expect(await matching('visas')).toEqual(['s1']);
    expect(await matching('lantern')).toEqual(['s1']);

    const legal = await t.db.get<{ id: string }>(
      sql`SELECT id FROM taxonomy_terms WHERE code = 'legal-help'`,
    );
    await t.db.run(
      sql`INSERT INTO attributes (id, link_id, taxonomy_term_id, link_type) VALUES ('a1', 's1', ${legal!.id}, 'service')`,
    );
    // French term names are searchable, accents or not.
    expect(await matching('juridique')).toEqual(['s1']);

    await t.db.run(sql`UPDATE organizations SET name = 'Beacon Works' WHERE id = 'o1'`);
    expect(await matching('lantern')).toEqual([]);
    expect(await matching('beacon')).toEqual(['s1']);

    await t.db.run(
      sql`UPDATE services SET description = 'Help with résidence permits' WHERE id = 's1'`,
    );
    expect(await matching('visas')).toEqual([]);
    expect(await matching('residence')).toEqual(['s1']);

    await t.db.run(sql`DELETE FROM attributes WHERE id = 'a1'`);
    expect(await matching('juridique')).toEqual([]);

    await t.db.run(sql`DELETE FROM services WHERE id = 's1'`);
    expect(await matching('beacon')).toEqual([]);
  });

  it("keeps each service's filters in its index row (facets), through every table they come from", async () => {
    // Tokens start with U+E000; written here with _ for that character.
    const hex = (text: string) => Buffer.from(text).toString('hex');
    const facets = async (id: string) => {
      const row = await t.db.get<{ facets: string }>(
        sql`SELECT f.facets FROM services_fts f JOIN services_fts_map m ON m.rowid = f.rowid WHERE m.service_id = ${id}`,
      );
      return row!.facets.toLowerCase().replaceAll('\uE000', '_').split(' ').filter(Boolean).sort();
    };
    await t.db.run(sql`INSERT INTO organizations (id, name) VALUES ('of', 'Facet Org')`);
    await t.db.run(
      sql`INSERT INTO services (id, organization_id, name, slug, status) VALUES ('f1', 'of', 'Facet service', 'facet-service', 'active')`,
    );
    // No place at all: online only.
    expect(await facets('f1')).toEqual(['_o']);

    await t.db.run(
      sql`INSERT INTO languages (id, service_id, code, name) VALUES ('fl1', 'f1', 'fr', 'French'), ('fl2', 'f1', 'zh-Hant', 'Chinese')`,
    );
    await t.db.run(sql`INSERT INTO cost_options (id, service_id, amount) VALUES ('fc1', 'f1', 0)`);
    await t.db.run(
      sql`UPDATE services SET walk_in = 1, trauma_informed = 1, survivor_led = 1 WHERE id = 'f1'`,
    );
    const food = await t.db.get<{ id: string }>(
      sql`SELECT id FROM taxonomy_terms WHERE code = 'food'`,
    );
    await t.db.run(
      sql`INSERT INTO attributes (id, link_id, taxonomy_term_id, link_type) VALUES ('fa1', 'f1', ${food!.id}, 'service')`,
    );
    expect(await facets('f1')).toEqual(
      ['_c' + hex('food'), '_f', '_l' + hex('fr'), '_l' + hex('zh-Hant'), '_o', '_s', '_t', '_w']
        .map((f) => f.toLowerCase())
        .sort(),
    );

    // A place with a city of two words: one token; no longer online only.
    await t.db.run(sql`INSERT INTO locations (id, name) VALUES ('floc', 'Facet place')`);
    await t.db
      .run(sql`INSERT INTO addresses (id, location_id, address_1, city, state_province, postal_code, country)
      VALUES ('fad', 'floc', '1 Quay', 'Saint-Jean Port', 'QC', 'G0G 0G0', 'CA')`);
    await t.db.run(
      sql`INSERT INTO service_at_location (id, service_id, location_id) VALUES ('fsal', 'f1', 'floc')`,
    );
    let now = await facets('f1');
    expect(now).toContain('_y' + hex('Saint-Jean Port').toLowerCase());
    expect(now).not.toContain('_o');
    await t.db.run(sql`UPDATE addresses SET city = 'Gaspé' WHERE id = 'fad'`);
    expect(await facets('f1')).toContain('_y' + hex('Gaspé').toLowerCase());
    await t.db.run(sql`UPDATE locations SET location_type = 'virtual' WHERE id = 'floc'`);
    expect(await facets('f1')).toContain('_o');

    // A cost, a language, a category and the status taken away.
    await t.db.run(sql`UPDATE cost_options SET amount = 5 WHERE id = 'fc1'`);
    await t.db.run(sql`DELETE FROM languages WHERE id = 'fl1'`);
    await t.db.run(sql`DELETE FROM attributes WHERE id = 'fa1'`);
    await t.db.run(sql`UPDATE services SET status = 'inactive', walk_in = 0 WHERE id = 'f1'`);
    now = await facets('f1');
    expect(now).toContain('_i');
    for (const gone of ['_f', '_w', '_l' + hex('fr'), '_c' + hex('food')])
      expect(now).not.toContain(gone.toLowerCase());
    // Words and names are still there, and a word typed can never reach a facet.
    expect(await matching('facet')).toContain('f1');
    expect(await matching('"\uE000i"')).toContain('f1');
    expect(await matching('i')).not.toContain('f1');
    expect(queryTerms('\uE000i \uE000f')).toEqual(['i', 'f']);
    await t.db.run(sql`DELETE FROM services WHERE id = 'f1'`);
    expect(await matching('"\uE000i"')).toEqual([]);
  });

  it('keeps the names index in step: names, other names and organizations, by the same rowids', async () => {
    await t.db.run(
      sql`INSERT INTO organizations (id, name) VALUES ('o2', 'Tidewater Trust'), ('o3', 'Gull Street Aid')`,
    );
    await t.db
      .run(sql`INSERT INTO services (id, organization_id, name, alternate_name, slug, description)
      VALUES ('n1', 'o2', 'Quay kitchen', 'Soup point', 'quay-kitchen', 'Meals by the harbour')`);
    expect(await named('quay')).toEqual(['n1']);
    expect(await named('soup')).toEqual(['n1']);
    expect(await named('tidewater')).toEqual(['n1']);
    // Descriptions are not names, and the padding matches nothing a person can type.
    expect(await named('harbour')).toEqual([]);
    expect(queryTerms('\uE001')).toEqual([]);

    await t.db.run(
      sql`UPDATE services SET name = 'Pier kitchen', organization_id = 'o3' WHERE id = 'n1'`,
    );
    expect(await named('quay')).toEqual([]);
    expect(await named('tidewater')).toEqual([]);
    expect(await named('pier gull')).toEqual(['n1']);
    await t.db.run(sql`UPDATE organizations SET name = 'Heron Street Aid' WHERE id = 'o3'`);
    expect(await named('gull')).toEqual([]);
    expect(await named('heron')).toEqual(['n1']);
    // A new id keeps its place in both indexes.
    await t.db.run(sql`UPDATE services SET id = 'n1b' WHERE id = 'n1'`);
    expect(await named('pier')).toEqual(['n1b']);
    expect(await matching('pier')).toEqual(['n1b']);
    // A longer text makes a longer row (the padding): of two services with the same name, the one
    // that says less ranks first, as in services_fts. (Other services, so that the word is rare.)
    for (let i = 0; i < 20; i++) {
      await t.db.run(
        sql`INSERT INTO services (id, organization_id, name, slug) VALUES (${`pad-${i}`}, 'o2', ${`Filler ${i}`}, ${`filler-${i}`})`,
      );
    }
    // Words one per line count as words; a huge text pads no more than 20,000 of them.
    const lines = Array.from({ length: 30 }, (_, i) => `word${i}`).join('\n');
    await t.db.run(
      sql`INSERT INTO services (id, organization_id, name, slug, description) VALUES ('n2', 'o3', 'Pier kitchen', 'pier-kitchen-2', ${lines})`,
    );
    const ranked = await t.db.all<{
      id: string;
    }>(sql`SELECT m.service_id AS id FROM services_names_fts f JOIN services_fts_map m ON m.rowid = f.rowid
      WHERE services_names_fts MATCH 'pier' ORDER BY bm25(services_names_fts, 10.0, 6.0, 4.0, 0.0)`);
    expect(ranked.map((row) => row.id)).toEqual(['n1b', 'n2']);
    await t.db.run(
      sql`UPDATE services SET description = ${'word '.repeat(30_000)} WHERE id = 'n2'`,
    );
    const padded = await t.db.get<{ n: number }>(
      sql`SELECT length(f.pad) AS n FROM services_names_fts f JOIN services_fts_map m ON m.rowid = f.rowid WHERE m.service_id = 'n2'`,
    );
    expect(padded!.n).toBe(2 * 20_000);
    await t.db.run(sql`DELETE FROM services WHERE id = 'n2' OR id LIKE 'pad-%'`);

    await t.db.run(sql`DELETE FROM services WHERE id = 'n1b'`);
    expect(await named('heron')).toEqual([]);
    const orphans = await t.db.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM services_names_fts WHERE rowid NOT IN (SELECT rowid FROM services_fts_map)`,
    );
    expect(orphans!.n).toBe(0);
  });

  it('follows a translation moved from one category to another, in both indexes', async () => {
    const [food, transport] = await Promise.all(
      ['food', 'transport'].map(
        async (code) =>
          (await t.db.get<{ id: string }>(sql`SELECT id FROM taxonomy_terms WHERE code = ${code}`))!
            .id,
      ),
    );
    await t.db.run(
      sql`INSERT INTO services (id, organization_id, name, slug) VALUES ('tm', 'o1', 'Moved term service', 'moved-term')`,
    );
    await t.db.run(
      sql`INSERT INTO attributes (id, link_id, taxonomy_term_id, link_type) VALUES ('tma', 'tm', ${food}, 'service')`,
    );
    await t.db.run(
      sql`INSERT INTO taxonomy_term_translations (taxonomy_term_id, language, name) VALUES (${food}, 'de', 'Lebensmittelhilfe')`,
    );
    expect(await matching('lebensmittelhilfe')).toEqual(['tm']);
    await t.db.run(
      sql`UPDATE taxonomy_term_translations SET taxonomy_term_id = ${transport} WHERE taxonomy_term_id = ${food} AND language = 'de'`,
    );
    expect(await matching('lebensmittelhilfe')).toEqual([]);
    const before = await t.db.get<{ pad: string }>(
      sql`SELECT f.pad FROM services_names_fts f JOIN services_fts_map m ON m.rowid = f.rowid WHERE m.service_id = 'tm'`,
    );
    await rebuildResourceSearchIndex(t.db);
    const after = await t.db.get<{ pad: string }>(
      sql`SELECT f.pad FROM services_names_fts f JOIN services_fts_map m ON m.rowid = f.rowid WHERE m.service_id = 'tm'`,
    );
    expect(before).toEqual(after);
    await t.db.run(sql`DELETE FROM taxonomy_term_translations WHERE language = 'de'`);
    await t.db.run(sql`DELETE FROM services WHERE id = 'tm'`);
  });

  it('can be rebuilt from scratch', async () => {
    await t.db.run(
      sql`INSERT INTO services (id, organization_id, name, slug) VALUES ('s2', 'o1', 'Night shelter', 'night-shelter')`,
    );
    await t.db.run(sql`DELETE FROM services_fts`);
    await t.db.run(sql`DELETE FROM services_names_fts`);
    expect(await matching('shelter')).toEqual([]);
    const services = await t.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM services`);
    expect(await rebuildResourceSearchIndex(t.db)).toBe(services!.n);
    expect(await matching('shelter')).toEqual(['s2']);
    expect(await named('shelter')).toEqual(['s2']);
  });
});
