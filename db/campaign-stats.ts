import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Database } from './database';
import { shownName } from './campaign-signatures';
import { campaignSignatures } from './schema';

export interface DayCount {
  /** YYYY-MM-DD, UTC. */
  day: string;
  count: number;
}

/** Confirmed signatures per day (UTC), oldest first. */
export const signaturesByDay = async (db: Database, campaignId: string): Promise<DayCount[]> =>
  db
    .select({ day: sql<string>`date(${campaignSignatures.confirmedAt}, 'unixepoch')`, count: sql<number>`count(*)` })
    .from(campaignSignatures)
    .where(and(eq(campaignSignatures.campaignId, campaignId), isNotNull(campaignSignatures.confirmedAt)))
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .all();

/** Confirmed signatures by city as typed (trimmed, case folded); '' when none was given. Largest first. */
export const signaturesByCity = async (db: Database, campaignId: string): Promise<{ city: string; count: number }[]> =>
  db
    .select({ city: sql<string>`min(trim(${campaignSignatures.city}))`, count: sql<number>`count(*)` })
    .from(campaignSignatures)
    .where(and(eq(campaignSignatures.campaignId, campaignId), isNotNull(campaignSignatures.confirmedAt)))
    .groupBy(sql`lower(trim(${campaignSignatures.city}))`)
    .orderBy(sql`count(*) desc`, sql`1`)
    .limit(50)
    .all();

/**
 * A CSV cell a spreadsheet will never run: text that starts with =, +, -, @ (or a tab or
 * carriage return, which some programs skip before them) gets a leading apostrophe; quotes
 * are doubled and every cell is quoted (RFC 4180).
 */
export const csvCell = (value: string): string => {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
};

export const csvLine = (cells: string[]): string => cells.map(csvCell).join(',') + '\r\n';

export interface ExportHeadings {
  name: string;
  city: string;
  date: string;
  letter: string;
  email: string;
  anonymous: string;
}

/**
 * The signatures for delivery to the target: the name as each signer chose to show it, the city
 * only if they chose to show it, the date, the letter or comment; an email only for signers
 * who agreed to share it (and only while it is kept).
 */
export const signaturesCsv = async (db: Database, campaignId: string, headings: ExportHeadings): Promise<string> => {
  const rows = await db
    .select()
    .from(campaignSignatures)
    .where(and(eq(campaignSignatures.campaignId, campaignId), isNotNull(campaignSignatures.confirmedAt)))
    .orderBy(asc(campaignSignatures.confirmedAt), asc(campaignSignatures.id))
    .all();
  let out = '\ufeff' + csvLine([headings.name, headings.city, headings.date, headings.letter, headings.email]);
  for (const row of rows) {
    out += csvLine([
      shownName(row) || headings.anonymous,
      row.display === 'full' ? row.city : '',
      row.confirmedAt!.toISOString().slice(0, 10),
      row.message,
      row.shareEmail && row.email ? row.email : '',
    ]);
  }
  return out;
};
