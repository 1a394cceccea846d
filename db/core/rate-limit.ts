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
  const values = Object.fromEntries(rows.flatMap((row, i) => [[`key${i}`, row.key], [`window${i}`, row.windowStart]]));
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
      .values(Array.from({ length: size }, (_, i) => ({ key: sql.placeholder(`key${i}`), windowStart: sql.placeholder(`window${i}`), count: 1 })))
      .onConflictDoUpdate({
        target: [rateLimits.key, rateLimits.windowStart],
        set: { count: sql`${rateLimits.count} + 1` },
      })
      .returning({ key: rateLimits.key, windowStart: rateLimits.windowStart, count: rateLimits.count })
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
export const hitRateLimit = async (db: Database, limit: RateLimit, subject: string, now = new Date()): Promise<RateLimitResult> =>
  (await hitRateLimits(db, [{ limit, subject }], now))[0]!;

/** Deletes windows that ended more than a day ago. */
export const purgeRateLimits = async (db: Database, now = new Date()): Promise<void> => {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, Math.floor(now.getTime() / 1000) - 2 * 86400));
};

/** Whether a subject is still within a limit, without counting a hit. */
export const peekRateLimit = async (db: Database, limit: RateLimit, subject: string, now = new Date()): Promise<RateLimitResult> => {
  const seconds = Math.floor(now.getTime() / 1000);
  const windowStart = seconds - (seconds % limit.windowSeconds);
  const row = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, `${limit.name}:${subject}`), eq(rateLimits.windowStart, windowStart)))
    .get();
  return { allowed: (row?.count ?? 0) < limit.max, retryAfterSeconds: windowStart + limit.windowSeconds - seconds };
};
