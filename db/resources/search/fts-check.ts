import { sql } from 'drizzle-orm';
import type { Database } from '../../core/database';
import { rebuildResourceSearchIndex } from './fts';

/**
 * The rows the search keeps beside the services themselves, each part keyed by its id: the
 * stored text of both full-text tables, the rowid map and the search rows. Plain SELECTs, so
 * they read the same on D1 and libsql.
 */
const STORED_SEARCH_PARTS = {
  services_fts:
    'SELECT rowid AS id, name, alternate_name, description, organization, terms, facets FROM services_fts',
  services_names_fts:
    'SELECT rowid AS id, name, alternate_name, organization, pad FROM services_names_fts',
  services_fts_map: 'SELECT rowid AS id, service_id FROM services_fts_map',
  service_search_rows: 'SELECT * FROM service_search_rows',
} as const;

type StoredSearchPart = keyof typeof STORED_SEARCH_PARTS;

/**
 * Everything the search keeps: the stored rows, and the full-text indexes term by term
 * (fts5vocab, 'instance': every term, row, column and position; the index itself, not the text
 * stored beside it). Two states of the search are equal when every one of these reads the same.
 */
const SEARCH_PARTS = {
  ...STORED_SEARCH_PARTS,
  services_fts_terms: 'SELECT term, doc, col, "offset" FROM temp.services_fts_terms',
  services_names_fts_terms: 'SELECT term, doc, col, "offset" FROM temp.services_names_fts_terms',
} as const;

/**
 * The stored rows of the search, part by part, in id order: to compare two states of a small
 * database where rebuildSearchIndexAndCompare cannot run (D1 has no temporary tables).
 */
export const readStoredSearchRows = async (
  db: Database,
): Promise<Record<StoredSearchPart, unknown[]>> => {
  const parts = Object.entries(STORED_SEARCH_PARTS) as [StoredSearchPart, string][];
  const rows = await Promise.all(
    parts.map(([, select]) => db.all(sql.raw(`SELECT * FROM (${select}) ORDER BY id`))),
  );
  return Object.fromEntries(parts.map(([part], i) => [part, rows[i]])) as Record<
    StoredSearchPart,
    unknown[]
  >;
};

export type SearchPart = keyof typeof SEARCH_PARTS;

export interface SearchIndexCheck {
  /** Services in the index after the rebuild. */
  services: number;
  /** The parts whose rows differed from a rebuild, with how many rows differed; empty when none did. */
  differences: Partial<Record<SearchPart, number>>;
}

const run = (db: Database, statement: string) => db.run(sql.raw(statement));

/**
 * Rebuilds the search index of this database and says whether it was already what a rebuild
 * makes: the triggers that keep it in step lost nothing, or a backup or a crash left it whole.
 * The state before is copied into temporary tables and compared there, in SQLite, so a large
 * directory is never read into memory. It rebuilds in place: to only look, run it on a copy.
 * Local libsql only (temporary tables; D1 gets `npm run fts:rebuild -- --sql` instead).
 */
export const rebuildSearchIndexAndCompare = async (db: Database): Promise<SearchIndexCheck> => {
  const parts = Object.entries(SEARCH_PARTS) as [SearchPart, string][];
  await run(
    db,
    "CREATE VIRTUAL TABLE temp.services_fts_terms USING fts5vocab(main, 'services_fts', 'instance')",
  );
  await run(
    db,
    "CREATE VIRTUAL TABLE temp.services_names_fts_terms USING fts5vocab(main, 'services_names_fts', 'instance')",
  );
  try {
    for (const [part, select] of parts)
      await run(db, `CREATE TEMP TABLE before_${part} AS ${select}`);
    const services = await rebuildResourceSearchIndex(db);
    const differences: SearchIndexCheck['differences'] = {};
    for (const [part, select] of parts) {
      const row = await db.get<{ n: number }>(
        sql.raw(
          `SELECT (SELECT count(*) FROM (SELECT * FROM temp.before_${part} EXCEPT ${select}))
                + (SELECT count(*) FROM (${select} EXCEPT SELECT * FROM temp.before_${part})) AS n`,
        ),
      );
      if (row && row.n > 0) differences[part] = row.n;
    }
    return { services, differences };
  } finally {
    for (const [part] of parts) await run(db, `DROP TABLE IF EXISTS temp.before_${part}`);
    await run(db, 'DROP TABLE IF EXISTS temp.services_fts_terms');
    await run(db, 'DROP TABLE IF EXISTS temp.services_names_fts_terms');
  }
};
