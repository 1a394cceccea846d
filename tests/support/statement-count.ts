import type { DatabaseClient } from '../../db/core/libsql-local/client';

/**
 * Counts the SQL statements sent through a libsql client: one for each `execute`, one for each
 * statement of a `batch`. D1 counts its queries per Worker invocation (1,000 on Workers Paid),
 * and its documentation does not say that a batch counts once (worker/jobs.ts): so a
 * statement inside a batch is counted as one query here, as it is assumed to be there.
 */
export const countStatements = (client: DatabaseClient): (() => number) => {
  let statements = 0;
  const execute = client.execute.bind(client);
  client.execute = ((...args: Parameters<typeof execute>) => {
    statements++;
    return execute(...args);
  }) as typeof client.execute;
  const batch = client.batch.bind(client);
  client.batch = ((stmts: unknown[], ...rest: unknown[]) => {
    statements += stmts.length;
    return (batch as (...a: unknown[]) => ReturnType<typeof batch>)(stmts, ...rest);
  }) as typeof client.batch;
  return () => statements;
};
