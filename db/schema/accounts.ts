// Accounts. Visitors never need one; organizers, storytellers, moderators and admins do.

import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

/** A person with an account, known only by an email address (normalised: trimmed, lower-case). */
export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  /** The interface language at the last sign-in: emails to this person are written in it. */
  locale: text('locale', { enum: ['en', 'fr'] })
    .notNull()
    .default('en'),
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
    uniqueIndex('organizer_applications_one_pending_idx')
      .on(table.userId)
      .where(sql`status = 'pending'`),
  ],
);
