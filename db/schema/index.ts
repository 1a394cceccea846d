/**
 * The drizzle schema: every table of every area. One migrations folder (db/migrations),
 * generated from this file by drizzle-kit, serves D1 and libsql alike.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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

// ---------------------------------------------------------------------------------------------
// Stories. A survivor writes; every change is a new version; only the author approves an exact
// version, with a consent scope and an end date; a moderator publishes only an approved version;
// withdrawal takes effect at once. The audit trail says who did what, never the text.

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
  (table) => [index('stories_author_idx').on(table.authorId), index('stories_published_idx').on(table.publishedApprovalId)],
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
  (table) => [index('story_approvals_story_idx').on(table.storyId), index('story_approvals_expiry_idx').on(table.expiresAt)],
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
      enum: ['created', 'edited', 'edit-suggested', 'submitted', 'approved', 'published', 'withdrawn', 'versions-deleted', 'expired', 'reminded'],
    }).notNull(),
    versionNumber: integer('version_number'),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
  },
  (table) => [index('story_events_story_idx').on(table.storyId, table.createdAt)],
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
    /** The campaign this event is part of (the organizer's own, public when linked); cleared if the campaign goes. */
    campaignId: text('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
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
    index('events_campaign_idx').on(table.campaignId, table.startsAt),
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
    /** The site's address when the RSVP was taken, for the link in the reminder (a job has no request). */
    siteOrigin: text('site_origin').notNull().default(''),
  },
  (table) => [
    uniqueIndex('event_rsvps_event_email_idx').on(table.eventId, table.email),
    index('event_rsvps_event_status_idx').on(table.eventId, table.status, table.createdAt),
  ],
);

// ---------------------------------------------------------------------------------------------
/*
 * Resource directory: the core of Open Referral HSDS 3.0. Tables are named like HSDS's tabular
 * files (organizations.csv → `organizations`) and columns keep HSDS field names, so import and
 * export map one to one. Columns HSDS lacks are marked "platform". Ids are HSDS UUIDs (text).
 */
const boolean = (name: string) => integer(name, { mode: 'boolean' }).notNull().default(false);

export const organizations = sqliteTable('organizations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  alternateName: text('alternate_name'),
  description: text('description'),
  email: text('email'),
  website: text('website'),
  taxStatus: text('tax_status'),
  taxId: text('tax_id'),
  yearIncorporated: integer('year_incorporated'),
  legalStatus: text('legal_status'),
  logo: text('logo'),
  uri: text('uri'),
  parentOrganizationId: text('parent_organization_id'),
  /** platform: BCP 47 language of the free text (name, description), for `lang` attributes. */
  contentLanguage: text('content_language').notNull().default('en'),
});

export const services = sqliteTable(
  'services',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    programId: text('program_id'),
    name: text('name').notNull(),
    alternateName: text('alternate_name'),
    description: text('description'),
    url: text('url'),
    email: text('email'),
    /** HSDS: active, inactive, defunct, temporarily closed. Only active services are listed. */
    status: text('status').notNull().default('active'),
    interpretationServices: text('interpretation_services'),
    applicationProcess: text('application_process'),
    feesDescription: text('fees_description'),
    waitTime: text('wait_time'),
    fees: text('fees'),
    accreditations: text('accreditations'),
    eligibilityDescription: text('eligibility_description'),
    minimumAge: integer('minimum_age'),
    maximumAge: integer('maximum_age'),
    assuredDate: text('assured_date'),
    assurerEmail: text('assurer_email'),
    licenses: text('licenses'),
    alert: text('alert'),
    lastModified: integer('last_modified', { mode: 'timestamp' }),
    /** platform: a readable address, /resources/<slug>. */
    slug: text('slug').notNull().unique(),
    /** platform: language of the free text. */
    contentLanguage: text('content_language').notNull().default('en'),
    /** platform: staff trained in trauma-informed care. */
    traumaInformed: boolean('trauma_informed'),
    /** platform: run or co-run by people with lived experience. */
    survivorLed: boolean('survivor_led'),
    /** platform: no appointment needed. */
    walkIn: boolean('walk_in'),
    /** platform: when a person last confirmed the record. Set only by verification, never by import or edit. */
    verifiedAt: integer('verified_at', { mode: 'timestamp' }),
    /** platform: the role of the person who confirmed it (e.g. "moderator"), never their name. */
    verifiedByRole: text('verified_by_role'),
  },
  (table) => [
    index('services_organization_idx').on(table.organizationId),
    index('services_verified_idx').on(table.verifiedAt),
    // What a search checks of each candidate service, from the index alone.
    index('services_search_idx').on(table.id, table.status, table.organizationId, table.verifiedAt),
  ],
);

export const locations = sqliteTable(
  'locations',
  {
    id: text('id').primaryKey(),
    /** HSDS: physical, postal or virtual. A service whose locations are all virtual is online only. */
    locationType: text('location_type').notNull().default('physical'),
    url: text('url'),
    organizationId: text('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name'),
    alternateName: text('alternate_name'),
    description: text('description'),
    transportation: text('transportation'),
    latitude: real('latitude'),
    longitude: real('longitude'),
    externalIdentifier: text('external_identifier'),
    externalIdentifierType: text('external_identifier_type'),
    /** platform: the address is never shown, exported or served ("call for the address"). */
    confidentialLocation: boolean('confidential_location'),
    /** platform: IANA time zone of the place (HSDS only has a numeric offset per schedule). */
    timeZone: text('time_zone').notNull().default('UTC'),
    /**
     * platform: the position distances are measured from, kept by triggers (migration
     * 0014_search_position_triggers): a confidential place counts only by a ~10 km cell, so
     * distances cannot be used to find it. Plain columns, not generated ones, so an index holding
     * them answers a search near a point without reading the table.
     */
    searchLatitude: real('search_latitude'),
    searchLongitude: real('search_longitude'),
  },
  (table) => [
    index('locations_time_zone_idx').on(table.timeZone),
    index('locations_latitude_idx').on(table.latitude),
    // A box of places by position, and a place's zone and position by id, from the index alone.
    index('locations_search_position_idx').on(table.searchLatitude, table.searchLongitude, table.id),
    index('locations_search_by_id_idx').on(table.id, table.timeZone, table.searchLatitude, table.searchLongitude),
  ],
);

export const serviceAtLocation = sqliteTable(
  'service_at_location',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    locationId: text('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    description: text('description'),
  },
  // Both ways with both ids, so a search walks from services to places and back on indexes alone.
  (table) => [index('sal_service_idx').on(table.serviceId, table.locationId), index('sal_location_idx').on(table.locationId, table.serviceId)],
);

export const addresses = sqliteTable(
  'addresses',
  {
    id: text('id').primaryKey(),
    locationId: text('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    attention: text('attention'),
    address1: text('address_1').notNull(),
    address2: text('address_2'),
    city: text('city').notNull(),
    region: text('region'),
    stateProvince: text('state_province').notNull(),
    postalCode: text('postal_code').notNull(),
    country: text('country').notNull(),
    /** HSDS: physical, postal or virtual. */
    addressType: text('address_type').notNull().default('physical'),
  },
  // Both ways with the other column: a filter checks a candidate, or lists its set, from an index alone.
  (table) => [index('addresses_location_idx').on(table.locationId, table.city), index('addresses_city_idx').on(table.city, table.locationId)],
);

export const phones = sqliteTable(
  'phones',
  {
    id: text('id').primaryKey(),
    locationId: text('location_id').references(() => locations.id, { onDelete: 'cascade' }),
    serviceId: text('service_id').references(() => services.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    contactId: text('contact_id'),
    serviceAtLocationId: text('service_at_location_id'),
    number: text('number').notNull(),
    extension: integer('extension'),
    /** HSDS: text, voice, fax, cell, video, pager, textphone. */
    type: text('type'),
    description: text('description'),
  },
  (table) => [index('phones_service_idx').on(table.serviceId), index('phones_location_idx').on(table.locationId)],
);

export const schedules = sqliteTable(
  'schedules',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id').references(() => services.id, { onDelete: 'cascade' }),
    /** Always filled here (an import derives it from service_at_location): "open now" needs the place's time zone. */
    locationId: text('location_id').references(() => locations.id, { onDelete: 'cascade' }),
    serviceAtLocationId: text('service_at_location_id'),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    dtstart: text('dtstart'),
    timezone: real('timezone'),
    until: text('until'),
    count: integer('count'),
    wkst: text('wkst'),
    freq: text('freq'),
    interval: integer('interval'),
    /** RFC 5545 days, e.g. "MO,TU,WE". Empty means every day. */
    byday: text('byday'),
    byweekno: text('byweekno'),
    bymonthday: text('bymonthday'),
    byyearday: text('byyearday'),
    description: text('description'),
    /** Local time "HH:MM" or "HH:MM:SS". closes_at before opens_at runs past midnight; equal means all day. */
    opensAt: text('opens_at'),
    closesAt: text('closes_at'),
    scheduleLink: text('schedule_link'),
    attendingType: text('attending_type'),
    notes: text('notes'),
    /** platform: byday as bits (MO = 1 … SU = 64, every day = 127), kept by a trigger, for a fast "open now". */
    dayMask: integer('day_mask'),
    /** platform: opens_at and closes_at in minutes after midnight, kept by a trigger. */
    opensMinute: integer('opens_minute'),
    closesMinute: integer('closes_minute'),
  },
  (table) => [
    // Holds everything "open now" reads, so the test of one service never reads the table.
    index('schedules_service_idx').on(table.serviceId, table.locationId, table.dayMask, table.opensMinute, table.closesMinute, table.validFrom, table.validTo),
    index('schedules_location_idx').on(table.locationId),
  ],
);

export const languages = sqliteTable(
  'languages',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id').references(() => services.id, { onDelete: 'cascade' }),
    locationId: text('location_id').references(() => locations.id, { onDelete: 'cascade' }),
    phoneId: text('phone_id'),
    name: text('name'),
    /** ISO 639 code, e.g. "fr". */
    code: text('code'),
    note: text('note'),
  },
  // Both ways with the other column: a filter checks a candidate, or lists its set, from an index alone.
  (table) => [index('languages_service_idx').on(table.serviceId, table.code), index('languages_code_idx').on(table.code, table.serviceId)],
);

export const accessibility = sqliteTable(
  'accessibility',
  {
    id: text('id').primaryKey(),
    locationId: text('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    description: text('description'),
    details: text('details'),
    url: text('url'),
  },
  (table) => [index('accessibility_location_idx').on(table.locationId)],
);

export const costOptions = sqliteTable(
  'cost_options',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    option: text('option'),
    currency: text('currency'),
    /** 0 means free. A service is free when every cost option is 0. */
    amount: real('amount'),
    amountDescription: text('amount_description'),
  },
  // With the amount, so the "free" filter checks a candidate from the index alone.
  (table) => [index('cost_options_service_idx').on(table.serviceId, table.amount)],
);

/**
 * platform: what a search checks of one service, in one row, kept in step by triggers (migration
 * 0020_service_search_rows_triggers) and rebuilt with the full-text index. `id` is the service's
 * rowid in services_fts, so a full-text hit reaches its row by integer key; a count or a filter
 * then tests a candidate with one lookup instead of one per filter. Lists hold codes and cities
 * between char(31) marks, so `instr` finds a whole value.
 */
export const serviceSearchRows = sqliteTable(
  'service_search_rows',
  {
    id: integer('id').primaryKey(),
    serviceId: text('service_id').notNull(),
    /** status = 'active' */
    active: integer('active').notNull(),
    walkIn: integer('walk_in').notNull(),
    traumaInformed: integer('trauma_informed').notNull(),
    survivorLed: integer('survivor_led').notNull(),
    /** It has cost options, all of them 0. */
    free: integer('free').notNull(),
    /** It has no place other than virtual ones. */
    online: integer('online').notNull(),
    categories: text('categories').notNull(),
    languages: text('languages').notNull(),
    cities: text('cities').notNull(),
    /**
     * "Open now" without reading the schedules, when they allow it: the zone and the one schedule
     * that counts (day_mask, opens_minute, closes_minute as in schedules); 'UTC' and day_mask 0
     * when none counts. Null zone when several schedules or valid dates count: then they are read.
     */
    hoursZone: text('hours_zone'),
    dayMask: integer('day_mask'),
    opensMinute: integer('opens_minute'),
    closesMinute: integer('closes_minute'),
    /** How many places with a position it has (locations.search_latitude/longitude). */
    placeCount: integer('place_count'),
    /** The position of its place when it has exactly one, so "within a radius" reads the row alone. */
    latitude: real('latitude'),
    longitude: real('longitude'),
  },
  (table) => [
    uniqueIndex('service_search_rows_service_idx').on(table.serviceId),
    // Holds what a radius count without words checks first (place, status, the hours of "open
    // now"), so a candidate that fails them costs no lookup of its row.
    index('service_search_rows_position_idx').on(
      table.latitude,
      table.longitude,
      table.placeCount,
      table.active,
      table.hoursZone,
      table.dayMask,
      table.opensMinute,
      table.closesMinute,
      table.serviceId,
    ),
  ],
);

export const requiredDocuments = sqliteTable(
  'required_documents',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    document: text('document'),
    uri: text('uri'),
  },
  (table) => [index('required_documents_service_idx').on(table.serviceId)],
);

export const serviceAreas = sqliteTable(
  'service_areas',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    name: text('name'),
    description: text('description'),
    extent: text('extent'),
    extentType: text('extent_type'),
    uri: text('uri'),
  },
  (table) => [index('service_areas_service_idx').on(table.serviceId)],
);

export const taxonomies = sqliteTable('taxonomies', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  uri: text('uri'),
  version: text('version'),
});

export const taxonomyTerms = sqliteTable(
  'taxonomy_terms',
  {
    id: text('id').primaryKey(),
    code: text('code'),
    name: text('name').notNull(),
    description: text('description').notNull(),
    parentId: text('parent_id'),
    taxonomy: text('taxonomy'),
    language: text('language'),
    taxonomyId: text('taxonomy_id').references(() => taxonomies.id, { onDelete: 'cascade' }),
    termUri: text('term_uri'),
  },
  (table) => [index('taxonomy_terms_code_idx').on(table.code)],
);

/** platform: a term's name in other languages (HSDS keeps one language per term). */
export const taxonomyTermTranslations = sqliteTable(
  'taxonomy_term_translations',
  {
    taxonomyTermId: text('taxonomy_term_id')
      .notNull()
      .references(() => taxonomyTerms.id, { onDelete: 'cascade' }),
    language: text('language').notNull(),
    name: text('name').notNull(),
    description: text('description'),
  },
  (table) => [primaryKey({ columns: [table.taxonomyTermId, table.language] })],
);

/** HSDS attribute: links a taxonomy term to any record (here, mostly services: link_type "service"). */
export const attributes = sqliteTable(
  'attributes',
  {
    id: text('id').primaryKey(),
    linkId: text('link_id').notNull(),
    taxonomyTermId: text('taxonomy_term_id')
      .notNull()
      .references(() => taxonomyTerms.id, { onDelete: 'cascade' }),
    linkType: text('link_type'),
    linkEntity: text('link_entity'),
    value: text('value'),
  },
  // Both ways with the other column: a filter checks a candidate, or lists its set, from an index alone.
  (table) => [index('attributes_link_idx').on(table.linkId, table.taxonomyTermId), index('attributes_term_idx').on(table.taxonomyTermId, table.linkId)],
);

/**
 * platform: "Report a problem" with a resource, for moderators. No account and no client data:
 * only what the person wrote, and a contact only if they chose to give one.
 */
export const resourceReports = sqliteTable(
  'resource_reports',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    problem: text('problem').notNull(),
    contact: text('contact'),
    /** open, resolved or dismissed. */
    status: text('status').notNull().default('open'),
    /** How many times the same problem was sent again while open (duplicates are counted, not stored). */
    repeats: integer('repeats').notNull().default(0),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
    resolvedAt: integer('resolved_at', { mode: 'timestamp' }),
  },
  (table) => [index('resource_reports_status_idx').on(table.status, table.createdAt), index('resource_reports_service_idx').on(table.serviceId)],
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
  (table) => [primaryKey({ columns: [table.userId, table.key] }), index('form_submissions_created_idx').on(table.createdAt)],
);

/**
 * platform: who changed a resource, and which fields — never the values, so the log holds no
 * personal data. The person is kept only while their account exists; the role stays.
 */
export const resourceChanges = sqliteTable(
  'resource_changes',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    changedAt: integer('changed_at', { mode: 'timestamp_ms' }).notNull(),
    actorUserId: text('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** moderator or admin. */
    actorRole: text('actor_role').notNull(),
    /** created, edited, verified, report-resolved, report-dismissed. */
    action: text('action').notNull(),
    /** JSON array of field names, e.g. ["name","hours"]. */
    changedFields: text('changed_fields', { mode: 'json' }).$type<string[]>().notNull(),
  },
  (table) => [index('resource_changes_service_idx').on(table.serviceId, table.changedAt)],
);

/**
 * platform: a counter that triggers (migration 0026) raise whenever something the search page
 * lists or the "open now" test reads changes: taxonomy terms and their translations, service
 * languages, cities of addresses, time zones of places. The filter options and the zones in use
 * are kept per database handle and read again only when it moved (db/resources/options-cache.ts).
 */
export const searchOptionsVersion = sqliteTable('search_options_version', {
  id: integer('id').primaryKey(),
  version: integer('version').notNull(),
});
