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
