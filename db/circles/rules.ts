import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { normalizeEmail } from '../accounts/users';
import { sql, type SQL } from 'drizzle-orm';
import { randomBytes, sha256Hex } from '../core/random';
import { circles, type circleMembers } from '../schema';

/**
 * The rules of care circles that are not about who may do what (that is db/permissions.ts):
 * ids, time limits, and what a person's place in a circle is.
 */

/** Every circle id (circle, member, invitation, need, sign-up, message) is random: 128 bits, base32. */
export const newCircleId = (): string => encodeBase32LowerCaseNoPadding(randomBytes(16));

/** An invitation works for 7 days. */
export const INVITATION_DAYS = 7;
export const invitationExpiry = (now: Date): Date =>
  new Date(now.getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000);

/**
 * Days a closed circle's id and its former members' links are kept, so that they are answered
 * "this circle is closed" (410) rather than a bare 404; then the purge removes every trace of
 * the circle (db/circles/close.ts). The privacy page states this number.
 */
export const CLOSED_CIRCLE_KEEP_DAYS = 30;

/** Invitations one owner may send: per hour and per day (db/core/rate-limit). */
export const INVITATION_LIMITS = [
  { name: 'circle-invite:hour', max: 10, windowSeconds: 60 * 60 },
  { name: 'circle-invite:day', max: 30, windowSeconds: 24 * 60 * 60 },
] as const;

/** A person's place in a circle; `none` covers strangers, moderators, admins and former members. */
export type CircleRole = 'owner' | 'coordinator' | 'member' | 'none';

type CircleRow = typeof circles.$inferSelect;
type MemberRow = typeof circleMembers.$inferSelect;

/**
 * What a request may know about a circle:
 * - `open`: the circle, the person's role in it, and their member row (null for the owner);
 * - `closed`: the circle was closed and this person was in it (a neutral 410);
 * - `none`: anything else, answered exactly like an unknown id (404).
 */
export type CircleAccess =
  | { kind: 'open'; role: Exclude<CircleRole, 'none'>; circle: CircleRow; member: MemberRow | null }
  | { kind: 'closed' }
  | { kind: 'none' };

/** A member row counts while it has not ended (left or removed). */
export const isActiveMember = (member: Pick<MemberRow, 'endedAt'> | null): boolean =>
  member !== null && member.endedAt === null;

/** A live membership: an active member of a circle that is open (not closed, its owner still there). */
export const isLiveMembership = (
  circle: Pick<CircleRow, 'closedAt' | 'ownerId'>,
  member: Pick<MemberRow, 'endedAt'> | null,
): boolean => isActiveMember(member) && circle.closedAt === null && circle.ownerId !== null;

/**
 * The SQL form of isLiveMembership (isActiveMember in a circle that is open), for a query
 * that joins the members (`m` by default) and their circle (`c`): every circle job asks this one.
 */
export const liveMembershipSql = (member: SQL = sql.raw('m'), circle: SQL = sql.raw('c')) =>
  sql`(${member}.ended_at IS NULL AND ${circle}.closed_at IS NULL AND ${circle}.owner_id IS NOT NULL)`;

/**
 * The one decision of a person's place in a circle, from the circle row and their own member
 * row (if any). An owner whose account is gone leaves a circle that counts as closed.
 */
export const circleAccessOf = (
  userId: string,
  circle: CircleRow | null,
  member: MemberRow | null,
): CircleAccess => {
  if (!circle) return { kind: 'none' };
  const isOwner = circle.ownerId !== null && circle.ownerId === userId;
  const closed = circle.closedAt !== null || circle.ownerId === null;
  if (closed) return isOwner || isActiveMember(member) ? { kind: 'closed' } : { kind: 'none' };
  if (isOwner) return { kind: 'open', role: 'owner', circle, member: null };
  if (member && isActiveMember(member)) return { kind: 'open', role: member.role, circle, member };
  return { kind: 'none' };
};

/** What the owner sees in place of an invited address: its first letter and its domain. */
export const addressHint = (email: string): string => {
  const normalized = normalizeEmail(email);
  const at = normalized.lastIndexOf('@');
  return at > 0 ? `${normalized[0]}…${normalized.slice(at)}` : '…';
};

/** What an invitation stores in place of the address: the SHA-256 of its normalised form. */
export const invitedEmailHash = (email: string): string => sha256Hex(normalizeEmail(email));

/** Limits of what people type, in characters. */
export const CIRCLE_LIMITS = {
  label: 80,
  displayName: 60,
  offer: 200,
  personalNote: 500,
  charterText: 2000,
  note: 4000,
} as const;

/** Whether the owner is taking space now: from when they pressed it until they end it (or its end date). */
export const isTakingSpace = (
  circle: { spaceSince: Date | null; spaceUntil: Date | null },
  now = new Date(),
): boolean => circle.spaceSince !== null && (circle.spaceUntil === null || circle.spaceUntil > now);

/** Whether a member has stepped back for a while, now. */
export const isSteppedBack = (
  member: { steppedBackUntil: Date | null },
  now = new Date(),
): boolean => member.steppedBackUntil !== null && member.steppedBackUntil > now;

/** An invitation can be accepted: not used, not revoked, not expired. */
export const isInvitationUsable = (
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now = new Date(),
): boolean =>
  invitation.acceptedAt === null && invitation.revokedAt === null && invitation.expiresAt > now;

const HOUR_MS = 60 * 60 * 1000;

/** Limits of a need, as the posting form checks them. */
export const NEED_LIMITS = {
  title: 120,
  note: 2000,
  place: 300,
  /** Helpers one need may ask for. */
  helpers: 20,
  /** Occurrences a weekly repeat makes at most (about three months). */
  weeks: 12,
  /** How far ahead a need may be posted, in days. */
  aheadDays: 400,
} as const;

/** Days after a need ends before its place is erased (the place-erasing job). */
export const PLACE_ERASE_DAYS = 7;
export const placeEraseAfter = (endsAt: Date): Date =>
  new Date(endsAt.getTime() + PLACE_ERASE_DAYS * 24 * HOUR_MS);

/**
 * Whether a need's place (and its linked resource) is shown to this reader now: only to the
 * owner, a coordinator and the helpers signed up for that need, and only from the circle's
 * `placeRevealHours` before the need until it ends. The one home of this rule: need pages and
 * the helper's .ics both ask it.
 */
export const isPlaceShown = (
  reader: { role: CircleRole; signedUp: boolean },
  need: { startsAt: Date; endsAt: Date },
  circle: { placeRevealHours: number },
  now: Date,
): boolean => {
  const entitled = reader.role === 'owner' || reader.role === 'coordinator' || reader.signedUp;
  const from = need.startsAt.getTime() - circle.placeRevealHours * HOUR_MS;
  return entitled && now.getTime() >= from && now < need.endsAt;
};

/** A need takes sign-ups until it ends ("any time during" a window: until the window closes). */
export const isNeedOpen = (need: { endsAt: Date }, now: Date): boolean => need.endsAt > now;

/** Helpers are reminded this long before a need starts, each reminder once. */
export const REMINDER_OFFSETS = { '24h': 24 * HOUR_MS, '2h': 2 * HOUR_MS } as const;
export type ReminderKind = keyof typeof REMINDER_OFFSETS;

/**
 * The reminders due now for a sign-up: a reminder is due from its time before the need, for a
 * sign-up made before that time, until the need starts; the 24-hour one is left out once the
 * 2-hour one is due (one reminder, not two at once).
 */
export const dueReminderKinds = (signUpAt: Date, startsAt: Date, now: Date): ReminderKind[] => {
  if (now >= startsAt) return [];
  const reached = (kind: ReminderKind) =>
    now.getTime() >= startsAt.getTime() - REMINDER_OFFSETS[kind] &&
    signUpAt.getTime() <= startsAt.getTime() - REMINDER_OFFSETS[kind];
  if (reached('2h')) return ['2h'];
  return reached('24h') ? ['24h'] : [];
};

/** How long before a need a cancellation counts as late, and an open slot as a gap to show. */
export const GAP_HOURS = 48;

/** A cancellation (or a release) within GAP_HOURS of a need that has not ended is late. */
export const isLateCancellation = (
  cancelledAt: Date,
  need: { startsAt: Date; endsAt: Date },
  now: Date,
): boolean =>
  need.endsAt > now && cancelledAt.getTime() >= need.startsAt.getTime() - GAP_HOURS * HOUR_MS;

/** A need starting within GAP_HOURS (and not ended) with fewer helpers than it asks for. */
export const isUnfilledSoon = (
  need: { startsAt: Date; endsAt: Date; helpersWanted: number },
  helpers: number,
  now: Date,
): boolean =>
  need.endsAt > now &&
  need.startsAt.getTime() <= now.getTime() + GAP_HOURS * HOUR_MS &&
  helpers < need.helpersWanted;
/** The SQL form of isTakingSpace, for a query on `circles` (e.g. the nudge job). */
export const takingSpaceSql = (now: Date) => {
  const at = Math.floor(now.getTime() / 1000);
  return sql`(${circles.spaceSince} IS NOT NULL AND (${circles.spaceUntil} IS NULL OR ${circles.spaceUntil} > ${at}))`;
};

/** The SQL form of "practical help is paused" (taking space, help not going on), on `circles`. */
export const helpPausedSql = (now: Date) =>
  sql`(${takingSpaceSql(now)} AND NOT ${circles.spacePracticalHelpGoesOn})`;

/** SQL: how many live (not cancelled) sign-ups the need `needId` (a column or an id) has. */
export const liveSignUpCountSql = (needId: SQL) =>
  sql<number>`(SELECT count(*) FROM circle_sign_ups s WHERE s.need_id = ${needId} AND s.cancelled_at IS NULL)`;

/** A check-in message to the owner: its length, and how many tries a member gets (db/core/rate-limit). */
export const CHECK_IN_MAX_LENGTH = 500;
export const CHECK_IN_LIMITS = [
  { name: 'circle-check-in:hour', max: 5, windowSeconds: 60 * 60 },
  { name: 'circle-check-in:day', max: 10, windowSeconds: 24 * 60 * 60 },
] as const;

/**
 * Why a member cannot send a check-in now, if they cannot: the owner is taking space (nothing
 * reaches them), or chose "never" (they will reach out). Silence from the owner changes nothing.
 */
export const checkInClosedBecause = (
  circle: { spaceSince: Date | null; spaceUntil: Date | null; checkInPace: string },
  now = new Date(),
): 'space' | 'never' | null =>
  isTakingSpace(circle, now) ? 'space' : circle.checkInPace === 'never' ? 'never' : null;
