import { sql } from 'drizzle-orm';
import type { Database } from './database';

/** True when the database answers a trivial query. */
export const isDatabaseAnswering = async (db: Database): Promise<boolean> => {
  try {
    const row = await db.get<{ ok: number }>(sql`select 1 as ok`);
    return row?.ok === 1;
  } catch {
    return false;
  }
};
