import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database } from './database';
import { preparedPerDatabase } from './prepared';
import { rateLimits } from '../schema';

export interface RateLimit {
  /** What is limited, e.g. "sign-in:email". */
  name: string;
  /** How many hits a window allows. */
  max: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the current window ends. */
  retryAfterSeconds: number;
}

/**
 * Counts one hit against each limit for its subject (already hashed by the caller) and says,
 * in the same order, whether each is within its limit. One atomic upsert for all of them, so
 * concurrent hits on Node and on D1 are all counted, at the cost of one statement.
 */
export const hitRateLimits = async (
  db: Database,
  hits: readonly { limit: RateLimit; subject: string }[],
  now = new Date(),
): Promise<RateLimitResult[]> => {
  const seconds = Math.floor(now.getTime() / 1000);
  const rows = hits.map(({ limit, subject }) => ({
    key: `${limit.name}:${subject}`,
    windowStart: seconds - (seconds % limit.windowSeconds),
  }));
  const values = Object.fromEntries(
    rows.flatMap((row, i) => [
      [`key${i}`, row.key],
      [`window${i}`, row.windowStart],
    ]),
  );
  const counted = await upsertHits(rows.length)(db).all(values);
  const counts = new Map(counted.map((row) => [`${row.windowStart}:${row.key}`, row.count]));
  return hits.map(({ limit }, i) => ({
    allowed: (counts.get(`${rows[i]!.windowStart}:${rows[i]!.key}`) ?? 1) <= limit.max,
    retryAfterSeconds: rows[i]!.windowStart + limit.windowSeconds - seconds,
  }));
};

const upsertHitsOf = (size: number) =>
  preparedPerDatabase((db) =>
    db
      .insert(rateLimits)
      .values(
        Array.from({ length: size }, (_, i) => ({
          key: sql.placeholder(`key${i}`),
          windowStart: sql.placeholder(`window${i}`),
          count: 1,
        })),
      )
      .onConflictDoUpdate({
        target: [rateLimits.key, rateLimits.windowStart],
        set: { count: sql`${rateLimits.count} + 1` },
      })
      .returning({
        key: rateLimits.key,
        windowStart: rateLimits.windowStart,
        count: rateLimits.count,
      })
      .prepare(),
  );
/** The upsert of 1, 2… hits at once, each prepared once. */
const upserts = new Map<number, ReturnType<typeof upsertHitsOf>>();
const upsertHits = (size: number) => {
  let upsert = upserts.get(size);
  if (!upsert) upserts.set(size, (upsert = upsertHitsOf(size)));
  return upsert;
};

/** Counts one hit against a limit for a subject (already hashed by the caller). */
export const hitRateLimit = async (
  db: Database,
  limit: RateLimit,
  subject: string,
  now = new Date(),
): Promise<RateLimitResult> => (await hitRateLimits(db, [{ limit, subject }], now))[0]!;

/**
 * The limits on something done for an email address from a client, such as asking for a
 * sign-in code or signing with an address. A client can type anyone's address, so the
 * address's own limit sits far above what a person does, and counts only hits from clients
 * within their own limits: a stranger spends their own budget, never the owner's.
 */
export interface AddressLimits {
  /** All addresses from one client. */
  perClient: RateLimit;
  /** One address from one client: what a person retrying needs, and what one stranger gets. */
  perAddressAndClient: RateLimit;
  /** One address from all clients together: bounds a flood from many clients. */
  perAddress: RateLimit;
}

/**
 * Counts a hit for an address (its keyed hash) from a client (its key). The client's two
 * limits are counted first, together; the address's only if both allowed it. Says whether all
 * allowed it and, if not, how long until the refusing windows end.
 */
export const hitAddressLimits = async (
  db: Database,
  limits: AddressLimits,
  subjects: { address: string; client: string },
  now = new Date(),
): Promise<RateLimitResult> => {
  const refusal = (results: RateLimitResult[]): RateLimitResult | null => {
    const refused = results.filter((result) => !result.allowed);
    return refused.length
      ? {
          allowed: false,
          retryAfterSeconds: Math.max(...refused.map((result) => result.retryAfterSeconds)),
        }
      : null;
  };
  const ofClient = await hitRateLimits(
    db,
    [
      { limit: limits.perClient, subject: subjects.client },
      { limit: limits.perAddressAndClient, subject: addressAndClient(subjects) },
    ],
    now,
  );
  const ofAddress =
    refusal(ofClient) ??
    refusal(
      await hitRateLimits(db, [{ limit: limits.perAddress, subject: subjects.address }], now),
    );
  return ofAddress ?? { allowed: true, retryAfterSeconds: 0 };
};

/** The subject of a limit on one address from one client. */
export const addressAndClient = (subjects: { address: string; client: string }): string =>
  `${subjects.address}:${subjects.client}`;

/** Deletes windows that ended more than a day ago. */
export const purgeRateLimits = async (db: Database, now = new Date()): Promise<void> => {
  await db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, Math.floor(now.getTime() / 1000) - 2 * 86400));
};

/** Whether a subject is still within a limit, without counting a hit. */
export const peekRateLimit = async (
  db: Database,
  limit: RateLimit,
  subject: string,
  now = new Date(),
): Promise<RateLimitResult> => {
  const seconds = Math.floor(now.getTime() / 1000);
  const windowStart = seconds - (seconds % limit.windowSeconds);
  const row = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(
      and(eq(rateLimits.key, `${limit.name}:${subject}`), eq(rateLimits.windowStart, windowStart)),
    )
    .get();
  return {
    allowed: (row?.count ?? 0) < limit.max,
    retryAfterSeconds: windowStart + limit.windowSeconds - seconds,
  };
};
