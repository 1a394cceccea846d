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
// Campaigns: petitions, letters and calls to a named target. Signers need no account.

/**
 * One campaign, owned by an organizer. States move draft → submitted → published (a moderator
 * approves) → closed → delivered. `owner_id` is cleared when the organizer deletes their
 * account; a published campaign's public record (counts, display names) stays.
 */
export const campaigns = sqliteTable(
  'campaigns',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: ['petition', 'letter', 'call'] }).notNull(),
    status: text('status', { enum: ['draft', 'submitted', 'published', 'closed', 'delivered'] }).notNull(),
    title: text('title').notNull(),
    ask: text('ask').notNull(),
    body: text('body').notNull(),
    targetName: text('target_name').notNull(),
    targetRole: text('target_role').notNull(),
    /** The suggested letter (letters) or the script to read (calls). */
    letterText: text('letter_text').notNull().default(''),
    /** The target's public phone number (calls). */
    targetPhone: text('target_phone').notNull().default(''),
    /** "What happens next", kept current by the organizer. */
    nextSteps: text('next_steps').notNull().default(''),
    goal: integer('goal').notNull(),
    endsOn: text('ends_on'),
    /** Calls made, counted without keeping anything about the caller. */
    callCount: integer('call_count').notNull().default(0),
    deliveryNote: text('delivery_note'),
    deliveredOn: text('delivered_on'),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
    publishedAt: integer('published_at', { mode: 'timestamp' }),
    /** When the campaign was closed or delivered: the retention clock for signers' emails starts here. */
    endedAt: integer('ended_at', { mode: 'timestamp' }),
  },
  (table) => [index('campaigns_status_idx').on(table.status, table.publishedAt), index('campaigns_owner_idx').on(table.ownerId)],
);

/**
 * A signature. It counts only once confirmed through the emailed link. `email_key` (the
 * address without +tag, lower-case) makes one signature per mailbox per campaign; email and key
 * are erased after the retention period unless the signer wants updates. Tokens are stored hashed.
 */
export const campaignSignatures = sqliteTable(
  'campaign_signatures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    email: text('email'),
    emailKey: text('email_key'),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull().default(''),
    city: text('city').notNull().default(''),
    message: text('message').notNull().default(''),
    display: text('display', { enum: ['full', 'initials', 'hidden'] }).notNull(),
    wantsUpdates: integer('wants_updates', { mode: 'boolean' }).notNull().default(false),
    /** The signer agreed that the organizer may include their email in the export for delivery. */
    shareEmail: integer('share_email', { mode: 'boolean' }).notNull().default(false),
    locale: text('locale', { enum: ['en', 'fr'] }).notNull(),
    confirmTokenHash: text('confirm_token_hash'),
    manageTokenHash: text('manage_token_hash'),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
    confirmedAt: integer('confirmed_at', { mode: 'timestamp' }),
    expiresAt: integer('expires_at', { mode: 'timestamp' }),
  },
  (table) => [
    uniqueIndex('campaign_signatures_email_key_idx').on(table.campaignId, table.emailKey),
    uniqueIndex('campaign_signatures_confirm_idx').on(table.confirmTokenHash),
    uniqueIndex('campaign_signatures_manage_idx').on(table.manageTokenHash),
    index('campaign_signatures_confirmed_idx').on(table.campaignId, table.confirmedAt),
    index('campaign_signatures_expiry_idx').on(table.expiresAt),
  ],
);

/**
 * An update posted by the organizer. It is emailed in batches to confirmed signers who opted
 * in: `mailed_through` is the last signature id reached, `mailing_claimed_until` a lease so
 * overlapping job runs never send the same batch twice.
 */
export const campaignUpdates = sqliteTable(
  'campaign_updates',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    /** The site's address when posted, for links in the emails (a scheduled job has no request). */
    siteOrigin: text('site_origin').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
    mailedThrough: integer('mailed_through').notNull().default(0),
    mailingDoneAt: integer('mailing_done_at', { mode: 'timestamp' }),
    mailingClaimedUntil: integer('mailing_claimed_until', { mode: 'timestamp' }),
  },
  (table) => [index('campaign_updates_campaign_idx').on(table.campaignId, table.createdAt)],
);
