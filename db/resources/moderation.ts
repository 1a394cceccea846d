import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../core/database';
import {
  keysetPage,
  QUEUE_PER_PAGE,
  timeThenId,
  type KeysetPage,
  type PageAsk,
} from '../core/keyset';
import { type ChangeActor } from './changes';
import { organizations, resourceChanges, resourceReports, services } from '../schema';

export interface VerificationItem {
  id: string;
  name: string;
  organization: string;
  verifiedAt: Date | null;
}

/** The queue's order: never checked (0) first, then the oldest check; services_verify_queue_idx. */
const verificationKey = timeThenId(
  sql`coalesce(${services.verifiedAt}, 0)`,
  services.id,
  (row: VerificationItem) => row.verifiedAt,
);

/**
 * The verification queue in keyset pages (db/core/keyset.ts): never-checked services first,
 * then the longest since a person checked.
 */
export const listVerificationQueuePage = (
  db: Database,
  ask: PageAsk,
): Promise<KeysetPage<VerificationItem>> =>
  keysetPage({
    ...verificationKey,
    ask,
    size: QUEUE_PER_PAGE,
    fetch: (where, orderBy, limit) =>
      db
        .select({
          id: services.id,
          name: services.name,
          organization: organizations.name,
          verifiedAt: services.verifiedAt,
        })
        .from(services)
        .innerJoin(organizations, eq(organizations.id, services.organizationId))
        .where(where)
        .orderBy(...orderBy)
        .limit(limit)
        .all(),
  });

export interface QueuedReport {
  id: string;
  serviceId: string;
  serviceName: string;
  problem: string;
  contact: string | null;
  repeats: number;
  createdAt: Date;
}

/**
 * Open reports from visitors, oldest first (what moderators should look at), in keyset pages
 * over resource_reports_status_idx.
 */
export const listOpenReportQueuePage = (
  db: Database,
  ask: PageAsk,
): Promise<KeysetPage<QueuedReport>> =>
  keysetPage({
    ...timeThenId(
      resourceReports.createdAt,
      resourceReports.id,
      (row: QueuedReport) => row.createdAt,
    ),
    ask,
    size: QUEUE_PER_PAGE,
    fetch: (where, orderBy, limit) =>
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
        .where(and(eq(resourceReports.status, 'open'), where))
        .orderBy(...orderBy)
        .limit(limit)
        .all(),
  });

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
