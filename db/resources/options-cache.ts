import { eq } from 'drizzle-orm';
import type { Database } from '../core/database';
import { preparedPerDatabase } from '../core/prepared';
import { searchOptionsVersion } from '../schema';

// Read on every search and resource page: prepared once, not built anew each time.
const versionQuery = preparedPerDatabase((db) =>
  db
    .select({ version: searchOptionsVersion.version })
    .from(searchOptionsVersion)
    .where(eq(searchOptionsVersion.id, 1))
    .prepare(),
);

/** The counter triggers raise when what the search page lists changes (migration 0026); null if missing. */
const readVersion = async (db: Database): Promise<number | null> =>
  (await versionQuery(db).get())?.version ?? null;

/**
 * `load`, kept per database handle while search_options_version stays the same: one read of a
 * one-row table instead of the queries behind it, on every search. The version is read before
 * loading, so a change that lands during a load is seen by the next call. What is returned is
 * shared between requests: callers must not change it.
 */
export const keptUntilOptionsChange = <T>(
  load: (db: Database) => Promise<T>,
): ((db: Database) => Promise<T>) => {
  const kept = new WeakMap<Database, { version: number; value: Promise<T> }>();
  return async (db) => {
    const version = await readVersion(db);
    const hit = kept.get(db);
    if (hit && hit.version === version) return hit.value;
    const value = load(db);
    if (version !== null) {
      kept.set(db, { version, value });
      // A failed read is not kept.
      value.catch(() => kept.get(db)?.value === value && kept.delete(db));
    }
    return value;
  };
};
