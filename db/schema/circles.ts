// Care circles. A survivor (the owner) invites the people they trust, writes how they want to be
// supported, asks for practical help, and can take space. Nobody outside a circle sees anything
// of it, moderators and admins included. Every id is random (128 bits, db/circles/ids.ts).
//
// Closing a circle deletes everything in it at once; only the circle row (label wiped) and its
// members' rows (names wiped) stay, so its addresses answer former members 410 rather than 404,
// for CLOSED_CIRCLE_KEEP_DAYS (db/circles/rules.ts); then the purge removes them too.

import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';
import { services } from './resources-hsds';

/** The kinds of help a charter welcomes and a need asks for (the guide's list). */
export const circleHelpKinds = [
  'ride',
  'appointment',
  'meal',
  'childcare',
  'errand',
  'company',
  'supplies',
  'other',
] as const;

/** How often members are nudged to check in. */
export const circleCheckInPaces = ['never', 'weekly', 'fortnightly', 'monthly'] as const;

/** One circle, and the owner's settings for it. */
export const circles = sqliteTable(
  'circles',
  {
    id: text('id').primaryKey(),
    /**
     * Null once the owner's account is deleted. Account deletion closes the circle first
     * (db/circles/close.ts); the FK's SET NULL is only the backstop.
     */
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'set null' }),
    /** A private name only the owner sees ("My people"). Wiped when the circle closes. */
    label: text('label').notNull(),
    /** IANA time zone the circle's times are typed and shown in. */
    timeZone: text('time_zone').notNull(),
    /** Quiet hours, as minutes after midnight in the circle's zone (default 21:00–08:00). */
    quietStartMinute: integer('quiet_start_minute').notNull().default(1260),
    quietEndMinute: integer('quiet_end_minute').notNull().default(480),
    /** Whether members may see each other's names (off by default). */
    memberListVisible: integer('member_list_visible', { mode: 'boolean' }).notNull().default(false),
    /** Whether late cancellations and unfilled needs are shown to the owner too, not only to a coordinator. */
    ownerToldOfGaps: integer('owner_told_of_gaps', { mode: 'boolean' }).notNull().default(false),
    /** How many hours before a need its place is shown to its helpers. */
    placeRevealHours: integer('place_reveal_hours').notNull().default(24),
    /** The current charter's check-in pace and channel, kept here for the nudge job. */
    checkInPace: text('check_in_pace', { enum: circleCheckInPaces }).notNull().default('never'),
    checkInByEmail: integer('check_in_by_email', { mode: 'boolean' }).notNull().default(false),
    /** "I need space": set while the owner takes space; only the owner ends it. */
    spaceSince: integer('space_since', { mode: 'timestamp' }),
    /** The end date the owner chose, if any (space ends by itself then). */
    spaceUntil: integer('space_until', { mode: 'timestamp' }),
    /** While taking space, whether practical help (needs, sign-ups) goes on. */
    spacePracticalHelpGoesOn: integer('space_practical_help_goes_on', { mode: 'boolean' })
      .notNull()
      .default(true),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
    /** Set by closing; the circle is purged CLOSED_CIRCLE_KEEP_DAYS later. */
    closedAt: integer('closed_at', { mode: 'timestamp' }),
  },
  (table) => [
    index('circles_owner_idx').on(table.ownerId),
    // The purge of closed circles (db/circles/close.ts) looks only at these.
    index('circles_closed_idx')
      .on(table.closedAt)
      .where(sql`closed_at IS NOT NULL`),
  ],
);

/**
 * A member of a circle. The row stays when they leave or are removed (`endedAt`), so the owner's
 * history still names them and a new invitation can bring them back; an ended member is outside
 * the circle (404) like anyone else. Deleting the account deletes the row.
 */
export const circleMembers = sqliteTable(
  'circle_members',
  {
    id: text('id').primaryKey(),
    circleId: text('circle_id')
      .notNull()
      .references(() => circles.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The name they chose for this circle. */
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ['member', 'coordinator'] })
      .notNull()
      .default('member'),
    /** "How much I can help", in their words. */
    offer: text('offer').notNull().default(''),
    /** Stepping back for a while: no nudges or reminders of new needs until then. */
    steppedBackUntil: integer('stepped_back_until', { mode: 'timestamp' }),
    /** The number of the charter version they last read (null: never). */
    charterVersionRead: integer('charter_version_read'),
    joinedAt: integer('joined_at', { mode: 'timestamp' }).notNull(),
    endedAt: integer('ended_at', { mode: 'timestamp' }),
    ended: text('ended', { enum: ['left', 'removed'] }),
  },
  (table) => [
    uniqueIndex('circle_members_circle_user_idx').on(table.circleId, table.userId),
    index('circle_members_user_idx').on(table.userId),
  ],
);

/**
 * An invitation to one address. The token is stored only as a hash; the address only as a hash
 * too (checked against the signed-in account's email), with a masked hint for the owner's list.
 * Works once (`acceptedAt`, claimed atomically), for 7 days, unless revoked.
 */
export const circleInvitations = sqliteTable(
  'circle_invitations',
  {
    id: text('id').primaryKey(),
    circleId: text('circle_id')
      .notNull()
      .references(() => circles.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    /** SHA-256 of the normalised (trimmed, lower-case) address. */
    emailHash: text('email_hash').notNull(),
    /** What the owner sees in the list, e.g. "s…@example.org". */
    addressHint: text('address_hint').notNull(),
    /** Written by the owner knowingly; the only personal words an invitation email may carry. */
    personalNote: text('personal_note').notNull().default(''),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp' }).notNull(),
    revokedAt: integer('revoked_at', { mode: 'timestamp' }),
    acceptedAt: integer('accepted_at', { mode: 'timestamp' }),
    /** The member row the one successful acceptance created (the race's winner). */
    acceptedMemberId: text('accepted_member_id'),
  },
  (table) => [index('circle_invitations_circle_idx').on(table.circleId, table.createdAt)],
);

/** One saved version of the support charter. Never updated: each save inserts the next number. */
export const circleCharterVersions = sqliteTable(
  'circle_charter_versions',
  {
    id: text('id').primaryKey(),
    circleId: text('circle_id')
      .notNull()
      .references(() => circles.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    /** Kinds from circleHelpKinds, comma-separated. */
    helpKinds: text('help_kinds').notNull().default(''),
    helpText: text('help_text').notNull().default(''),
    checkInChannel: text('check_in_channel', { enum: ['site', 'email'] })
      .notNull()
      .default('site'),
    checkInPace: text('check_in_pace', { enum: circleCheckInPaces }).notNull().default('never'),
    topicsToAvoid: text('topics_to_avoid').notNull().default(''),
    spaceMeaning: text('space_meaning').notNull().default(''),
    accompaniment: text('accompaniment').notNull().default(''),
    anythingElse: text('anything_else').notNull().default(''),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
  },
  (table) => [uniqueIndex('circle_charter_versions_number_idx').on(table.circleId, table.number)],
);

/**
 * Something the owner (or a coordinator) asks for. A weekly repeat makes one row per occurrence,
 * sharing `seriesId`. `anyTime` means "any time between startsAt and endsAt".
 */
export const circleNeeds = sqliteTable(
  'circle_needs',
  {
    id: text('id').primaryKey(),
    circleId: text('circle_id')
      .notNull()
      .references(() => circles.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: circleHelpKinds }).notNull(),
    title: text('title').notNull(),
    startsAt: integer('starts_at', { mode: 'timestamp' }).notNull(),
    endsAt: integer('ends_at', { mode: 'timestamp' }).notNull(),
    anyTime: integer('any_time', { mode: 'boolean' }).notNull().default(false),
    helpersWanted: integer('helpers_wanted').notNull().default(1),
    /** Shown only to the owner, a coordinator and its helpers, only near the time; erased after. */
    place: text('place').notNull().default(''),
    /** When the place is erased (7 days after the need ends); null once erased or never set. */
    placeEraseAfter: integer('place_erase_after', { mode: 'timestamp' }),
    resourceId: text('resource_id').references(() => services.id, { onDelete: 'set null' }),
    note: text('note').notNull().default(''),
    seriesId: text('series_id'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp' }).notNull(),
  },
  (table) => [
    index('circle_needs_circle_starts_idx').on(table.circleId, table.startsAt),
    index('circle_needs_series_idx').on(table.seriesId),
    index('circle_needs_starts_idx').on(table.startsAt),
    index('circle_needs_place_erase_idx')
      .on(table.placeEraseAfter)
      .where(sql`place_erase_after IS NOT NULL`),
  ],
);

/** A member's sign-up for a need. Cancelling keeps the row (`cancelledAt`) for the history. */
export const circleSignUps = sqliteTable(
  'circle_sign_ups',
  {
    id: text('id').primaryKey(),
    circleId: text('circle_id')
      .notNull()
      .references(() => circles.id, { onDelete: 'cascade' }),
    needId: text('need_id')
      .notNull()
      .references(() => circleNeeds.id, { onDelete: 'cascade' }),
    memberId: text('member_id')
      .notNull()
      .references(() => circleMembers.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
    cancelledAt: integer('cancelled_at', { mode: 'timestamp' }),
  },
  (table) => [
    // One live sign-up per member and need.
    uniqueIndex('circle_sign_ups_active_idx')
      .on(table.needId, table.memberId)
      .where(sql`cancelled_at IS NULL`),
    index('circle_sign_ups_need_idx').on(table.needId, table.cancelledAt),
    index('circle_sign_ups_member_idx').on(table.memberId, table.cancelledAt),
  ],
);

/**
 * A reminder of a sign-up, claimed by inserting this row: the unique (sign-up, kind) makes each
 * reminder go out exactly once, however job runs overlap. `heldUntil` is the end of the
 * recipient's quiet hours when it fell inside them.
 */
export const circleReminderDeliveries = sqliteTable(
  'circle_reminder_deliveries',
  {
    id: text('id').primaryKey(),
    signUpId: text('sign_up_id')
      .notNull()
      .references(() => circleSignUps.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['24h', '2h'] }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
    heldUntil: integer('held_until', { mode: 'timestamp' }),
    sentAt: integer('sent_at', { mode: 'timestamp' }),
  },
  (table) => [
    uniqueIndex('circle_reminder_deliveries_once_idx').on(table.signUpId, table.kind),
    index('circle_reminder_deliveries_held_idx')
      .on(table.heldUntil)
      .where(sql`sent_at IS NULL`),
  ],
);

/**
 * A nudge to a member to check in, one per member and period (the unique key makes it exactly
 * once); held like a reminder through quiet hours.
 */
export const circleCheckInNudges = sqliteTable(
  'circle_check_in_nudges',
  {
    id: text('id').primaryKey(),
    circleId: text('circle_id')
      .notNull()
      .references(() => circles.id, { onDelete: 'cascade' }),
    memberId: text('member_id')
      .notNull()
      .references(() => circleMembers.id, { onDelete: 'cascade' }),
    /** The period it belongs to, e.g. "2026-W19", "2026-05" (db/circles/check-ins). */
    periodKey: text('period_key').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
    heldUntil: integer('held_until', { mode: 'timestamp' }),
    sentAt: integer('sent_at', { mode: 'timestamp' }),
  },
  (table) => [
    uniqueIndex('circle_check_in_nudges_once_idx').on(table.memberId, table.periodKey),
    index('circle_check_in_nudges_held_idx')
      .on(table.heldUntil)
      .where(sql`sent_at IS NULL`),
  ],
);

/** A member's short check-in message to the owner: at most one per member and period. */
export const circleCheckInMessages = sqliteTable(
  'circle_check_in_messages',
  {
    id: text('id').primaryKey(),
    circleId: text('circle_id')
      .notNull()
      .references(() => circles.id, { onDelete: 'cascade' }),
    memberId: text('member_id')
      .notNull()
      .references(() => circleMembers.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    periodKey: text('period_key').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
    readAt: integer('read_at', { mode: 'timestamp' }),
    /**
     * When the owner is to be told by email (they chose email): at once, or the end of quiet
     * hours. Null when no email is due (site only, already sent, or dropped when space began).
     */
    ownerMailDueAt: integer('owner_mail_due_at', { mode: 'timestamp' }),
    /** When the neutral email went: claimed by one conditional update, so it goes once. */
    ownerMailedAt: integer('owner_mailed_at', { mode: 'timestamp' }),
  },
  (table) => [
    uniqueIndex('circle_check_in_messages_period_idx').on(table.memberId, table.periodKey),
    index('circle_check_in_messages_circle_idx').on(table.circleId, table.createdAt),
    index('circle_check_in_messages_mail_due_idx')
      .on(table.ownerMailDueAt)
      .where(sql`owner_mail_due_at IS NOT NULL AND owner_mailed_at IS NULL`),
  ],
);

/** The owner's private notes: nobody else reads them, coordinators included. */
export const circleOwnerNotes = sqliteTable(
  'circle_owner_notes',
  {
    id: text('id').primaryKey(),
    circleId: text('circle_id')
      .notNull()
      .references(() => circles.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp' }).notNull(),
  },
  (table) => [index('circle_owner_notes_circle_idx').on(table.circleId, table.createdAt)],
);

/** What the owner's history can say happened. */
export const circleHistoryKinds = [
  'joined',
  'left',
  'removed',
  'signed_up',
  'cancelled',
  'released',
  'coordinator_named',
  'coordinator_unnamed',
  'invited',
  'invitation_revoked',
  'need_posted',
  'need_cancelled',
  'charter_saved',
  'space_started',
  'space_ended',
] as const;
export type CircleHistoryKind = (typeof circleHistoryKinds)[number];

/**
 * Who joined, left, was removed, signed up or cancelled, for the owner alone. Never any text
 * (no message, no note, no place): a kind, whom it concerns, and when.
 */
export const circleHistory = sqliteTable(
  'circle_history',
  {
    id: text('id').primaryKey(),
    circleId: text('circle_id')
      .notNull()
      .references(() => circles.id, { onDelete: 'cascade' }),
    /** The member it concerns (who signed up, who was removed…); null for the owner's own acts. */
    memberId: text('member_id').references(() => circleMembers.id, { onDelete: 'set null' }),
    /** Who did it. */
    actor: text('actor', { enum: ['owner', 'member', 'coordinator', 'system'] }).notNull(),
    kind: text('kind', { enum: circleHistoryKinds }).notNull(),
    needId: text('need_id').references(() => circleNeeds.id, { onDelete: 'set null' }),
    at: integer('at', { mode: 'timestamp' }).notNull(),
  },
  (table) => [index('circle_history_circle_idx').on(table.circleId, table.at)],
);
