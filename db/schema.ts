/**
 * The drizzle schema: every table of every area. One migrations folder (db/migrations),
 * generated from this file by drizzle-kit, serves D1 and libsql alike.
 */
import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Facts about the database itself, e.g. when demo data was seeded. */
export const appMeta = sqliteTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp' })
    .notNull()
    .default(sql`(unixepoch())`),
});
