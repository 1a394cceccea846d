import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSearchOptions, zonesInUse } from '../../../db/resources/options';
import { seedDemoResources } from '../../../db/demo/resources';
import { makeTestApp, type TestApp } from '../../support/app';
import { TestBrowser } from '../../support/browser';

// The filter options and the zones in use are kept per database handle; every change to what
// they are read from must show on the next read, whoever made it (the app, an import, a script).
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
  await seedDemoResources(t.db, new Date('2026-11-26T15:00:00Z'));
});
afterAll(() => t.close());

const anyService = async () =>
  (await t.db.get<{ id: string }>(sql`SELECT id FROM services LIMIT 1`))!.id;
const anyLocation = async () =>
  (await t.db.get<{ id: string }>(sql`SELECT location_id AS id FROM addresses LIMIT 1`))!.id;

describe('filter options and zones kept until they change', () => {
  it('has, after every migration, a trigger for each way the tables they read can change', async () => {
    // A later migration that rebuilds one of these tables drops its triggers silently; the cache
    // would then go stale with no error. This says so.
    const triggers = (
      await t.db.all<{ name: string }>(
        sql`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_options_version_after_%'`,
      )
    ).map((row) => row.name);
    for (const table of [
      'taxonomy_terms',
      'taxonomy_term_translations',
      'languages',
      'addresses',
      'locations',
      'service_at_location',
    ]) {
      for (const change of ['insert', 'update', 'delete'])
        expect(triggers, table).toContain(`search_options_version_after_${table}_${change}`);
    }
    expect(triggers).toContain('search_options_version_after_services_update');
  });

  it('answers twice from one read while nothing changes', async () => {
    expect(await listSearchOptions(t.db)).toBe(await listSearchOptions(t.db));
    expect(await zonesInUse(t.db)).toBe(await zonesInUse(t.db));
  });

  it('sees a new language, city, category, translation and zone at once, and their removal', async () => {
    const service = await anyService();
    await t.db.run(
      sql`INSERT INTO languages (id, service_id, code) VALUES ('cache-lang', ${service}, 'qu')`,
    );
    expect((await listSearchOptions(t.db)).languages).toContain('qu');
    await t.db.run(sql`UPDATE languages SET code = 'ay' WHERE id = 'cache-lang'`);
    expect((await listSearchOptions(t.db)).languages).toEqual(expect.arrayContaining(['ay']));
    expect((await listSearchOptions(t.db)).languages).not.toContain('qu');
    await t.db.run(sql`DELETE FROM languages WHERE id = 'cache-lang'`);
    expect((await listSearchOptions(t.db)).languages).not.toContain('ay');

    const location = await anyLocation();
    await t.db.run(sql`UPDATE addresses SET city = 'Cachetown' WHERE location_id = ${location}`);
    expect((await listSearchOptions(t.db)).cities).toContain('Cachetown');

    await t.db.run(
      sql`INSERT INTO taxonomy_terms (id, code, name, description, language) VALUES ('cache-term', 'cache-code', 'Cache term', '', 'en')`,
    );
    expect((await listSearchOptions(t.db)).categories.map((c) => c.code)).toContain('cache-code');
    await t.db.run(
      sql`INSERT INTO taxonomy_term_translations (taxonomy_term_id, language, name) VALUES ('cache-term', 'fr', 'Terme')`,
    );
    expect(
      (await listSearchOptions(t.db)).categories.find((c) => c.code === 'cache-code')?.names,
    ).toEqual({ en: 'Cache term', fr: 'Terme' });
    await t.db.run(
      sql`UPDATE taxonomy_term_translations SET name = 'Terme caché' WHERE taxonomy_term_id = 'cache-term'`,
    );
    expect(
      (await listSearchOptions(t.db)).categories.find((c) => c.code === 'cache-code')?.names.fr,
    ).toBe('Terme caché');
    await t.db.run(sql`DELETE FROM taxonomy_terms WHERE id = 'cache-term'`);
    expect((await listSearchOptions(t.db)).categories.map((c) => c.code)).not.toContain(
      'cache-code',
    );

    await t.db.run(sql`UPDATE locations SET time_zone = 'Pacific/Auckland' WHERE id = ${location}`);
    expect(await zonesInUse(t.db)).toContain('Pacific/Auckland');
  });

  it('offers only the languages and cities of active services, and follows a status or a place as it changes', async () => {
    await t.db.run(sql`INSERT INTO organizations (id, name) VALUES ('cache-org', 'Cache Org')`);
    await t.db.run(
      sql`INSERT INTO services (id, organization_id, name, slug, status) VALUES ('cache-svc', 'cache-org', 'Cache service', 'cache-service', 'inactive')`,
    );
    await t.db.run(
      sql`INSERT INTO languages (id, service_id, code) VALUES ('cache-lang-2', 'cache-svc', 'tlh')`,
    );
    await t.db.run(sql`INSERT INTO locations (id, name) VALUES ('cache-loc', 'Cache place')`);
    await t.db
      .run(sql`INSERT INTO addresses (id, location_id, address_1, city, state_province, postal_code, country)
      VALUES ('cache-addr', 'cache-loc', '1 Cache Road', 'Onlyinactive', 'ON', 'K0K 0K0', 'CA')`);
    await t.db.run(
      sql`INSERT INTO service_at_location (id, service_id, location_id) VALUES ('cache-sal', 'cache-svc', 'cache-loc')`,
    );
    let options = await listSearchOptions(t.db);
    expect(options.languages).not.toContain('tlh');
    expect(options.cities).not.toContain('Onlyinactive');

    await t.db.run(sql`UPDATE services SET status = 'active' WHERE id = 'cache-svc'`);
    options = await listSearchOptions(t.db);
    expect(options.languages).toContain('tlh');
    expect(options.cities).toContain('Onlyinactive');

    // The place no longer used by the service: its city goes, the language stays.
    await t.db.run(sql`DELETE FROM service_at_location WHERE id = 'cache-sal'`);
    options = await listSearchOptions(t.db);
    expect(options.cities).not.toContain('Onlyinactive');
    expect(options.languages).toContain('tlh');
    await t.db.run(sql`DELETE FROM services WHERE id = 'cache-svc'`);
    expect((await listSearchOptions(t.db)).languages).not.toContain('tlh');
  });

  it('draws the search form from the options as they are now, in each language', async () => {
    // The form keeps its sorted lists per set of options and language (search-form.ts): a change
    // must show on the next page all the same, in English and in French.
    const form = async (language: string) =>
      (await new TestBrowser(t).get('/resources', { 'Accept-Language': language })).text();
    for (const language of ['en', 'fr']) expect(await form(language)).not.toContain('value="qu"');
    const service = await anyService();
    await t.db.run(
      sql`INSERT INTO languages (id, service_id, code) VALUES ('form-lang', ${service}, 'qu')`,
    );
    await t.db.run(
      sql`INSERT INTO taxonomy_terms (id, code, name, description, language) VALUES ('form-term', 'form-code', 'Form term', '', 'en')`,
    );
    await t.db.run(
      sql`INSERT INTO taxonomy_term_translations (taxonomy_term_id, language, name) VALUES ('form-term', 'fr', 'Terme du formulaire')`,
    );
    expect(await form('en')).toMatch(/<option value="form-code">Form term</);
    expect(await form('fr')).toMatch(/<option value="form-code">Terme du formulaire</);
    for (const language of ['en', 'fr']) expect(await form(language)).toContain('value="qu"');
    await t.db.run(sql`DELETE FROM languages WHERE id = 'form-lang'`);
    await t.db.run(sql`DELETE FROM taxonomy_terms WHERE id = 'form-term'`);
    for (const language of ['en', 'fr']) {
      const page = await form(language);
      expect(page).not.toContain('value="qu"');
      expect(page).not.toContain('value="form-code"');
    }
  });

  it("is not moved by the search triggers' own writes to places", async () => {
    const before = await t.db.get<{ version: number }>(
      sql`SELECT version FROM search_options_version`,
    );
    await t.db.run(
      sql`UPDATE locations SET latitude = latitude + 0.001 WHERE id = ${await anyLocation()}`,
    );
    expect(
      await t.db.get<{ version: number }>(sql`SELECT version FROM search_options_version`),
    ).toEqual(before);
  });
});
