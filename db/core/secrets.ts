import { eq } from 'drizzle-orm';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Database } from './database';
import { appMeta } from '../schema';

/**
 * A random secret kept in the database, made on first use: the key for hashing client
 * addresses when no secret is configured, so limits work with zero setup on Node and Workers.
 */
export const getOrCreateSecret = async (db: Database, name: string): Promise<string> => {
  const key = `secret:${name}`;
  const existing = await db
    .select({ value: appMeta.value })
    .from(appMeta)
    .where(eq(appMeta.key, key))
    .get();
  if (existing) return existing.value;
  const value = encodeHexLowerCase(crypto.getRandomValues(new Uint8Array(32)));
  // If two requests race, the first insert wins and both read it back.
  await db.insert(appMeta).values({ key, value }).onConflictDoNothing();
  const stored = await db
    .select({ value: appMeta.value })
    .from(appMeta)
    .where(eq(appMeta.key, key))
    .get();
  return stored!.value;
};
