/**
 * The drizzle schema: every table of every area. One migrations folder (db/migrations),
 * generated from this file by drizzle-kit, serves D1 and libsql alike.
 */
import { sql } from 'drizzle-orm';
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Facts about the database itself, e.g. when demo data was seeded. */
export const appMeta = sqliteTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp' })
    .notNull()
    .default(sql`(unixepoch())`),
});

/**
 * Fixed-window counters for rate limits. Keys name the limit and a subject that is never a raw
 * IP address or email (a keyed hash of it), e.g. `sign-in:email:<hash>`. Old windows are purged.
 */
export const rateLimits = sqliteTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: integer('window_start').notNull(),
    count: integer('count').notNull(),
  },
  (table) => [primaryKey({ columns: [table.key, table.windowStart] })],
);
