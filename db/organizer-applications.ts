import { and, asc, eq } from 'drizzle-orm';
import type { Database } from './database';
import { newId } from './random';
import { organizerApplications, users } from './schema';
import { grantRole } from './users';

export type OrganizerApplication = typeof organizerApplications.$inferSelect;

/** The person's latest application, if any. */
export const latestApplication = async (db: Database, userId: string): Promise<OrganizerApplication | null> =>
  (await db
    .select()
    .from(organizerApplications)
    .where(eq(organizerApplications.userId, userId))
    .orderBy(asc(organizerApplications.createdAt))
    .all()).at(-1) ?? null;

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
  const latest = await latestApplication(db, userId);
  if (latest?.status === 'pending') return latest;
  const application = { id: newId(), userId, ...input, status: 'pending' as const, createdAt: now, decidedAt: null };
  await db.insert(organizerApplications).values(application);
  return application;
};

export interface PendingApplication {
  id: string;
  organizationName: string;
  reason: string;
  createdAt: Date;
  email: string;
}

/** The moderators' queue: pending applications, oldest first. */
export const listPendingApplications = async (db: Database): Promise<PendingApplication[]> =>
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
    .where(eq(organizerApplications.status, 'pending'))
    .orderBy(asc(organizerApplications.createdAt))
    .all();

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
  const [decided] = await db
    .update(organizerApplications)
    .set({ status: decision, decidedAt: now })
    .where(and(eq(organizerApplications.id, applicationId), eq(organizerApplications.status, 'pending')))
    .returning({ userId: organizerApplications.userId });
  if (!decided) return null;
  if (decision === 'approved') await grantRole(db, decided.userId, 'organizer', now);
  const user = await db.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, decided.userId)).get();
  return user ?? null;
};
