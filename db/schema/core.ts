/**
 * Tables every area shares: facts about the database, rate limits, the mail outbox, and the
 * guard against a form sent twice.
 */

import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';

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

/**
 * Email on its way out. Locally (npm start, wrangler dev) this is the outbox shown at
 * /dev/outbox. Deployed, a message waits here until the provider accepts it, is retried with
 * back-off when it does not, and is deleted once sent: nothing is kept longer than needed.
 */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: text('id').primaryKey(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp' }),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp' }),
    failedAt: integer('failed_at', { mode: 'timestamp' }),
    /** Past this, an unsent message is useless (a sign-in code that has expired) and is dropped. */
    discardAfter: integer('discard_after', { mode: 'timestamp' }),
  },
  (table) => [index('mail_outbox_pending_idx').on(table.sentAt, table.nextAttemptAt)],
);

/**
 * One row per create form sent: a second press of "Save" (a double click, a retry on a slow
 * phone) finds the record the first one made instead of making another. Kept a day.
 */
export const formSubmissions = sqliteTable(
  'form_submissions',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The random key the form carried in a hidden field. */
    key: text('key').notNull(),
    /** What the first submission created (an event, a campaign, a story). */
    createdId: text('created_id').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.key] }),
    index('form_submissions_created_idx').on(table.createdAt),
  ],
);
