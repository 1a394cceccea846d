/**
 * The drizzle schema: every table of every area. One migrations folder (db/migrations),
 * generated from this file by drizzle-kit, serves D1 and libsql alike.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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

// ---------------------------------------------------------------------------------------------
// Accounts. Visitors never need one; organizers, storytellers, moderators and admins do.

/** A person with an account, known only by an email address (normalised: trimmed, lower-case). */
export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  /** The interface language at the last sign-in: emails to this person are written in it. */
  locale: text('locale', { enum: ['en', 'fr'] }).notNull().default('en'),
  createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
});

/** Roles beyond "member", which every account has. A person may hold several. */
export const userRoles = sqliteTable(
  'user_roles',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['organizer', 'storyteller', 'moderator', 'admin'] }).notNull(),
    grantedAt: integer('granted_at', { mode: 'timestamp' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.role] })],
);

/**
 * Sessions, as Lucia's guide describes: the id is the SHA-256 of the token in the cookie, so a
 * copy of this table cannot be used to sign in. No IP address or browser details are kept.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
    lastActiveAt: integer('last_active_at', { mode: 'timestamp' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp' }).notNull(),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);

/**
 * One request for a sign-in code. The code is stored only as a hash; the row dies when used,
 * expired (10 minutes) or after 5 wrong tries, and is purged soon after.
 */
export const signInCodes = sqliteTable('sign_in_codes', {
  id: text('id').primaryKey(),
  email: text('email').notNull(),
  codeHash: text('code_hash').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp' }).notNull(),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  usedAt: integer('used_at', { mode: 'timestamp' }),
});

/** A member's request to become an organizer, decided by a moderator. */
export const organizerApplications = sqliteTable(
  'organizer_applications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationName: text('organization_name').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'declined'] }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
    decidedAt: integer('decided_at', { mode: 'timestamp' }),
  },
  (table) => [
    index('organizer_applications_status_idx').on(table.status, table.createdAt),
    // At most one pending request per person, even when two are sent at once.
    uniqueIndex('organizer_applications_one_pending_idx').on(table.userId).where(sql`status = 'pending'`),
  ],
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
