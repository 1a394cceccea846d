import { sql, type SQL } from 'drizzle-orm';
import type { Database } from './database';
import type { ChosenRow } from './resources-search';
import { rowChecks, rowsFilter } from './resources-search-rows';
import { BM25, distanceSquared } from './resources-search-sql';
import type { ResourceSearch } from './resources-types';

/**
 * The page of a search by words in order of relevance, from the best-ranked hits only: FTS5
 * ranks every hit (unavoidable), but only the best `k` are looked up and filtered (in their search
 * rows, by the full-text rowid: rowsCanCheck must hold), where the
 * general path looks up every hit to sort it. The page is exact when every row on it ranks
 * strictly better than the worst of those `k` (so no hit left out can come before it, ties
 * included), or when there were no more than `k` hits. Otherwise null: use the general path.
 * The count comes back with it, from the same statement.
 */
export const rankedPage = async (
  db: Database,
  withCtes: SQL,
  search: ResourceSearch,
  match: string,
  /** The count's query (rowCountQuery), answered by the same statement: one statement fewer. */
  countQuery: SQL,
): Promise<{ chosen: ChosenRow[] | null; found: number }> => {
  const offset = (search.page - 1) * search.pageSize;
  const wanted = offset + search.pageSize;
  const radius = search.near?.radiusKm;
  // Filters may drop most hits; ten times the rows needed covers most searches in one pass. Without
  // filters only inactive services drop out, so a few more than the page (ties) are enough, and
  // fewer hits are looked up; if not, the page cannot be proved and the general path answers.
  const filtered = rowsFilter(search) || radius !== undefined;
  const k = filtered ? Math.max(300, wanted * 10) : Math.max(50, wanted * 3);
  // `checked` is materialized so each hit's checks run once, not again for the order.
  const rows = await db.all<{ rank: number; id: string | null; total: number }>(sql`${withCtes},
    hits AS MATERIALIZED (SELECT rowid AS fts_rowid, ${BM25} AS rank FROM services_fts
      WHERE services_fts MATCH ${match} ORDER BY rank LIMIT ${sql.raw(String(k))}),
    checked AS MATERIALIZED (SELECT hits.rank AS rank, s.verified_at AS verified_at, s.name AS name,
        CASE WHEN ${rowChecks(search)}${radius ? sql` AND ${distanceSquared} <= ${radius * radius}` : sql``} THEN s.id END AS id
      FROM hits LEFT JOIN service_search_rows r ON r.id = hits.fts_rowid LEFT JOIN services s ON s.id = r.service_id CROSS JOIN here)
    SELECT rank, id, (${countQuery}) AS total FROM checked ORDER BY id IS NULL, rank ASC, verified_at DESC, name`);
  // No row means no hit, so nothing to count either.
  const found = rows[0]?.total ?? 0;
  const passing = rows.filter((row) => row.id !== null).map((row) => ({ rank: row.rank, id: row.id! }));
  if (rows.length < k) return { chosen: passing.slice(offset, wanted), found };
  const worst = Math.max(...rows.map((row) => row.rank));
  const sure = passing.filter((row) => row.rank < worst).length;
  return { chosen: sure >= wanted ? passing.slice(offset, wanted) : null, found };
};

/**
 * The page and the count of a search by words with filters, in order of relevance: each hit is
 * tested in its search row first, and only the hits that pass are ranked (bm25 is worked out for
 * a row only when SQLite asks for it, and it costs more per hit than the row's checks). Every
 * passing hit is ranked, so the page is exact, and their number is the count: no second pass
 * over the hits. Without a selective filter `rankedPage` ranks fewer rows; a radius is measured
 * there too (a distance per hit costs more than ranking it).
 */
export const filteredRankedPage = async (db: Database, withCtes: SQL, search: ResourceSearch, match: string): Promise<{ chosen: ChosenRow[]; found: number }> => {
  const offset = (search.page - 1) * search.pageSize;
  const wanted = offset + search.pageSize;
  // Rows ranked no worse than the `wanted`-th best hold the page, ties included; only they are
  // looked up and ordered in full (rank, then newest verified, then name: searchOrder).
  const rows = await db.all<{ id: string | null; position: number | null; total: number | null }>(sql`${withCtes},
    passing AS MATERIALIZED (SELECT r.service_id AS id, ${BM25} AS rank
      FROM services_fts CROSS JOIN service_search_rows r ON r.id = services_fts.rowid
      WHERE services_fts MATCH ${match} AND ${rowChecks(search)}),
    cut AS (SELECT rank FROM passing ORDER BY rank LIMIT 1 OFFSET ${sql.raw(String(wanted - 1))}),
    ordered AS (SELECT p.id AS id, row_number() OVER (ORDER BY p.rank ASC, s.verified_at DESC, s.name) AS position
      FROM passing p CROSS JOIN services s ON s.id = p.id
      WHERE NOT EXISTS (SELECT 1 FROM cut) OR p.rank <= (SELECT rank FROM cut))
    SELECT id, position, NULL AS total FROM ordered WHERE position > ${sql.raw(String(offset))} AND position <= ${sql.raw(String(wanted))}
    UNION ALL SELECT NULL, NULL, count(*) FROM passing`);
  const chosen = rows
    .filter((row): row is { id: string; position: number; total: null } => row.id !== null)
    .sort((a, b) => a.position - b.position)
    .map(({ id }) => ({ id }));
  return { chosen, found: rows.find((row) => row.id === null)?.total ?? 0 };
};
