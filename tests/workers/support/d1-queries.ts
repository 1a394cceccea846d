/**
 * Counts the queries made through a D1 binding while `run` runs: one for each statement run
 * alone (`first`, `all`, `run`, `raw`), one for each statement of a `batch`, as D1's limit of
 * queries per Worker invocation is assumed to count them (worker/jobs.ts). The methods are
 * wrapped on the binding's and its statements' prototypes, and put back after.
 */
export const countD1Queries = async <T>(
  binding: D1Database,
  run: () => Promise<T>,
): Promise<{ result: T; queries: number }> => {
  let queries = 0;
  const statement = Object.getPrototypeOf(binding.prepare('select 1')) as Record<string, unknown>;
  const database = Object.getPrototypeOf(binding) as Record<string, unknown>;
  const wrapped: [Record<string, unknown>, string, unknown][] = [];
  const wrap = (
    target: Record<string, unknown>,
    name: string,
    count: (args: unknown[]) => number,
  ) => {
    const original = target[name] as (...args: unknown[]) => unknown;
    wrapped.push([target, name, original]);
    target[name] = function (this: unknown, ...args: unknown[]) {
      queries += count(args);
      return original.apply(this, args);
    };
  };
  for (const name of ['first', 'all', 'run', 'raw']) wrap(statement, name, () => 1);
  wrap(database, 'batch', (args) => (args[0] as unknown[]).length);
  try {
    const result = await run();
    return { result, queries };
  } finally {
    for (const [target, name, original] of wrapped) target[name] = original;
  }
};
