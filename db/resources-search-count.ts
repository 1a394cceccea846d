import { sql, type SQL } from 'drizzle-orm';
import type { Database } from './database';
import { rowChecks } from './resources-search-rows';
import { distanceFrom, placesWithin, withinRadius } from './resources-search-sql';
import type { ResourceSearch } from './resources-types';

/**
 * The count up to `limit` from the search rows: the same candidates lead as in `base` (full-text
 * hits by their rowid, the places in the circle, the leading filter's set, or every service), and
 * each is tested in its one search row instead of one index per filter. Needs `here` and `zone_now`.
 */
export const rowCountQuery = (
  search: ResourceSearch,
  match: string | null,
  /** The leading filter's set of service ids (leadingSet), if any. */
  filterSet: SQL | null,
  limit: number,
): SQL => {
  const near = search.near;
  const leading = match ? null : near?.radiusKm ? placesWithin(near, near.radiusKm) : filterSet;
  const from = match
    ? sql`services_fts CROSS JOIN service_search_rows r ON r.id = services_fts.rowid`
    : leading
      ? sql`${leading} AS leading CROSS JOIN service_search_rows r ON r.service_id = leading.service_id`
      : sql`service_search_rows r`;
  const where = [match ? sql`services_fts MATCH ${match}` : sql`1 = 1`, rowChecks(search)];
  if (match && near?.radiusKm) where.push(sql`${distanceFrom(sql`r.service_id`)} <= ${near.radiusKm * near.radiusKm}`);
  let candidates = sql`SELECT 1 FROM ${from} CROSS JOIN here WHERE ${sql.join(where, sql` AND `)}`;
  if (!match && near?.radiusKm) {
    // A service with one place is found by the position in its row; the others by their places.
    candidates = sql`SELECT 1 FROM service_search_rows r CROSS JOIN here
        WHERE r.place_count = 1 AND ${withinRadius(near, near.radiusKm, sql`r.latitude`, sql`r.longitude`)} AND ${rowChecks(search)}
      UNION ALL
      ${candidates} AND (r.place_count IS NULL OR r.place_count <> 1)`;
  }
  return sql`SELECT count(*) AS total FROM (SELECT 1 FROM (${candidates}) LIMIT ${limit})`;
};

/** rowCountQuery on its own. */
export const rowCount = async (db: Database, withCtes: SQL, ...args: Parameters<typeof rowCountQuery>): Promise<number> => {
  const rows = await db.all<{ total: number }>(sql`${withCtes} ${rowCountQuery(...args)}`);
  return rows[0]?.total ?? 0;
};
