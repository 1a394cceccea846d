// Campaigns: petitions, letters and calls to a named target. Signers need no account.

import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';

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
    status: text('status', {
      enum: ['draft', 'submitted', 'published', 'closed', 'delivered'],
    }).notNull(),
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
    /** The language the organizer wrote in (title, ask, body, letter), for `lang` attributes. */
    contentLanguage: text('content_language').notNull().default('en'),
    /** Calls made, counted without keeping anything about the caller. */
    callCount: integer('call_count').notNull().default(0),
    deliveryNote: text('delivery_note'),
    deliveredOn: text('delivered_on'),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
    publishedAt: integer('published_at', { mode: 'timestamp' }),
    /** When the campaign was closed or delivered: the retention clock for signers' emails starts here. */
    endedAt: integer('ended_at', { mode: 'timestamp' }),
  },
  (table) => [
    index('campaigns_status_idx').on(table.status, table.publishedAt),
    index('campaigns_owner_idx').on(table.ownerId),
  ],
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
