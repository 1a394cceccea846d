import { and, desc, eq, gt, lt, ne } from 'drizzle-orm';
import type { Database } from '../core/database';
import { hashToken, newToken } from '../core/random';
import { PRIVILEGED_ROLES, type CurrentUser } from './roles';
import { sessions } from '../schema';
import { getUser } from './users';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Session lifetimes. Members and organizers: 30 days, sliding. Moderators and admins: short. */
export const SESSION_POLICY = {
  memberLifetimeMs: 30 * DAY,
  /** A member's session is extended when less than this is left (so not on every request). */
  memberRenewWithinMs: 15 * DAY,
  privilegedAbsoluteMs: 12 * 60 * MINUTE,
  privilegedIdleMs: 30 * MINUTE,
  /** How often "last active" is written: at most once a minute per session. */
  touchEveryMs: MINUTE,
} as const;

const isPrivileged = (user: CurrentUser) =>
  user.roles.some((role) => PRIVILEGED_ROLES.includes(role));

export interface ValidSession {
  id: string;
  user: CurrentUser;
  createdAt: Date;
  expiresAt: Date;
  /** True when the expiry moved, so the cookie must be sent again. */
  renewed: boolean;
}

/**
 * Starts a session: returns the token for the cookie. Only its hash is stored. `signedInAt`
 * is when the person last proved who they are: a session that replaces another one (after
 * the person changed their own role) keeps the old one's, so a moderator's or admin's
 * 12-hour limit can never be extended without a new code.
 */
export const createSession = async (
  db: Database,
  user: CurrentUser,
  now = new Date(),
  signedInAt = now,
): Promise<{ token: string; expiresAt: Date }> => {
  const token = newToken();
  const expiresAt = new Date(
    isPrivileged(user)
      ? Math.min(
          now.getTime() + SESSION_POLICY.privilegedIdleMs,
          signedInAt.getTime() + SESSION_POLICY.privilegedAbsoluteMs,
        )
      : now.getTime() + SESSION_POLICY.memberLifetimeMs,
  );
  await db.insert(sessions).values({
    id: hashToken(token),
    userId: user.id,
    createdAt: signedInAt,
    lastActiveAt: now,
    expiresAt,
  });
  return { token, expiresAt };
};

/**
 * Checks a cookie's token. Expired sessions are deleted. Members' sessions slide forward;
 * moderators' and admins' end 30 minutes after the last request or 12 hours after sign-in,
 * whichever comes first — checked against the roles the person holds now.
 */
export const validateSessionToken = async (
  db: Database,
  token: string,
  now = new Date(),
): Promise<ValidSession | null> => {
  const id = hashToken(token);
  const row = await db.select().from(sessions).where(eq(sessions.id, id)).get();
  if (!row) return null;
  const user = await getUser(db, row.userId);
  const t = now.getTime();
  const privileged = user ? isPrivileged(user) : false;
  const expired =
    !user ||
    t >= row.expiresAt.getTime() ||
    (privileged &&
      (t >= row.createdAt.getTime() + SESSION_POLICY.privilegedAbsoluteMs ||
        t >= row.lastActiveAt.getTime() + SESSION_POLICY.privilegedIdleMs));
  if (expired) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  let expiresAt = row.expiresAt;
  let renewed = false;
  if (privileged) {
    const idleEnd = t + SESSION_POLICY.privilegedIdleMs;
    const absoluteEnd = row.createdAt.getTime() + SESSION_POLICY.privilegedAbsoluteMs;
    if (t - row.lastActiveAt.getTime() >= SESSION_POLICY.touchEveryMs) {
      expiresAt = new Date(Math.min(idleEnd, absoluteEnd));
      renewed = true;
    }
  } else if (row.expiresAt.getTime() - t < SESSION_POLICY.memberRenewWithinMs) {
    expiresAt = new Date(t + SESSION_POLICY.memberLifetimeMs);
    renewed = true;
  }
  if (renewed || t - row.lastActiveAt.getTime() >= SESSION_POLICY.touchEveryMs) {
    await db.update(sessions).set({ lastActiveAt: now, expiresAt }).where(eq(sessions.id, id));
  }
  return { id, user: user!, createdAt: row.createdAt, expiresAt, renewed };
};

/** When the person behind a session last signed in with a code. */
export const sessionSignedInAt = async (db: Database, sessionId: string): Promise<Date | null> =>
  (
    await db
      .select({ createdAt: sessions.createdAt })
      .from(sessions)
      .where(eq(sessions.id, sessionId))
      .get()
  )?.createdAt ?? null;

export const invalidateSession = async (db: Database, sessionId: string): Promise<void> => {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
};

/** Ends every session of a person ("sign out everywhere"), or every one but the current. */
export const invalidateUserSessions = async (
  db: Database,
  userId: string,
  except?: string,
): Promise<void> => {
  await db
    .delete(sessions)
    .where(
      except
        ? and(eq(sessions.userId, userId), ne(sessions.id, except))
        : eq(sessions.userId, userId),
    );
};

export interface SessionSummary {
  id: string;
  createdAt: Date;
  lastActiveAt: Date;
}

/** A person's live sessions, newest first: when each started and was last used. */
export const listUserSessions = async (
  db: Database,
  userId: string,
  now = new Date(),
): Promise<SessionSummary[]> =>
  db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastActiveAt: sessions.lastActiveAt })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastActiveAt))
    .all();

/** Deletes sessions past their expiry (a scheduled job). */
export const purgeExpiredSessions = async (db: Database, now = new Date()): Promise<void> => {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
};
