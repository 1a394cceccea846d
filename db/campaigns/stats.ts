import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../core/database';
import { shownName } from './signatures';
import { campaignSignatures } from '../schema';

export interface DayCount {
  /** YYYY-MM-DD, UTC. */
  day: string;
  count: number;
}

/** Confirmed signatures per day (UTC), oldest first. */
export const signaturesByDay = async (db: Database, campaignId: string): Promise<DayCount[]> =>
  db
    .select({
      day: sql<string>`date(${campaignSignatures.confirmedAt}, 'unixepoch')`,
      count: sql<number>`count(*)`,
    })
    .from(campaignSignatures)
    .where(
      and(eq(campaignSignatures.campaignId, campaignId), isNotNull(campaignSignatures.confirmedAt)),
    )
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .all();

/** Confirmed signatures by city as typed (trimmed, case folded); '' when none was given. Largest first. */
export const signaturesByCity = async (
  db: Database,
  campaignId: string,
): Promise<{ city: string; count: number }[]> =>
  db
    .select({
      city: sql<string>`min(trim(${campaignSignatures.city}))`,
      count: sql<number>`count(*)`,
    })
    .from(campaignSignatures)
    .where(
      and(eq(campaignSignatures.campaignId, campaignId), isNotNull(campaignSignatures.confirmedAt)),
    )
    .groupBy(sql`lower(trim(${campaignSignatures.city}))`)
    .orderBy(sql`count(*) desc`, sql`1`)
    .limit(50)
    .all();

/** One confirmed signature as it may be delivered to the target. */
export interface ExportedSignature {
  /** The name as the signer chose to show it; empty for "not at all". */
  name: string;
  /** The city, only if the signer chose to show it. */
  city: string;
  /** The day it was confirmed, YYYY-MM-DD. */
  date: string;
  letter: string;
  /** Only for signers who agreed to share it (and only while it is kept). */
  email: string;
}

/**
 * The signatures for delivery to the target: the name as each signer chose to show it, the city
 * only if they chose to show it, the date, the letter or comment; an email only for signers
 * who agreed to share it (and only while it is kept).
 */
export const signaturesForExport = async (
  db: Database,
  campaignId: string,
): Promise<ExportedSignature[]> => {
  const rows = await db
    .select()
    .from(campaignSignatures)
    .where(
      and(eq(campaignSignatures.campaignId, campaignId), isNotNull(campaignSignatures.confirmedAt)),
    )
    .orderBy(asc(campaignSignatures.confirmedAt), asc(campaignSignatures.id))
    .all();
  return rows.map((row) => ({
    name: shownName(row),
    city: row.display === 'full' ? row.city : '',
    date: row.confirmedAt!.toISOString().slice(0, 10),
    letter: row.message,
    email: row.shareEmail && row.email ? row.email : '',
  }));
};
