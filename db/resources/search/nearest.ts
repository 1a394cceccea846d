import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../core/database';
import type { ChosenRow } from './chosen';
import { rowChecks } from './rows';
import { distanceSquared, placesWithin } from './sql';
import type { ResourceSearch } from '../types';

/** First circle searched, in km, and how much it grows each time it holds too few results. */
const FIRST_RADIUS_KM = 0.5;
const GROWTH = 3;
/** Without a radius, past this the general path (which also lists services with no place) answers. */
const LAST_RADIUS_KM = 500;

/**
 * The page of a search without words, nearest first, read from growing circles around the
 * person: every result within a circle is nearer than any outside it, so once a circle holds the
 * page (ties included), the page is exact. Filters are tested in each candidate's search row. The cost follows the places near the person, not the
 * places within the radius asked for. Null when the general path must answer.
 */
export const nearestPage = async (
  db: Database,
  withCtes: SQL,
  search: ResourceSearch,
): Promise<ChosenRow[] | null> => {
  const near = search.near!;
  const offset = (search.page - 1) * search.pageSize;
  const wanted = offset + search.pageSize;
  const filters = rowChecks(search);
  for (let circle = FIRST_RADIUS_KM; ; circle *= GROWTH) {
    const last = near.radiusKm !== undefined && circle >= near.radiusKm;
    if (near.radiusKm === undefined && circle > LAST_RADIUS_KM) return null;
    const km = last ? near.radiusKm! : circle;
    const rows = await db.all<ChosenRow>(sql`${withCtes},
      candidates AS (SELECT s.id AS id, ${distanceSquared} AS distance2, s.verified_at AS verified_at, s.name AS name
        FROM ${placesWithin(near, km)} AS places CROSS JOIN service_search_rows r ON r.service_id = places.service_id
        CROSS JOIN services s ON s.id = r.service_id CROSS JOIN here
        WHERE ${filters})
      SELECT id FROM candidates
      ORDER BY distance2 ASC, verified_at DESC, name LIMIT ${sql.raw(String(wanted))}`);
    if (rows.length >= wanted || last) return rows.slice(offset, wanted);
  }
};
