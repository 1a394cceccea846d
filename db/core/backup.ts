import { sql } from 'drizzle-orm';
import type { Database } from './database';

/**
 * SQLite's own check of every page, index and constraint of the file (`PRAGMA integrity_check`):
 * no problems is an empty list. Slow on a big file (it reads all of it): for backups and
 * restores, never per request.
 */
export const integrityProblems = async (db: Database): Promise<string[]> => {
  const rows = await db.all<{ integrity_check: string }>(sql`PRAGMA integrity_check`);
  const found = rows.map((row) => row.integrity_check);
  return found.length === 1 && found[0] === 'ok' ? [] : found;
};

/**
 * Copies a local database as it was at one moment into a new file, while others go on reading
 * and writing it (`VACUUM INTO`: one read transaction, so in WAL mode writers never wait and
 * nothing committed after it began is half in). The copy is compacted and is a plain database
 * file, with no log beside it. SQLite refuses a target file that already holds anything.
 */
export const copyDatabaseInto = async (db: Database, path: string): Promise<void> => {
  await db.run(sql`VACUUM INTO ${path}`);
};
