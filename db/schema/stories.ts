// Stories. A survivor writes; every change is a new version; only the author approves an exact
// version, with a consent scope and an end date; a moderator publishes only an approved version;
// withdrawal takes effect at once. The audit trail says who did what, never the text.

import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';

/**
 * A story. What the public sees is decided here and nowhere else: `publishedApprovalId` names
 * the author's approval (of one exact version, with its consent) that a moderator published.
 * A withdrawn story keeps only this row (no text) so its address answers 410 Gone.
 */
export const stories = sqliteTable(
  'stories',
  {
    id: text('id').primaryKey(),
    /** Null once the author's account is deleted (the row stays as a withdrawn tombstone). */
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
    /** When the author asked moderators to read it; null for a draft. */
    submittedAt: integer('submitted_at', { mode: 'timestamp' }),
    publishedApprovalId: text('published_approval_id'),
    publishedAt: integer('published_at', { mode: 'timestamp' }),
    withdrawnAt: integer('withdrawn_at', { mode: 'timestamp' }),
  },
  (table) => [
    index('stories_author_idx').on(table.authorId),
    index('stories_published_idx').on(table.publishedApprovalId),
    // /stories and the review queue walk these in order and stop after a page (keyset paging).
    index('stories_published_at_idx').on(table.publishedAt, table.id),
    index('stories_submitted_at_idx').on(table.submittedAt, table.id),
  ],
);

/** One version of a story. Never updated: an edit by anyone inserts the next number. */
export const storyVersions = sqliteTable(
  'story_versions',
  {
    id: text('id').primaryKey(),
    storyId: text('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** The name readers see: a pseudonym, a first name, or empty for "Anonymous". */
    shownName: text('shown_name').notNull(),
    /** Language the story is written in (a code from a fixed list). */
    language: text('language').notNull(),
    /** Content note keys, comma-separated (violence, sexual-violence, self-harm, substance-use, other). */
    contentNotes: text('content_notes').notNull(),
    contentNoteText: text('content_note_text').notNull(),
    /** Who wrote this version: the author, or a moderator suggesting an edit. */
    madeBy: text('made_by', { enum: ['author', 'moderator'] }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
  },
  (table) => [uniqueIndex('story_versions_number_idx').on(table.storyId, table.number)],
);

/**
 * The author's approval of one exact version, with the consent given: where it may appear and
 * until when. A new approval never changes an old one.
 */
export const storyApprovals = sqliteTable(
  'story_approvals',
  {
    id: text('id').primaryKey(),
    storyId: text('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    versionId: text('version_id')
      .notNull()
      .references(() => storyVersions.id, { onDelete: 'cascade' }),
    approvedAt: integer('approved_at', { mode: 'timestamp' }).notNull(),
    consentOwnPage: integer('consent_own_page', { mode: 'boolean' }).notNull(),
    /** Campaign ids, comma-separated (campaigns live in another area; plain ids on purpose). */
    consentCampaignIds: text('consent_campaign_ids').notNull(),
    consentEventQuotes: integer('consent_event_quotes', { mode: 'boolean' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp' }).notNull(),
    /** The site address the author approved on: the renewal email links back to it. */
    siteOrigin: text('site_origin').notNull(),
    /** Set when the renewal reminder is claimed, so it is sent once. */
    reminderSentAt: integer('reminder_sent_at', { mode: 'timestamp' }),
  },
  (table) => [
    index('story_approvals_story_idx').on(table.storyId),
    index('story_approvals_expiry_idx').on(table.expiresAt),
  ],
);

/** Who did what to a story, and when. Never any text of the story. */
export const storyEvents = sqliteTable(
  'story_events',
  {
    id: text('id').primaryKey(),
    storyId: text('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    actor: text('actor', { enum: ['author', 'moderator', 'system'] }).notNull(),
    action: text('action', {
      enum: [
        'created',
        'edited',
        'edit-suggested',
        'submitted',
        'approved',
        'published',
        'withdrawn',
        'unpublished',
        'versions-deleted',
        'expired',
        'reminded',
      ],
    }).notNull(),
    versionNumber: integer('version_number'),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
  },
  (table) => [index('story_events_story_idx').on(table.storyId, table.createdAt)],
);
