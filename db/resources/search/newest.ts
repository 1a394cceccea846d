import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../core/database';
import type { ChosenRow } from './chosen';
import { rowChecks } from './rows';
import type { ResourceSearch } from '../types';

/** Rows read at most; past this the general path is cheaper. */
const MAX_WALKED_PAGES = 10;

/**
 * The page of a search without words or radius, most recently verified first, read by walking the
 * services in that order (their index) and checking each filter in its search row until the page is full.
 * Used only when more results were counted than the cap: at least one service in `size / cap`
 * then passes, so the walk is short for early pages however large the directory, where the
 * general path would read and sort every result. Null when the general path must answer.
 */
export const newestPage = async (
  db: Database,
  withCtes: SQL,
  search: ResourceSearch,
): Promise<ChosenRow[] | null> => {
  if (search.page > MAX_WALKED_PAGES) return null;
  const offset = (search.page - 1) * search.pageSize;
  const wanted = offset + search.pageSize;
  const rows = await db.all<ChosenRow>(sql`${withCtes}
    SELECT s.id AS id FROM services s INDEXED BY services_verified_idx CROSS JOIN service_search_rows r ON r.service_id = s.id CROSS JOIN here
    WHERE ${rowChecks(search)}
    ORDER BY s.verified_at DESC, s.name LIMIT ${sql.raw(String(wanted))}`);
  return rows.slice(offset, wanted);
};
