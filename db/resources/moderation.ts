import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../core/database';
import { type ChangeActor } from './changes';
import { organizations, resourceChanges, resourceReports, services } from '../schema';

export interface VerificationItem {
  id: string;
  name: string;
  organization: string;
  verifiedAt: Date | null;
}

/** The verification queue: never-verified services first, then the longest since a person checked. */
export const listVerificationQueue = async (
  db: Database,
  limit = 50,
): Promise<VerificationItem[]> =>
  db
    .select({
      id: services.id,
      name: services.name,
      organization: organizations.name,
      verifiedAt: services.verifiedAt,
    })
    .from(services)
    .innerJoin(organizations, eq(organizations.id, services.organizationId))
    .orderBy(sql`${services.verifiedAt} is not null`, asc(services.verifiedAt), asc(services.name))
    .limit(limit)
    .all();

export interface QueuedReport {
  id: string;
  serviceId: string;
  serviceName: string;
  problem: string;
  contact: string | null;
  repeats: number;
  createdAt: Date;
}

/** Open reports from visitors, oldest first: what moderators should look at. */
export const listOpenReportQueue = async (db: Database): Promise<QueuedReport[]> =>
  db
    .select({
      id: resourceReports.id,
      serviceId: resourceReports.serviceId,
      serviceName: services.name,
      problem: resourceReports.problem,
      contact: resourceReports.contact,
      repeats: resourceReports.repeats,
      createdAt: resourceReports.createdAt,
    })
    .from(resourceReports)
    .innerJoin(services, eq(services.id, resourceReports.serviceId))
    .where(eq(resourceReports.status, 'open'))
    .orderBy(asc(resourceReports.createdAt))
    .all();

/**
 * Closes an open report as resolved or dismissed. The reporter's contact is erased in the same
 * statement: it was kept only to ask about this report, as the form promised. Returns false
 * when the report was already closed (two moderators at once: the first wins). The change log
 * row is written in the same batch, only while the report is still open, and names no field:
 * nothing of the report (least of all the contact) goes into the log.
 */
export const closeResourceReport = async (
  db: Database,
  reportId: string,
  outcome: 'resolved' | 'dismissed',
  now: Date,
  actor: ChangeActor = { userId: null, role: 'moderator' },
): Promise<boolean> => {
  const [, closed] = await db.batch([
    db.insert(resourceChanges).select(
      db
        .select({
          id: sql`${crypto.randomUUID()}`.as('id'),
          serviceId: resourceReports.serviceId,
          changedAt: sql`${now.getTime()}`.as('changed_at'),
          actorUserId: sql`${actor.userId}`.as('actor_user_id'),
          actorRole: sql`${actor.role}`.as('actor_role'),
          action: sql`${outcome === 'resolved' ? 'report-resolved' : 'report-dismissed'}`.as(
            'action',
          ),
          changedFields: sql`'[]'`.as('changed_fields'),
        })
        .from(resourceReports)
        .where(and(eq(resourceReports.id, reportId), eq(resourceReports.status, 'open'))),
    ),
    db
      .update(resourceReports)
      .set({ status: outcome, resolvedAt: now, contact: null })
      .where(and(eq(resourceReports.id, reportId), eq(resourceReports.status, 'open')))
      .returning({ id: resourceReports.id }),
  ]);
  return closed.length === 1;
};
