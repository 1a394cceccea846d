import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../core/database';
import { newId, randomDigits } from '../core/random';
import { signInCodes } from '../schema';
import { normalizeEmail } from './users';

/** Sign-in codes: 8 digits, 10 minutes, one use, 5 wrong tries. */
export const SIGN_IN_CODE = { digits: 8, lifetimeMs: 10 * 60_000, maxFailedAttempts: 5 } as const;

/**
 * A keyed hash (HMAC with the server's secret), so a copy of the table alone cannot be turned
 * back into codes by trying all 10^8 of them.
 */
export type CodeHasher = (value: string) => Promise<string>;

const codeHash = (hasher: CodeHasher, attemptId: string, code: string) =>
  hasher(`sign-in-code:${attemptId}:${code}`);

/**
 * Makes a code for an email, whether or not an account exists (the answer must not tell).
 * Returns the code to email, and the attempt id that ties the code to this address (kept in a
 * short-lived cookie). The browser's earlier attempt (`replaces`, from its cookie) stops
 * working; codes other browsers asked for are left alone, so a stranger asking for someone's
 * address cannot kill the code its owner is about to type. Those codes add no guesses: a
 * code only works with its attempt id, which only the browser that asked for it holds.
 */
export const createSignInCode = async (
  db: Database,
  email: string,
  hasher: CodeHasher,
  replaces: string | undefined,
  now = new Date(),
): Promise<{ attemptId: string; code: string }> => {
  const attemptId = newId();
  const code = randomDigits(SIGN_IN_CODE.digits);
  const normalized = normalizeEmail(email);
  const insert = db.insert(signInCodes).values({
    id: attemptId,
    email: normalized,
    codeHash: await codeHash(hasher, attemptId, code),
    createdAt: now,
    expiresAt: new Date(now.getTime() + SIGN_IN_CODE.lifetimeMs),
  });
  await (replaces
    ? db.batch([db.delete(signInCodes).where(eq(signInCodes.id, replaces)), insert])
    : insert);
  return { attemptId, code };
};

export type CodeCheck =
  | { ok: true; email: string }
  | { ok: false; reason: 'wrong'; triesLeft: number }
  | { ok: false; reason: 'expired' };

/** The email an attempt was made for, while it can still be used. */
export const pendingSignInEmail = async (
  db: Database,
  attemptId: string,
  now = new Date(),
): Promise<string | null> => {
  const row = await db.select().from(signInCodes).where(eq(signInCodes.id, attemptId)).get();
  return row &&
    !row.usedAt &&
    row.expiresAt > now &&
    row.failedAttempts < SIGN_IN_CODE.maxFailedAttempts
    ? row.email
    : null;
};

/**
 * Checks a code in constant time. A right code is spent atomically (two tabs cannot both use
 * it); a wrong one counts against the attempt, which dies after 5, or at once when `lastTry`
 * (the address is being guessed at: the owner's right code still works, a typo means a new code).
 */
export const checkSignInCode = async (
  db: Database,
  attemptId: string,
  code: string,
  hasher: CodeHasher,
  { lastTry = false } = {},
  now = new Date(),
): Promise<CodeCheck> => {
  const row = await db.select().from(signInCodes).where(eq(signInCodes.id, attemptId)).get();
  if (
    !row ||
    row.usedAt ||
    row.expiresAt <= now ||
    row.failedAttempts >= SIGN_IN_CODE.maxFailedAttempts
  ) {
    return { ok: false, reason: 'expired' };
  }
  const encoder = new TextEncoder();
  const given = encoder.encode(await codeHash(hasher, attemptId, code.replace(/\D/g, '')));
  const right = constantTimeEqual(given, encoder.encode(row.codeHash));
  if (!right) {
    const [updated] = await db
      .update(signInCodes)
      .set({
        failedAttempts: lastTry
          ? SIGN_IN_CODE.maxFailedAttempts
          : sql`${signInCodes.failedAttempts} + 1`,
      })
      .where(eq(signInCodes.id, attemptId))
      .returning({ failedAttempts: signInCodes.failedAttempts });
    const triesLeft =
      SIGN_IN_CODE.maxFailedAttempts - (updated?.failedAttempts ?? SIGN_IN_CODE.maxFailedAttempts);
    return triesLeft > 0
      ? { ok: false, reason: 'wrong', triesLeft }
      : { ok: false, reason: 'expired' };
  }
  const spent = await db
    .update(signInCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(signInCodes.id, attemptId),
        isNull(signInCodes.usedAt),
        lt(signInCodes.failedAttempts, SIGN_IN_CODE.maxFailedAttempts),
      ),
    )
    .returning({ email: signInCodes.email });
  return spent[0] ? { ok: true, email: spent[0].email } : { ok: false, reason: 'expired' };
};

/** Deletes codes that can no longer be used (a scheduled job): nothing kept longer than needed. */
export const purgeSignInCodes = async (db: Database, now = new Date()): Promise<void> => {
  await db
    .delete(signInCodes)
    .where(or(lt(signInCodes.expiresAt, now), sql`${signInCodes.usedAt} is not null`));
};
