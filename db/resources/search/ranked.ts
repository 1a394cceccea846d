import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../core/database';
import type { ChosenRow } from './chosen';
import { facetRowChecks, withFacets } from './facets';
import { rowChecks, rowsFilter } from './rows';
import { BM25, distanceSquared, nameHits } from './sql';
import type { TextMatch } from './text-query';
import type { ResourceSearch } from '../types';

/**
 * Relevance comes in two tiers: the hits with every word in a name (the service's, its other name
 * or its organization's) first, ranked by bm25 over the names (services_names_fts, whose padding
 * gives each row the length of the service's whole text), then the other hits, ranked by bm25
 * over every column (services_fts). Ranking costs about a microsecond a hit, and names hold a
 * word far less often than descriptions do: a page of the first tier ranks a third of the hits or
 * fewer, from an index of names only. The general path orders the same way (`tier`, then `rank`:
 * searchOrder).
 */
interface Tier {
  /** The passing hits among the best-ranked, in page order. */
  passing: ChosenRow[];
  /** How many of them rank strictly better than the worst hit read (the order of those is sure). */
  sure: number;
  /** Whether every hit of the tier was read. */
  complete: boolean;
  /** The count's answer, when a count query was given. */
  found: number;
}

/**
 * The best `k` hits of one tier (`hits`: a query of `fts_rowid` and `rank`), then looked up and
 * filtered in their search rows by the full-text rowid (rowsCanCheck must hold). The count's
 * query, if given, is answered by the same statement: one statement fewer. It counts every hit,
 * not the tier's, so it comes as the one row of `counted`, joined to the hits: a tier without a
 * hit still answers it (one row whose rank is NULL, as no hit's is).
 */
const rankTier = async (
  db: Database,
  withCtes: SQL,
  search: ResourceSearch,
  hits: SQL,
  k: number,
  countQuery?: SQL,
): Promise<Tier> => {
  const radius = search.near?.radiusKm;
  // `checked` is materialized so each hit's checks run once, not again for the order.
  const rows = await db.all<{
    rank: number | null;
    id: string | null;
    total: number | null;
  }>(sql`${withCtes},
    hits AS MATERIALIZED (${hits} ORDER BY rank LIMIT ${sql.raw(String(k))}),
    checked AS MATERIALIZED (SELECT hits.rank AS rank, s.verified_at AS verified_at, s.name AS name,
        CASE WHEN ${rowChecks(search)}${radius ? sql` AND ${distanceSquared} <= ${radius * radius}` : sql``} THEN s.id END AS id
      FROM hits LEFT JOIN service_search_rows r ON r.id = hits.fts_rowid LEFT JOIN services s ON s.id = r.service_id CROSS JOIN here),
    counted AS (SELECT ${countQuery ? sql`(${countQuery})` : sql`NULL`} AS total)
    SELECT checked.rank AS rank, checked.id AS id, counted.total AS total FROM counted LEFT JOIN checked ON 1
    ORDER BY checked.id IS NULL, checked.rank ASC, checked.verified_at DESC, checked.name`);
  const read = rows.filter((row): row is typeof row & { rank: number } => row.rank !== null);
  const passing = read
    .filter((row) => row.id !== null)
    .map((row) => ({ rank: row.rank, id: row.id! }));
  const complete = read.length < k;
  const worst = Math.max(...read.map((row) => row.rank));
  return {
    passing: passing.map(({ id }) => ({ id })),
    sure: complete ? passing.length : passing.filter((row) => row.rank < worst).length,
    complete,
    found: rows[0]?.total ?? 0,
  };
};

/** How many of a tier's best hits to read for `wanted` rows: filters may drop most of them. */
const tierSize = (search: ResourceSearch, wanted: number) =>
  // Ten times the rows needed covers most filtered searches in one pass. Without filters only
  // inactive services drop out, so a few more than the page (ties) are enough.
  rowsFilter(search) || search.near?.radiusKm !== undefined
    ? Math.max(300, wanted * 10)
    : Math.max(50, wanted * 3);

/**
 * The page of a search by words in order of relevance, from the best-ranked hits of each tier
 * only, where the general path looks up every hit to sort it. A tier's rows are sure when every
 * hit of it was read, or when they rank strictly better than the worst hit read (no hit left out
 * can come before them, ties included). The second tier is read only when the first holds fewer
 * rows than the page needs. Null when the page cannot be proved: use the general path.
 * The count (of every hit) comes back with it, from the first statement.
 */
export const rankedPage = async (
  db: Database,
  withCtes: SQL,
  search: ResourceSearch,
  text: TextMatch,
  /** The count's query (rowCountQuery), answered by the first statement. */
  countQuery: SQL,
): Promise<{ chosen: ChosenRow[] | null; found: number }> => {
  const offset = (search.page - 1) * search.pageSize;
  const wanted = offset + search.pageSize;
  const first = await rankTier(
    db,
    withCtes,
    search,
    nameHits(text.names),
    tierSize(search, wanted),
    countQuery,
  );
  const found = first.found;
  if (first.sure >= wanted) return { chosen: first.passing.slice(offset, wanted), found };
  if (!first.complete) return { chosen: null, found };
  // Every hit of the first tier is known, and the page goes on into the second.
  const before = first.passing.length;
  const chosen = first.passing.slice(offset);
  if (text.namesOnly) return { chosen, found };
  const needed = wanted - before;
  const second = await rankTier(
    db,
    withCtes,
    search,
    sql`SELECT rowid AS fts_rowid, ${BM25} AS rank FROM services_fts
      WHERE services_fts MATCH ${text.all} AND rowid NOT IN (SELECT rowid FROM services_names_fts WHERE services_names_fts MATCH ${text.names})`,
    tierSize(search, needed),
  );
  if (second.sure < needed && !second.complete) return { chosen: null, found };
  return {
    chosen: [...chosen, ...second.passing.slice(Math.max(0, offset - before), needed)],
    found,
  };
};

/**
 * The page and the count of a search by words with filters, in order of relevance: the index
 * finds the hits that pass the filters (withFacets), and only those are ranked (bm25 is worked
 * out for a row only when SQLite asks for it): the passing name hits first, and the other
 * passing hits only when those are too few for the page.
 * Every passing hit of a tier read is ranked, so the page is exact, and the passing hits' number
 * is the count. Without a selective filter `rankedPage` ranks fewer rows; a radius is measured
 * there too (a distance per hit costs more than ranking it).
 */
export const filteredRankedPage = async (
  db: Database,
  withCtes: SQL,
  search: ResourceSearch,
  text: TextMatch,
): Promise<{ chosen: ChosenRow[]; found: number }> => {
  const offset = (search.page - 1) * search.pageSize;
  const wanted = offset + search.pageSize;
  // The passing hits come from the index (withFacets): a hit's search row is read only for "open now".
  const left = facetRowChecks(search);
  // `+rowid` keeps the list of passing hits from being handed to FTS5 as a rowid constraint (one
  // full-text query per value); SQLite tests each hit against it instead. The other hits are read
  // only when the name hits are too few for the page: LIMIT 0 skips the query (a false WHERE
  // would not, as SQLite still runs the full-text query).
  // Rows ranked no worse than the `wanted`-th best hold the page, ties included; only they are
  // looked up and ordered in full (tier, rank, then newest verified, then name: searchOrder).
  const rows = await db.all<{
    id: string | null;
    position: number | null;
    total: number | null;
  }>(sql`${withCtes},
    passing AS MATERIALIZED (SELECT services_fts.rowid AS fts_rowid
      FROM services_fts${left ? sql` CROSS JOIN service_search_rows r ON r.id = services_fts.rowid` : sql``}
      WHERE services_fts MATCH ${withFacets(text.all, search)}${left ? sql` AND ${left}` : sql``}),
    named AS MATERIALIZED (${nameHits(text.names)} AND +rowid IN (SELECT fts_rowid FROM passing)),
    others AS MATERIALIZED (SELECT rowid AS fts_rowid, ${BM25} AS rank FROM services_fts
      WHERE services_fts MATCH ${text.all} AND +rowid IN (SELECT fts_rowid FROM passing) AND +rowid NOT IN (SELECT fts_rowid FROM named)
      LIMIT iif((SELECT count(*) FROM named) < ${sql.raw(String(wanted))}, -1, 0)),
    ranked AS (SELECT fts_rowid, 0 AS tier, rank FROM named UNION ALL SELECT fts_rowid, 1 AS tier, rank FROM others),
    cut AS (SELECT tier, rank FROM ranked ORDER BY tier, rank LIMIT 1 OFFSET ${sql.raw(String(wanted - 1))}),
    ordered AS (SELECT r.service_id AS id, row_number() OVER (ORDER BY ra.tier ASC, ra.rank ASC, s.verified_at DESC, s.name) AS position
      FROM ranked ra CROSS JOIN service_search_rows r ON r.id = ra.fts_rowid CROSS JOIN services s ON s.id = r.service_id
      WHERE NOT EXISTS (SELECT 1 FROM cut) OR (ra.tier, ra.rank) <= (SELECT tier, rank FROM cut))
    SELECT id, position, NULL AS total FROM ordered WHERE position > ${sql.raw(String(offset))} AND position <= ${sql.raw(String(wanted))}
    UNION ALL SELECT NULL, NULL, count(*) FROM passing`);
  const chosen = rows
    .filter((row): row is { id: string; position: number; total: null } => row.id !== null)
    .sort((a, b) => a.position - b.position)
    .map(({ id }) => ({ id }));
  return { chosen, found: rows.find((row) => row.id === null)?.total ?? 0 };
};
