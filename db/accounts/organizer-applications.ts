import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../core/database';
import {
  keysetPage,
  QUEUE_PER_PAGE,
  timeThenId,
  type KeysetPage,
  type PageAsk,
} from '../core/keyset';
import { newId } from '../core/random';
import { organizerApplications, sessions, userRoles, users } from '../schema';

export type OrganizerApplication = typeof organizerApplications.$inferSelect;

/** The person's latest application, if any. */
export const latestApplication = async (
  db: Database,
  userId: string,
): Promise<OrganizerApplication | null> =>
  (
    await db
      .select()
      .from(organizerApplications)
      .where(eq(organizerApplications.userId, userId))
      .orderBy(asc(organizerApplications.createdAt))
      .all()
  ).at(-1) ?? null;

/**
 * Files an application. A person has at most one pending: a second submission while one waits
 * changes nothing and returns the pending one.
 */
export const applyToOrganize = async (
  db: Database,
  userId: string,
  input: { organizationName: string; reason: string },
  now = new Date(),
): Promise<OrganizerApplication> => {
  // A unique index allows one pending request per person, even for two sent at once.
  await db
    .insert(organizerApplications)
    .values({ id: newId(), userId, ...input, status: 'pending', createdAt: now, decidedAt: null })
    .onConflictDoNothing();
  return (await latestApplication(db, userId))!;
};

/** The applicant of an application, for the object-level permission check. */
export const applicationOwner = async (
  db: Database,
  applicationId: string,
): Promise<string | null> =>
  (
    await db
      .select({ userId: organizerApplications.userId })
      .from(organizerApplications)
      .where(eq(organizerApplications.id, applicationId))
      .get()
  )?.userId ?? null;

export interface PendingApplication {
  id: string;
  organizationName: string;
  reason: string;
  createdAt: Date;
  email: string;
}

/**
 * The moderators' queue: pending applications, oldest first, in keyset pages
 * (db/core/keyset.ts) over organizer_applications_status_idx.
 */
export const listPendingApplicationsPage = (
  db: Database,
  ask: PageAsk,
): Promise<KeysetPage<PendingApplication>> =>
  keysetPage({
    ...timeThenId(
      organizerApplications.createdAt,
      organizerApplications.id,
      (row: PendingApplication) => row.createdAt,
    ),
    ask,
    size: QUEUE_PER_PAGE,
    fetch: (where, orderBy, limit) =>
      db
        .select({
          id: organizerApplications.id,
          organizationName: organizerApplications.organizationName,
          reason: organizerApplications.reason,
          createdAt: organizerApplications.createdAt,
          email: users.email,
        })
        .from(organizerApplications)
        .innerJoin(users, eq(users.id, organizerApplications.userId))
        .where(and(eq(organizerApplications.status, 'pending'), where))
        .orderBy(...orderBy)
        .limit(limit)
        .all(),
  });

/**
 * Approves or declines a pending application. Only a pending one changes (two moderators
 * deciding at once: the first wins). Approval grants the organizer role. Returns the
 * applicant's email to tell them, or null when there was nothing to decide.
 */
export const decideApplication = async (
  db: Database,
  applicationId: string,
  decision: 'approved' | 'declined',
  now = new Date(),
): Promise<{ email: string; locale: 'en' | 'fr' } | null> => {
  const decide = db
    .update(organizerApplications)
    .set({ status: decision, decidedAt: now })
    .where(
      and(eq(organizerApplications.id, applicationId), eq(organizerApplications.status, 'pending')),
    )
    .returning({ userId: organizerApplications.userId });
  // The decision, the role and the end of the applicant's sessions happen together or not at
  // all; the role and session statements only act if this very decision approved it.
  const approvedNow = and(
    eq(organizerApplications.id, applicationId),
    eq(organizerApplications.status, 'approved'),
    eq(organizerApplications.decidedAt, now),
  );
  const [[decided]] =
    decision === 'approved'
      ? await db.batch([
          decide,
          db
            .insert(userRoles)
            .select(
              db
                .select({
                  userId: organizerApplications.userId,
                  role: sql<'organizer'>`'organizer'`.as('role'),
                  grantedAt: sql<Date>`${Math.floor(now.getTime() / 1000)}`.as('granted_at'),
                })
                .from(organizerApplications)
                .where(approvedNow),
            )
            .onConflictDoNothing(),
          db
            .delete(sessions)
            .where(
              inArray(
                sessions.userId,
                db
                  .select({ userId: organizerApplications.userId })
                  .from(organizerApplications)
                  .where(approvedNow),
              ),
            ),
        ])
      : await db.batch([decide]);
  if (!decided) return null;
  const user = await db
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(eq(users.id, decided.userId))
    .get();
  return user ?? null;
};
