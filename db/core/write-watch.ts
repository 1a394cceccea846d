import type { DatabaseClient } from './libsql-local/client';

/** A statement that only reads; anything else (a write, a PRAGMA, a CTE) counts as a write. */
const readsOnly = /^\s*select\b/i;

type AnyStatement = string | { sql: string } | [string, unknown?];
const sqlOf = (stmt: AnyStatement) =>
  typeof stmt === 'string' ? stmt : Array.isArray(stmt) ? stmt[0] : stmt.sql;

/**
 * Counts the writes made through one database client: the number grows after every statement
 * or batch that may have changed something has finished (committed or failed), never before.
 * A page drawn while the number stayed the same saw no write through this client, so it may
 * be served again (worker/middleware/page-cache.ts); one drawn across a write is never reused.
 * Writes by another process (a command on the same file) are not seen: the page cache's short
 * lifetime bounds those.
 */
export const watchWrites = (client: DatabaseClient): (() => number) => {
  let writes = 0;
  const counted =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>, wrote: (...args: A) => boolean) =>
    async (...args: A): Promise<R> => {
      try {
        return await run(...args);
      } finally {
        if (wrote(...args)) writes++;
      }
    };
  // Own properties over the class's methods: the client's private state stays its own.
  client.execute = counted(
    client.execute.bind(client) as (stmt: AnyStatement, args?: unknown) => Promise<unknown>,
    (stmt) => !readsOnly.test(sqlOf(stmt)),
  ) as typeof client.execute;
  client.batch = counted(
    client.batch.bind(client) as (stmts: AnyStatement[], mode?: unknown) => Promise<unknown>,
    (stmts) => stmts.some((stmt) => !readsOnly.test(sqlOf(stmt))),
  ) as typeof client.batch;
  client.migrate = counted(client.migrate.bind(client), (_statements) => true);
  // An interactive transaction (the app uses batches; drizzle's db.transaction() on the official
  // client) counts when it ends, whichever way.
  const open = client.transaction.bind(client);
  client.transaction = (async (...args: Parameters<typeof open>) => {
    const tx = await open(...args);
    tx.commit = counted(tx.commit.bind(tx), () => true);
    tx.rollback = counted(tx.rollback.bind(tx), () => true);
    return tx;
  }) as typeof client.transaction;
  return () => writes;
};
