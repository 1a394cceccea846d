import { getTableColumns } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/**
 * D1 refuses a statement that binds more than 100 parameters ("too many SQL variables", in
 * Cloudflare's D1 limits: "Maximum bound parameters per query"). libsql on Node allows far
 * more, so only the workerd tests (tests/workers/) see a statement go over. A statement whose
 * parameters grow with data (a list of ids, rows to insert) is split with `slicesForD1`.
 */
export const D1_MAX_BOUND_PARAMETERS = 100;

/**
 * `items` cut into slices that one statement each can bind: `each` parameters per item (a
 * row to insert binds one per column of its table: `columnsOf`), beside the `besides`
 * parameters the rest of the statement binds. Where the original statement was all-or-nothing,
 * put the statements of every slice in one `db.batch()`.
 */
export const slicesForD1 = <T>(
  items: readonly T[],
  { each = 1, besides = 0 }: { each?: number; besides?: number } = {},
): T[][] => {
  const size = Math.floor((D1_MAX_BOUND_PARAMETERS - besides) / each);
  if (size < 1)
    throw new RangeError(`One item of ${each} parameters leaves no room within D1's limit`);
  const slices: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    slices.push(items.slice(start, start + size));
  return slices;
};

/**
 * The parameters one row of a multi-row insert into `table` may bind: drizzle writes a value
 * (or a default) for every column of the table, whichever the row gives.
 */
export const columnsOf = (table: SQLiteTable): number => Object.keys(getTableColumns(table)).length;
