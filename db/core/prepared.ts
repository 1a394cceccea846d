import { fillPlaceholders, Param, sql, type Column } from 'drizzle-orm';
import type { RunnableQuery } from 'drizzle-orm/runnable-query';
import type { Database } from './database';

/**
 * A query prepared once per database handle, on first use. Drizzle then fills in the values
 * of each call instead of building the SQL again, which on the signing path cost about as much
 * as SQLite running the statement. For the few statements run on every busy request only.
 */
export const preparedPerDatabase = <Query>(
  prepare: (db: Database) => Query,
): ((db: Database) => Query) => {
  const queries = new WeakMap<Database, Query>();
  return (db) => {
    let query = queries.get(db);
    if (!query) queries.set(db, (query = prepare(db)));
    return query;
  };
};

/**
 * Like `preparedPerDatabase`, for a query whose SQL takes one of a few shapes (which filters a
 * list has, which way a page goes): one prepared query per database handle and shape, made on
 * first use. `prepare` is given the shape alone, never the values, so no value can be written
 * into a statement that is then reused with others; values come as placeholders. `keyOf` names
 * a shape, and must take few values: each shape is kept for the life of the handle.
 */
export const preparedPerShape = <Shape, Query>(
  keyOf: (shape: Shape) => string,
  prepare: (db: Database, shape: Shape) => Query,
): ((db: Database, shape: Shape) => Query) => {
  const queries = new WeakMap<Database, Map<string, Query>>();
  return (db, shape) => {
    let kept = queries.get(db);
    if (!kept) queries.set(db, (kept = new Map()));
    const key = keyOf(shape);
    let query = kept.get(key);
    if (!query) kept.set(key, (query = prepare(db, shape)));
    return query;
  };
};

/** What drizzle's `batch()` asks of each item (drizzle-orm 0.45, libsql and d1 sessions). */
interface BatchablePrepared {
  getQuery(): { sql: string; params: unknown[] };
  mapResult(response: unknown, isFromBatch?: boolean): unknown;
  /** The D1 statement, prepared once: the d1 session binds the values to it. */
  stmt?: unknown;
}

/**
 * A prepared query with its values, as an item of `db.batch()`, so that a page's reads go to the
 * database in one round trip (one call to D1) and none of them is built again. Drizzle's batch
 * asks each item to prepare itself and reads its SQL and parameters; a prepared query's own
 * parameters still hold the placeholders, so this item gives them filled in. The result is the
 * prepared query's `all()`: rows.
 */
export const inBatch = <Query extends { all(values?: Record<string, unknown>): Promise<unknown> }>(
  query: Query,
  values: Record<string, unknown>,
): RunnableQuery<Awaited<ReturnType<Query['all']>>, 'sqlite'> => {
  const prepared = query as unknown as BatchablePrepared;
  const { sql, params } = prepared.getQuery();
  const filled = { sql, params: fillPlaceholders(params, values) };
  const item = {
    getQuery: () => filled,
    mapResult: (response: unknown, isFromBatch?: boolean) =>
      prepared.mapResult(response, isFromBatch),
    stmt: prepared.stmt,
  };
  return { _prepare: () => item } as unknown as RunnableQuery<
    Awaited<ReturnType<Query['all']>>,
    'sqlite'
  >;
};

/**
 * A placeholder for a value compared with `column`, written as the column writes it (a Date as
 * the seconds or milliseconds it stores): a bare `sql.placeholder` is passed on unconverted.
 */
export const placeholderFor = (column: Column, name: string) =>
  new Param(sql.placeholder(name), column);
