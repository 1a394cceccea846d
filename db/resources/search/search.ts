import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../core/database';
import { zoneNowTable } from '../open-now';
import { zonesInUse } from '../options';
import type { ChosenRow, SearchPath } from './chosen';
import { appliedFilters } from './filter-definitions';
import { searchFilters, searchOrder } from './filters';
import { nearestPage } from './nearest';
import { newestPage } from './newest';
import { filteredRankedPage, rankedPage } from './ranked';
import { rowCount, rowCountQuery } from './count';
import { rowsCanCheck, rowsSelective } from './rows';
import {
  BM25,
  distanceSquared,
  hereTable,
  nameHits,
  PAGE_DETAILS,
  placesWithin,
  toSummary,
  type Row,
} from './sql';
import { toTextMatch, type TextMatch } from './text-query';
import type { ResourceSearch, ResourceSearchResult } from '../types';

/** Results are counted up to this many. */
export const MAX_COUNTED = 1000;

/**
 * Without words or radius, the ids of the filter that is usually the most selective (category,
 * then language, then city: the first in filter-definitions.ts with a leading set), read once from
 * its index, lead; the other filters check each of them by key, and a count stops after its cap
 * instead of building every filter's whole set.
 */
const leadingSet = (search: ResourceSearch): SQL | null => {
  for (const filter of appliedFilters(search)) {
    const set = filter.definition.leading?.(filter.value);
    if (set) return set;
  }
  return null;
};

/**
 * The CTEs `name_hits` (with words) and `base`: every result, unordered. With words, the full-text
 * index leads: CROSS JOIN fixes that join order in SQLite, so the match runs once and each hit is
 * looked up by key; a hit with every word in a name is in the first tier, ranked by its names
 * alone (rankTier). With a radius and no words, the places in the circle lead, read from the
 * position index; otherwise the leading filter's set, if any.
 */
const baseTable = (search: ResourceSearch, text: TextMatch | null): SQL => {
  const match = text?.all ?? null;
  const near = search.near;
  const leading = match
    ? null
    : near?.radiusKm
      ? placesWithin(near, near.radiusKm)
      : leadingSet(search);
  const from = match
    ? sql`services_fts CROSS JOIN services_fts_map m ON m.rowid = services_fts.rowid CROSS JOIN services s ON s.id = m.service_id`
    : leading
      ? sql`${leading} AS leading CROSS JOIN services s ON s.id = leading.service_id`
      : sql`services s`;
  const where = searchFilters(search, !!match || !!leading);
  const names = text ? sql`name_hits AS MATERIALIZED (${nameHits(text.names)}), ` : sql``;
  return sql`${names}base AS (
    SELECT s.id, s.slug, s.name, s.content_language, s.verified_at,
      o.name AS organization_name, o.content_language AS organization_language,
      ${text ? sql`nh.fts_rowid IS NULL` : sql`0`} AS tier,
      ${text ? sql`coalesce(nh.rank, ${BM25})` : sql`0`} AS rank,
      ${near ? distanceSquared : sql`NULL`} AS distance2
    FROM ${from}
    JOIN organizations o ON o.id = s.organization_id
    ${text ? sql`LEFT JOIN name_hits nh ON nh.fts_rowid = services_fts.rowid ` : sql``}CROSS JOIN here
    WHERE ${match ? sql`services_fts MATCH ${match} AND ` : sql``}${sql.join(where, sql` AND `)})`;
};

/** The rows a fast path chose, with what a result shows, in the order given. */
const detailRows = async (
  db: Database,
  withCtes: SQL,
  search: ResourceSearch,
  chosen: ChosenRow[],
): Promise<Row[]> => {
  if (chosen.length === 0) return [];
  const values = chosen.map((row, i) => sql`(${row.id}, ${sql.raw(String(i))})`);
  return db.all<Row>(sql`${withCtes}, chosen(id, position) AS (VALUES ${sql.join(values, sql`, `)}),
    page AS (SELECT s.id, s.slug, s.name, s.content_language, s.verified_at,
        o.name AS organization_name, o.content_language AS organization_language,
        ${search.near ? distanceSquared : sql`NULL`} AS distance2, chosen.position
      FROM chosen CROSS JOIN services s ON s.id = chosen.id JOIN organizations o ON o.id = s.organization_id CROSS JOIN here)
    SELECT page.*, ${PAGE_DETAILS} FROM page ORDER BY position`);
};

/**
 * The page through the general path: every result ordered by what the order needs alone (an
 * index may serve it), then cut; only the rows of the page are read in full.
 */
const generalRows = (
  db: Database,
  withBase: SQL,
  search: ResourceSearch,
  outer: SQL,
  hasText: boolean,
): Promise<Row[]> =>
  db.all<Row>(sql`${withBase},
    page AS (SELECT base.id AS id, base.tier AS tier, base.rank AS rank, base.distance2 AS distance2, base.verified_at AS verified_at, base.name AS name
      FROM base WHERE ${outer}
      ORDER BY ${searchOrder(search, hasText)} LIMIT ${search.pageSize} OFFSET ${(search.page - 1) * search.pageSize})
    SELECT page.id AS id, s.slug AS slug, page.name AS name, s.content_language AS content_language, page.verified_at AS verified_at,
      o.name AS organization_name, o.content_language AS organization_language, page.distance2 AS distance2,
      ${PAGE_DETAILS}
    FROM page CROSS JOIN services s ON s.id = page.id JOIN organizations o ON o.id = s.organization_id
    ORDER BY ${searchOrder(search, hasText)}`);

/**
 * The page from a fast path when one applies and can prove its page; null otherwise. `found`
 * (the capped count) is known first only for filtered lists newest first, which need it.
 */
const fastPage = async (
  db: Database,
  withCtes: SQL,
  search: ResourceSearch,
  match: string | null,
  found?: number,
) => {
  const take = async (path: SearchPath, page: Promise<ChosenRow[] | null>) => {
    const chosen = await page;
    return chosen ? { path, chosen } : null;
  };
  if (!match && search.near && search.sort === 'distance')
    return take('nearest', nearestPage(db, withCtes, search));
  if (found !== undefined && found > MAX_COUNTED)
    return take('newest', newestPage(db, withCtes, search));
  return null;
};

/**
 * Searches the directory: free text (FTS5; the services with every word in a name first, then
 * the others, each ranked by bm25 with names weighing most) and filters, one page at a time, with the total. `now` decides "open now"; pass it to test any moment.
 * Ranked words, "nearest first" and large filtered lists take fast paths that read only the best
 * candidates, and fall back to the general path whenever those cannot prove their page is the same;
 * words with a category, language or city rank only the hits that pass them (always exact).
 */
export const searchResources = async (
  db: Database,
  search: ResourceSearch,
  now: Date,
  /**
   * fastPaths: false answers through the general path alone; onPath says which path answered
   * (tests compare them); zones, the zones in use when the caller has them (searchOptionsAndZones).
   */
  options: { fastPaths?: boolean; onPath?: (path: SearchPath) => void; zones?: string[] } = {},
): Promise<ResourceSearchResult> => {
  const text = search.text ? toTextMatch(search.text) : null;
  const match = text?.all ?? null;
  const near = search.near;
  const withCtes = sql`WITH ${zoneNowTable(options.zones ?? (await zonesInUse(db)), now)}, ${hereTable(near)}`;
  const withBase = sql`${withCtes}, ${baseTable(search, text)}`;
  // Without words the places in the circle already lead (baseTable); with words each hit is measured.
  const outer =
    match && near?.radiusKm ? sql`distance2 <= ${near.radiusKm * near.radiusKm}` : sql`1 = 1`;

  // The fast paths and counts read the search rows, whose lists cannot hold a value with their mark.
  const fastPaths = options.fastPaths !== false && rowsCanCheck(search);
  const pageRows = async (found?: number): Promise<Row[]> => {
    const fast = fastPaths ? await fastPage(db, withCtes, search, match, found) : null;
    options.onPath?.(fast?.path ?? 'general');
    return fast
      ? detailRows(db, withCtes, search, fast.chosen)
      : generalRows(db, withBase, search, outer, !!match);
  };
  // Counted up to a cap: "more than 1,000" says enough, and a broad search stays cheap however big the directory.
  const count = async () =>
    fastPaths
      ? rowCount(db, withCtes, search, match, leadingSet(search), MAX_COUNTED + 1)
      : ((
          await db.all<{ total: number }>(
            sql`${withBase} SELECT count(*) AS total FROM (SELECT 1 FROM base WHERE ${outer} LIMIT ${MAX_COUNTED + 1})`,
          )
        )[0]?.total ?? 0);
  // A filtered list newest first counts first: the count tells whether walking in that order is short.
  // Otherwise the page and the count go side by side. (A window count over every row would force
  // the whole result to be built and sorted; not a db.batch: drizzle's D1 batch cannot bind raw SQL.)
  const countFirst =
    !match && !near?.radiusKm && search.sort !== 'distance' && leadingSet(search) !== null;
  let rows: Row[];
  let found: number;
  if (
    fastPaths &&
    text &&
    search.sort === 'relevance' &&
    rowsSelective(search) &&
    !near?.radiusKm
  ) {
    // Words with a selective filter: the hits that pass are ranked, and counted, in one pass.
    const filtered = await filteredRankedPage(db, withCtes, search, text);
    options.onPath?.('filtered');
    found = filtered.found;
    rows = await detailRows(db, withCtes, search, filtered.chosen);
  } else if (fastPaths && text && search.sort === 'relevance') {
    // Words otherwise: the best hits, and the count from the same statement.
    const ranked = await rankedPage(
      db,
      withCtes,
      search,
      text,
      rowCountQuery(search, text.all, null, MAX_COUNTED + 1),
    );
    options.onPath?.(ranked.chosen ? 'ranked' : 'general');
    found = ranked.found;
    rows = ranked.chosen
      ? await detailRows(db, withCtes, search, ranked.chosen)
      : await generalRows(db, withBase, search, outer, true);
  } else if (countFirst) {
    found = await count();
    rows = await pageRows(found);
  } else {
    [rows, found] = await Promise.all([pageRows(), count()]);
  }
  const total = Math.min(found, MAX_COUNTED);
  return {
    items: rows.map(toSummary),
    total,
    more: found > MAX_COUNTED,
    page: search.page,
    pageCount: Math.max(1, Math.ceil(total / search.pageSize)),
  };
};
