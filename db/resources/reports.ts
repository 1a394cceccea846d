import { and, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../core/database';
import { resourceReports } from '../schema';

export interface NewResourceReport {
  serviceId: string;
  /** What is wrong, already cleaned and length-checked by the caller. */
  problem: string;
  /** How to reach the person, only if they chose to say. */
  contact: string | null;
}

const DUPLICATE_WINDOW_MS = 7 * 86_400_000;

/**
 * Files a report for moderators. The same problem sent again about the same resource while an
 * earlier report is open (within a week) is counted on that report rather than stored twice.
 */
export const fileResourceReport = async (
  db: Database,
  report: NewResourceReport,
  now: Date,
): Promise<'filed' | 'repeated'> => {
  const repeated = await db
    .update(resourceReports)
    .set({ repeats: sql`${resourceReports.repeats} + 1` })
    .where(
      and(
        eq(resourceReports.serviceId, report.serviceId),
        eq(resourceReports.status, 'open'),
        eq(resourceReports.problem, report.problem),
        gt(resourceReports.createdAt, new Date(now.getTime() - DUPLICATE_WINDOW_MS)),
      ),
    )
    .returning({ id: resourceReports.id });
  if (repeated.length > 0) return 'repeated';
  await db.insert(resourceReports).values({
    id: crypto.randomUUID(),
    serviceId: report.serviceId,
    problem: report.problem,
    contact: report.contact,
    createdAt: now,
  });
  return 'filed';
};

/** Open reports about one resource, oldest first (for tests now, the moderation queue later). */
export const listOpenReports = (db: Database, serviceId: string) =>
  db
    .select()
    .from(resourceReports)
    .where(and(eq(resourceReports.serviceId, serviceId), eq(resourceReports.status, 'open')))
    .orderBy(resourceReports.createdAt)
    .all();
