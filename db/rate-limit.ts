import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database } from './database';
import { rateLimits } from './schema';

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
 * Counts one hit against a limit for a subject (already hashed by the caller) and says whether
 * it is within the limit. One atomic upsert, so concurrent hits on Node and on D1 are all counted.
 */
export const hitRateLimit = async (
  db: Database,
  limit: RateLimit,
  subject: string,
  now = new Date(),
): Promise<RateLimitResult> => {
  const seconds = Math.floor(now.getTime() / 1000);
  const windowStart = seconds - (seconds % limit.windowSeconds);
  const [row] = await db
    .insert(rateLimits)
    .values({ key: `${limit.name}:${subject}`, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({ count: rateLimits.count });
  return { allowed: (row?.count ?? 1) <= limit.max, retryAfterSeconds: windowStart + limit.windowSeconds - seconds };
};

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
