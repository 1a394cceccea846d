import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoResources } from '../../../db/demo/resources';
import { rebuildSearchIndexAndCompare } from '../../../db/resources/search/fts-check';
import { makeTestApp, type TestApp } from '../../support/app';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
  await seedDemoResources(t.db, new Date());
});
afterEach(() => t.close());

const firstRow = async (table: string) =>
  (await t.db.get<{ id: number }>(sql.raw(`SELECT min(rowid) AS id FROM ${table}`)))!.id;

// Another service than firstRow's: a change of its search row rewrites its index row (its facets).
const lastRow = async (table: string) =>
  (await t.db.get<{ id: number }>(sql.raw(`SELECT max(rowid) AS id FROM ${table}`)))!.id;

describe('rebuildSearchIndexAndCompare', () => {
  it('finds nothing to repair in an index the triggers kept', async () => {
    const check = await rebuildSearchIndexAndCompare(t.db);
    expect(check.differences).toEqual({});
    expect(check.services).toBeGreaterThan(0);
  });

  it('names what a lost index row and a wrong search row changed, and repairs both', async () => {
    await t.db.run(
      sql.raw(`DELETE FROM services_fts WHERE rowid = ${await firstRow('services_fts')}`),
    );
    await t.db.run(
      sql.raw(
        `UPDATE service_search_rows SET walk_in = 1 - walk_in WHERE id = ${await lastRow('service_search_rows')}`,
      ),
    );
    const check = await rebuildSearchIndexAndCompare(t.db);
    // The lost row: its stored text (one row) and each of its terms; the search row: old and new.
    expect(check.differences.services_fts).toBe(1);
    expect(check.differences.services_fts_terms).toBeGreaterThan(0);
    expect(check.differences.service_search_rows).toBe(2);
    expect(check.differences.services_names_fts).toBeUndefined();
    expect((await rebuildSearchIndexAndCompare(t.db)).differences).toEqual({});
  });

  it('sees index text that no longer says what the service says', async () => {
    // Written behind FTS5's back, in the table where it keeps each row's text.
    const id = await firstRow('services_names_fts');
    await t.db.run(
      sql.raw(`UPDATE services_names_fts_content SET c0 = 'Altered' WHERE id = ${id}`),
    );
    const check = await rebuildSearchIndexAndCompare(t.db);
    expect(check.differences.services_names_fts).toBe(2);
  });
});
