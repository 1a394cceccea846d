import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../core/database';
import { facetRowChecks, withFacets } from './facets';
import { rowChecks } from './rows';
import { distanceFrom, placesWithin, withinRadius } from './sql';
import type { ResourceSearch } from '../types';

/**
 * The count up to `limit`. With words, from the full-text index alone, which answers the filters
 * too (withFacets); a hit's search row is read only for "open now" or a radius. Otherwise from the
 * search rows: the same candidates lead as in `base` (the places in the circle, the leading
 * filter's set, or every service), and each is tested in its one search row instead of one index
 * per filter. Needs `here` and `zone_now`.
 */
export const rowCountQuery = (
  search: ResourceSearch,
  match: string | null,
  /** The leading filter's set of service ids (leadingSet), if any. */
  filterSet: SQL | null,
  limit: number,
): SQL => {
  const near = search.near;
  if (match) {
    const left = [
      facetRowChecks(search),
      near?.radiusKm
        ? sql`${distanceFrom(sql`r.service_id`)} <= ${near.radiusKm * near.radiusKm}`
        : null,
    ].filter((check) => check !== null);
    const rows =
      left.length > 0
        ? sql` CROSS JOIN service_search_rows r ON r.id = services_fts.rowid CROSS JOIN here`
        : sql``;
    return sql`SELECT count(*) AS total FROM (SELECT 1 FROM services_fts${rows}
      WHERE ${sql.join([sql`services_fts MATCH ${withFacets(match, search)}`, ...left], sql` AND `)} LIMIT ${limit})`;
  }
  const leading = near?.radiusKm ? placesWithin(near, near.radiusKm) : filterSet;
  const from = leading
    ? sql`${leading} AS leading CROSS JOIN service_search_rows r ON r.service_id = leading.service_id`
    : sql`service_search_rows r`;
  let candidates = sql`SELECT 1 FROM ${from} CROSS JOIN here WHERE ${rowChecks(search)}`;
  if (near?.radiusKm) {
    // A service with one place is found by the position in its row; the others by their places.
    candidates = sql`SELECT 1 FROM service_search_rows r CROSS JOIN here
        WHERE r.place_count = 1 AND ${withinRadius(near, near.radiusKm, sql`r.latitude`, sql`r.longitude`)} AND ${rowChecks(search)}
      UNION ALL
      ${candidates} AND (r.place_count IS NULL OR r.place_count <> 1)`;
  }
  return sql`SELECT count(*) AS total FROM (SELECT 1 FROM (${candidates}) LIMIT ${limit})`;
};

/** rowCountQuery on its own. */
export const rowCount = async (
  db: Database,
  withCtes: SQL,
  ...args: Parameters<typeof rowCountQuery>
): Promise<number> => {
  const rows = await db.all<{ total: number }>(sql`${withCtes} ${rowCountQuery(...args)}`);
  return rows[0]?.total ?? 0;
};
