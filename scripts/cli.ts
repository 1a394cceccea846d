/** What the database scripts share: how they stop with a message, and how they tell SQLite's errors. */

/** Prints a plain message and stops: 1 when the work failed, 2 when the command was wrong. */
export const fail = (message: string, code: 1 | 2 = 1): never => {
  console.error(message);
  process.exit(code);
};

/** SQLite's own words (drizzle wraps them in a message that repeats the query and its values). */
export const sqliteReason = (error: unknown): string =>
  ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message;
