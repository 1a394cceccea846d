import type { ResultSet } from '@libsql/client';
import type { DatabaseClient } from './libsql-local/client';

/** A read: a `SELECT`, or a `WITH … SELECT` with no write in it (the directory's search). */
const reads = (sql: string) =>
  /^\s*select\b/i.test(sql) ||
  (/^\s*with\b/i.test(sql) && !/\b(insert|update|delete|replace)\b/i.test(sql));
/** A row write: it changed something only if it says so (an upsert that did nothing did not). */
const writesRows = /^\s*(insert|update|delete|replace|with)\b/i;

type AnyStatement = string | { sql: string } | [string, unknown?];
const sqlOf = (stmt: AnyStatement) =>
  typeof stmt === 'string' ? stmt : Array.isArray(stmt) ? stmt[0] : stmt.sql;

/**
 * Whether a finished statement may have changed the database: a row write that affected rows
 * (or returned some: `RETURNING` answers rows and counts none), and anything but a read or a
 * row write (schema, PRAGMA). `result` is undefined when it failed: counted, to be safe.
 */
const changed = (stmt: AnyStatement, result: ResultSet | undefined) => {
  const sql = sqlOf(stmt);
  if (reads(sql)) return false;
  if (!result || !writesRows.test(sql)) return true;
  return result.rowsAffected > 0 || result.rows.length > 0;
};

/**
 * Counts the writes made through one database client: the number grows after every statement
 * or batch that changed something has finished (committed or failed), never before. A page
 * drawn while the number stayed the same saw no write through this client, so it may be served
 * again (worker/middleware/page-cache.ts); one drawn across a write is never reused. Writes by
 * another process (a command on the same file) are not seen: the page cache's short lifetime
 * bounds those.
 */
export const watchWrites = (client: DatabaseClient): (() => number) => {
  let writes = 0;
  const execute = client.execute.bind(client) as (
    stmt: AnyStatement,
    args?: unknown,
  ) => Promise<ResultSet>;
  client.execute = (async (stmt: AnyStatement, args?: unknown) => {
    let result: ResultSet | undefined;
    try {
      return (result = await execute(stmt, args));
    } finally {
      if (changed(stmt, result)) writes++;
    }
  }) as typeof client.execute;
  const batch = client.batch.bind(client) as (
    stmts: AnyStatement[],
    mode?: unknown,
  ) => Promise<ResultSet[]>;
  client.batch = (async (stmts: AnyStatement[], mode?: unknown) => {
    let results: ResultSet[] | undefined;
    try {
      return (results = await batch(stmts, mode));
    } finally {
      if (stmts.some((stmt, i) => changed(stmt, results?.[i]))) writes++;
    }
  }) as typeof client.batch;
  const migrate = client.migrate.bind(client);
  client.migrate = async (stmts) => {
    try {
      return await migrate(stmts);
    } finally {
      writes++;
    }
  };
  // An interactive transaction (the app uses batches; drizzle's db.transaction() on the official
  // client) counts when it ends, whichever way.
  const open = client.transaction.bind(client);
  client.transaction = (async (...args: Parameters<typeof open>) => {
    const tx = await open(...args);
    const [commit, rollback] = [tx.commit.bind(tx), tx.rollback.bind(tx)];
    tx.commit = () => commit().finally(() => writes++);
    tx.rollback = () => rollback().finally(() => writes++);
    return tx;
  }) as typeof client.transaction;
  return () => writes;
};
