import { and, eq, inArray, sql } from 'drizzle-orm';
import { exportCampaignsOfOwner, removeOrganizerCampaigns } from '../campaigns/campaigns';
import { closeCirclesOfOwner, removeAccountFromCircles } from '../circles/close';
import { exportCirclesOfAccount } from '../circles/export';
import { deleteStoriesOfAuthor, exportStoriesOfAuthor } from '../stories/stories';
import type { Database } from '../core/database';
import { exportEventsOfOrganizer, removeOrganizerEvents } from '../events/events';
import { forgetChangeAuthor, listChangesByAccount } from '../resources/changes';
import { newId } from '../core/random';
import { isRole, type CurrentUser, type Role } from './roles';
import { organizerApplications, sessions, userRoles, users } from '../schema';

/** The form every account email is kept in: trimmed and lower-case. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/**
 * The account with this email, made (as a plain member) if there is none. Remembers the
 * language the person uses, so emails to them are written in it.
 */
export const findOrCreateUser = async (
  db: Database,
  email: string,
  locale?: 'en' | 'fr',
  now = new Date(),
): Promise<CurrentUser> => {
  const normalized = normalizeEmail(email);
  const insert = db
    .insert(users)
    .values({ id: newId(), email: normalized, locale: locale ?? 'en', createdAt: now });
  await (locale
    ? insert.onConflictDoUpdate({ target: users.email, set: { locale } })
    : insert.onConflictDoNothing());
  const user = await db.select().from(users).where(eq(users.email, normalized)).get();
  return (await getUser(db, user!.id))!;
};

/** The language to write to a person in. */
export const userLocale = async (db: Database, userId: string): Promise<'en' | 'fr'> =>
  (await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId)).get())
    ?.locale ?? 'en';

/** The language of the account with this address, if there is one: every email to a person is written in it. */
export const localeOfEmail = async (db: Database, email: string): Promise<'en' | 'fr' | null> =>
  (
    await db
      .select({ locale: users.locale })
      .from(users)
      .where(eq(users.email, normalizeEmail(email)))
      .get()
  )?.locale ?? null;

/** An account and its roles, or null. */
export const getUser = async (db: Database, userId: string): Promise<CurrentUser | null> => {
  const user = await db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) return null;
  const roles = await db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, userId))
    .all();
  return {
    id: user.id,
    email: user.email,
    roles: roles
      .map((r) => r.role)
      .filter(isRole)
      .sort(),
  };
};

export const findUserByEmail = async (db: Database, email: string): Promise<CurrentUser | null> => {
  const user = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .get();
  return user ? getUser(db, user.id) : null;
};

/**
 * Grants a role. Every session of the person ends in the same batch: a change of role must
 * never ride on a session that was started before it.
 */
export const grantRole = async (
  db: Database,
  userId: string,
  role: Role,
  now = new Date(),
): Promise<void> => {
  await db.batch([
    db.insert(userRoles).values({ userId, role, grantedAt: now }).onConflictDoNothing(),
    db.delete(sessions).where(eq(sessions.userId, userId)),
  ]);
};

/**
 * Removes a role, and every session of the person with it. The last admin's role is never
 * removed (checked in the same statement, so two admins removing each other cannot both
 * succeed). Returns false when nothing was removed for that reason.
 */
export const revokeRole = async (db: Database, userId: string, role: Role): Promise<boolean> => {
  const [removed] = await db.batch([
    db
      .delete(userRoles)
      .where(
        and(
          eq(userRoles.userId, userId),
          eq(userRoles.role, role),
          role === 'admin'
            ? sql`(select count(*) from user_roles where role = 'admin') > 1`
            : undefined,
        ),
      )
      .returning({ userId: userRoles.userId }),
    db.delete(sessions).where(eq(sessions.userId, userId)),
  ]);
  return role !== 'admin' || removed.length > 0;
};

/** People who hold any role beyond member, for the admins' page. */
export const listPeopleWithRoles = async (db: Database): Promise<CurrentUser[]> => {
  const rows = await db
    .select({ id: users.id, email: users.email, role: userRoles.role })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .orderBy(users.email)
    .all();
  const people = new Map<string, CurrentUser & { roles: Role[] }>();
  for (const row of rows) {
    const person = people.get(row.id) ?? { id: row.id, email: row.email, roles: [] };
    person.roles.push(row.role);
    people.set(row.id, person);
  }
  return [...people.values()];
};

export const countAdmins = async (db: Database): Promise<number> =>
  (
    await db
      .select({ userId: userRoles.userId })
      .from(userRoles)
      .where(eq(userRoles.role, 'admin'))
      .all()
  ).length;

/**
 * Steps other areas add to run when an account is deleted, before the account row goes:
 * stories withdrawn and deleted, signatures and RSVPs detached from the account.
 */
export type AccountDeletionStep = (db: Database, userId: string) => Promise<void>;
export const accountDeletionSteps: AccountDeletionStep[] = [
  // The owner's care circles are closed (all of them deleted at once); as a member, the person
  // leaves every circle and their sign-ups to come are released (db/circles/close.ts).
  (db, userId) => closeCirclesOfOwner(db, userId),
  (db, userId) => removeAccountFromCircles(db, userId),
  // An organizer's drafts go; their open campaigns are closed, to be delivered by a moderator (db/campaigns/campaigns.ts).
  (db, userId) => removeOrganizerCampaigns(db, userId),
  // A storyteller's stories are withdrawn and every version deleted (db/stories/stories.ts).
  (db, userId) => deleteStoriesOfAuthor(db, userId),
  // The resource change log keeps the role and the fields, not the person (also ON DELETE SET NULL).
  forgetChangeAuthor,
  // An organizer's drafts go; their upcoming public events are cancelled (db/events/events.ts). Last:
  // the caller emails the people coming, and a deletion that fails before this step and is
  // tried again still finds those events to tell them about.
  (db, userId) => removeOrganizerEvents(db, userId),
];

/** Deletes an account and everything kept about it; its sessions end at once. */
export const deleteAccount = async (db: Database, userId: string): Promise<void> => {
  for (const step of accountDeletionSteps) await step(db, userId);
  await db.batch([
    db.delete(sessions).where(eq(sessions.userId, userId)),
    db.delete(userRoles).where(eq(userRoles.userId, userId)),
    db.delete(organizerApplications).where(eq(organizerApplications.userId, userId)),
    db.delete(users).where(eq(users.id, userId)),
  ]);
};

/** Everything kept about an account, for "download my data". */
export const exportAccountData = async (db: Database, userId: string) => {
  const user = await db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) return null;
  const [roles, userSessions, applications] = await Promise.all([
    db
      .select({ role: userRoles.role, grantedAt: userRoles.grantedAt })
      .from(userRoles)
      .where(eq(userRoles.userId, userId))
      .all(),
    db
      .select({
        createdAt: sessions.createdAt,
        lastActiveAt: sessions.lastActiveAt,
        expiresAt: sessions.expiresAt,
      })
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .all(),
    db
      .select({
        organizationName: organizerApplications.organizationName,
        reason: organizerApplications.reason,
        status: organizerApplications.status,
        createdAt: organizerApplications.createdAt,
        decidedAt: organizerApplications.decidedAt,
      })
      .from(organizerApplications)
      .where(eq(organizerApplications.userId, userId))
      .all(),
  ]);
  return {
    account: {
      email: user.email,
      language: user.locale,
      createdAt: user.createdAt,
      roles: ['member', ...roles.map((r) => r.role)],
    },
    roles,
    sessions: userSessions,
    organizerApplications: applications,
    stories: await exportStoriesOfAuthor(db, userId),
    campaigns: await exportCampaignsOfOwner(db, userId),
    events: await exportEventsOfOrganizer(db, userId),
    resourceChanges: await listChangesByAccount(db, userId),
    circles: await exportCirclesOfAccount(db, userId),
  };
};

/** Emails of the people who hold one of these roles (e.g. to tell moderators of new work). */
export const emailsWithRoles = async (db: Database, roles: Role[]): Promise<string[]> =>
  (
    await db
      .selectDistinct({ email: users.email })
      .from(users)
      .innerJoin(userRoles, eq(userRoles.userId, users.id))
      .where(inArray(userRoles.role, roles))
      .all()
  ).map((r) => r.email);
