import { and, desc, eq, gt, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../core/database';
import { hashToken, newToken } from '../core/random';
import { localeOfEmail } from '../accounts/users';
import { circleHistory, circleInvitations, circleMembers, circles, users } from '../schema';
import { circleHistoryInsert, recordCircleHistory } from './history';
import {
  addressHint,
  invitationExpiry,
  invitedEmailHash,
  isActiveMember,
  isInvitationUsable,
  newCircleId,
} from './rules';

export type CircleInvitationRow = typeof circleInvitations.$inferSelect;

/** `isInvitationUsable` (rules.ts) as a condition on `circle_invitations`, for the atomic claim. */
const usableCondition = (now: Date): SQL =>
  and(
    isNull(circleInvitations.acceptedAt),
    isNull(circleInvitations.revokedAt),
    gt(circleInvitations.expiresAt, now),
  )!;

type MailLocale = (typeof users.$inferSelect)['locale'];

/**
 * Invites one address. Returns the token for the link (only its hash is kept), and the language
 * to write the invitation in: the one the invitee uses on the site if they have an account
 * (as every other email to them), else the one the owner chose for them. The address is kept
 * as a hash too, and a hint ("s…@example.org") so the owner can tell invitations apart.
 */
export const createInvitation = async (
  db: Database,
  circleId: string,
  createdBy: string,
  invite: { email: string; personalNote: string; language: MailLocale },
  now = new Date(),
): Promise<{ id: string; token: string; locale: MailLocale }> => {
  const id = newCircleId();
  const token = newToken();
  const accountLocale = await localeOfEmail(db, invite.email);
  await db.batch([
    db.insert(circleInvitations).values({
      id,
      circleId,
      tokenHash: hashToken(token),
      emailHash: invitedEmailHash(invite.email),
      addressHint: addressHint(invite.email),
      personalNote: invite.personalNote,
      createdBy,
      createdAt: now,
      expiresAt: invitationExpiry(now),
    }),
    circleHistoryInsert(db, { circleId, kind: 'invited', actor: 'owner' }, now),
  ]);
  return { id, token, locale: accountLocale ?? invite.language };
};

/** The invitations still waiting (not used, revoked or expired), newest first. */
export const listPendingInvitations = async (db: Database, circleId: string, now = new Date()) =>
  db
    .select({
      id: circleInvitations.id,
      addressHint: circleInvitations.addressHint,
      createdAt: circleInvitations.createdAt,
      expiresAt: circleInvitations.expiresAt,
    })
    .from(circleInvitations)
    .where(and(eq(circleInvitations.circleId, circleId), usableCondition(now)))
    .orderBy(desc(circleInvitations.createdAt))
    .all();

/** Revokes a waiting invitation of this circle. False for any other id (another circle's too). */
export const revokeInvitation = async (
  db: Database,
  circleId: string,
  invitationId: string,
  now = new Date(),
): Promise<boolean> => {
  const revoked = await db
    .update(circleInvitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(circleInvitations.id, invitationId),
        eq(circleInvitations.circleId, circleId),
        usableCondition(now),
      ),
    )
    .returning({ id: circleInvitations.id })
    .all();
  if (revoked.length > 0)
    await recordCircleHistory(db, { circleId, kind: 'invitation_revoked', actor: 'owner' }, now);
  return revoked.length > 0;
};

/**
 * The invitation behind a link, only for the account it was sent to, only while it can be
 * used, only for an open circle the person is not already in. Anything else is null, and the
 * page says the same neutral thing whatever the reason (forwarded, used, expired, revoked).
 */
export const findInvitationForAccount = async (
  db: Database,
  token: string,
  account: { id: string; email: string },
  now = new Date(),
): Promise<CircleInvitationRow | null> => {
  const row = await db
    .select({ invitation: circleInvitations, circle: circles, member: circleMembers })
    .from(circleInvitations)
    .innerJoin(circles, eq(circles.id, circleInvitations.circleId))
    .leftJoin(
      circleMembers,
      and(eq(circleMembers.circleId, circles.id), eq(circleMembers.userId, account.id)),
    )
    .where(eq(circleInvitations.tokenHash, hashToken(token)))
    .get();
  if (!row) return null;
  const { invitation, circle, member } = row;
  const fits =
    invitation.emailHash === invitedEmailHash(account.email) &&
    isInvitationUsable(invitation, now) &&
    circle.closedAt === null &&
    circle.ownerId !== null &&
    circle.ownerId !== account.id &&
    !isActiveMember(member);
  return fits ? invitation : null;
};

/**
 * Accepts an invitation as this account, with the name they chose for this circle. The claim
 * and the membership are one batch, and the membership is written only if this very claim won:
 * of two acceptances at once (two tabs, two devices), exactly one makes a member. A person who
 * once left or was removed comes back on the same row. Returns the circle id, or null.
 */
export const acceptInvitation = async (
  db: Database,
  token: string,
  account: { id: string; email: string },
  displayName: string,
  now = new Date(),
): Promise<string | null> => {
  const invitation = await findInvitationForAccount(db, token, account, now);
  if (!invitation) return null;
  const claim = newCircleId();
  // True only inside the batch whose claim won: the membership and the history follow it.
  const won = sql`EXISTS (SELECT 1 FROM circle_invitations WHERE id = ${invitation.id} AND accepted_member_id = ${claim})`;
  const [claimed] = await db.batch([
    db
      .update(circleInvitations)
      .set({ acceptedAt: now, acceptedMemberId: claim })
      .where(and(eq(circleInvitations.id, invitation.id), usableCondition(now)))
      .returning({ id: circleInvitations.id }),
    db
      .insert(circleMembers)
      .select(
        db
          .select({
            id: sql`${claim}`.as('id'),
            circleId: sql`${invitation.circleId}`.as('circle_id'),
            userId: sql`${account.id}`.as('user_id'),
            displayName: sql`${displayName}`.as('display_name'),
            role: sql`'member'`.as('role'),
            offer: sql`''`.as('offer'),
            steppedBackUntil: sql`NULL`.as('stepped_back_until'),
            charterVersionRead: sql`NULL`.as('charter_version_read'),
            joinedAt: sql`${Math.floor(now.getTime() / 1000)}`.as('joined_at'),
            endedAt: sql`NULL`.as('ended_at'),
            ended: sql`NULL`.as('ended'),
          })
          .from(circleInvitations)
          .where(and(eq(circleInvitations.id, invitation.id), won)),
      )
      // A person who once left or was removed comes back on their old row.
      .onConflictDoUpdate({
        target: [circleMembers.circleId, circleMembers.userId],
        set: {
          displayName: sql`excluded.display_name`,
          role: 'member',
          offer: '',
          steppedBackUntil: null,
          charterVersionRead: null,
          joinedAt: sql`excluded.joined_at`,
          endedAt: null,
          ended: null,
        },
        setWhere: isNotNull(circleMembers.endedAt),
      }),
    db.insert(circleHistory).select(
      db
        .select({
          id: sql`${newCircleId()}`.as('id'),
          circleId: circleMembers.circleId,
          memberId: circleMembers.id,
          actor: sql`'member'`.as('actor'),
          kind: sql`'joined'`.as('kind'),
          needId: sql`NULL`.as('need_id'),
          at: sql`${Math.floor(now.getTime() / 1000)}`.as('at'),
        })
        .from(circleMembers)
        .where(
          and(
            eq(circleMembers.circleId, invitation.circleId),
            eq(circleMembers.userId, account.id),
            won,
          ),
        ),
    ),
  ]);
  return claimed.length > 0 ? invitation.circleId : null;
};
