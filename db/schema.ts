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
  (table) => [index('organizer_applications_status_idx').on(table.status, table.createdAt)],
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
  },
  (table) => [index('mail_outbox_pending_idx').on(table.sentAt, table.nextAttemptAt)],
);

// ---------------------------------------------------------------------------------------------
// Events. Organizers publish (moderated until trusted); anyone may RSVP without an account.

/**
 * One event, or one occurrence of a recurring series (occurrences share `seriesId`, so each
 * can be edited or cancelled on its own). Times are stored as UTC instants, with the time zone
 * the organizer gave them in. `sequence` rises on every change people should hear about (iCalendar).
 */
export const events = sqliteTable(
  'events',
  {
    id: text('id').primaryKey(),
    /** Null once the organizer's account is deleted: their upcoming events are cancelled. */
    organizerId: text('organizer_id').references(() => users.id, { onDelete: 'set null' }),
    seriesId: text('series_id'),
    title: text('title').notNull(),
    description: text('description').notNull(),
    category: text('category', { enum: ['workshop', 'training', 'vigil', 'meeting', 'fundraiser', 'other'] }).notNull(),
    format: text('format', { enum: ['in_person', 'online'] }).notNull(),
    city: text('city').notNull().default(''),
    address: text('address').notNull().default(''),
    directions: text('directions').notNull().default(''),
    stepFree: integer('step_free', { mode: 'boolean' }).notNull().default(false),
    seating: integer('seating', { mode: 'boolean' }).notNull().default(false),
    interpretation: integer('interpretation', { mode: 'boolean' }).notNull().default(false),
    quietRoom: integer('quiet_room', { mode: 'boolean' }).notNull().default(false),
    childcare: integer('childcare', { mode: 'boolean' }).notNull().default(false),
    accessNotes: text('access_notes').notNull().default(''),
    /** Shown only to people with a confirmed place. */
    onlineUrl: text('online_url').notNull().default(''),
    /** Language codes, comma-separated, e.g. "en,fr". */
    languages: text('languages').notNull().default(''),
    cost: text('cost').notNull().default(''),
    capacity: integer('capacity'),
    timeZone: text('time_zone').notNull(),
    startsAt: integer('starts_at', { mode: 'timestamp' }).notNull(),
    endsAt: integer('ends_at', { mode: 'timestamp' }).notNull(),
    reminderHours: integer('reminder_hours').notNull().default(24),
    status: text('status', { enum: ['draft', 'submitted', 'published', 'cancelled'] }).notNull(),
    sequence: integer('sequence').notNull().default(0),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp' }).notNull(),
    /** Set when the contact details of its RSVPs were erased (days after it ended). */
    contactsErasedAt: integer('contacts_erased_at', { mode: 'timestamp' }),
  },
  (table) => [
    index('events_status_starts_idx').on(table.status, table.startsAt),
    index('events_organizer_idx').on(table.organizerId, table.startsAt),
    index('events_series_idx').on(table.seriesId),
  ],
);

/** Organizers a moderator trusts: their events publish without review. */
export const trustedOrganizers = sqliteTable('trusted_organizers', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  trustedAt: integer('trusted_at', { mode: 'timestamp' }).notNull(),
});

/**
 * A place (or several) asked for at an event, by anyone, without an account. The private link
 * token is stored only as a hash. Name, email and needs are erased days after the event; the
 * row (places, status) stays so counts remain.
 */
export const eventRsvps = sqliteTable(
  'event_rsvps',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    name: text('name'),
    email: text('email'),
    places: integer('places').notNull(),
    accessNeeds: text('access_needs'),
    wantsReminder: integer('wants_reminder', { mode: 'boolean' }).notNull(),
    status: text('status', { enum: ['confirmed', 'waitlisted', 'cancelled'] }).notNull(),
    tokenHash: text('token_hash').unique(),
    locale: text('locale', { enum: ['en', 'fr'] }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp' }).notNull(),
    reminderSentAt: integer('reminder_sent_at', { mode: 'timestamp' }),
  },
  (table) => [
    uniqueIndex('event_rsvps_event_email_idx').on(table.eventId, table.email),
    index('event_rsvps_event_status_idx').on(table.eventId, table.status, table.createdAt),
  ],
);
