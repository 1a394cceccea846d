// Events. Organizers publish (moderated until trusted); anyone may RSVP without an account.

import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';
import { campaigns } from './campaigns';

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
    /** The campaign this event is part of (the organizer's own, public when linked); cleared if the campaign goes. */
    campaignId: text('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull(),
    category: text('category', {
      enum: ['workshop', 'training', 'vigil', 'meeting', 'fundraiser', 'other'],
    }).notNull(),
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
    /** The language the organizer wrote the title and description in, for `lang` attributes. */
    contentLanguage: text('content_language').notNull().default('en'),
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
    // The public list walks events in (start, id) order and stops after a page; a series is
    // shown once by its first occurrence, found through (series, start, id).
    index('events_starts_id_idx').on(table.startsAt, table.id),
    index('events_series_starts_idx').on(table.seriesId, table.startsAt, table.id),
    index('events_campaign_idx').on(table.campaignId, table.startsAt),
    // The cities of upcoming events (the list's filter) from the index alone, in order.
    index('events_status_city_idx').on(table.status, table.city, table.endsAt),
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
    /** A second private link, sent with the reminder, so the first email's link keeps working too. */
    reminderTokenHash: text('reminder_token_hash').unique(),
    /**
     * A third private link, emailed to the address when someone RSVPs again with it: the links
     * already sent keep working, and nothing a stranger types changes this RSVP. Each new
     * attempt replaces this link alone.
     */
    recoveryTokenHash: text('recovery_token_hash').unique(),
    /** The site's address when the RSVP was taken, for the link in the reminder (a job has no request). */
    siteOrigin: text('site_origin').notNull().default(''),
  },
  (table) => [
    uniqueIndex('event_rsvps_event_email_idx').on(table.eventId, table.email),
    index('event_rsvps_event_status_idx').on(table.eventId, table.status, table.createdAt),
  ],
);
