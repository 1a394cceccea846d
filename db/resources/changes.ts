import { desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../core/database';
import type { CurrentUser } from '../accounts/roles';
import { resourceChanges } from '../schema';

export type ResourceChangeAction =
  'created' | 'edited' | 'verified' | 'report-resolved' | 'report-dismissed' | 'imported';
/** The role a person's change is recorded under: what a moderator or admin acted as. (`npm run hsds:import` logs as `import`.) */
export type ActorRole = 'moderator' | 'admin';

/** Who made a change: the account (forgotten when it is deleted) and the role it acted in. */
export interface ChangeActor {
  userId: string | null;
  role: ActorRole;
}

/** The actor for a signed-in moderator or admin: "moderator" when they hold both roles. */
export const changeActor = (user: CurrentUser): ChangeActor => ({
  userId: user.id,
  role: user.roles.includes('moderator') ? 'moderator' : 'admin',
});

/** One log row, as a statement to put in the same db.batch() as the change it records. */
export const resourceChangeRow = (
  db: Database,
  serviceId: string,
  actor: ChangeActor,
  action: ResourceChangeAction,
  fields: string[],
  now: Date,
  onlyAtVersion?: string,
) =>
  db.insert(resourceChanges).values({
    // At a version: the row's id is NULL unless the resource is still at that version, and the
    // NOT NULL key then refuses it, which undoes the whole batch. So the check and the write are
    // one transaction, on D1 as on libsql: no save can land between them.
    id:
      onlyAtVersion === undefined
        ? crypto.randomUUID()
        : sql`(SELECT ${crypto.randomUUID()} WHERE ${latestChangeId(serviceId)} = ${onlyAtVersion})`,
    serviceId,
    changedAt: now,
    actorUserId: actor.userId,
    actorRole: actor.role,
    action,
    changedFields: fields,
  });

export interface ResourceChange {
  changedAt: Date;
  actorRole: string;
  action: ResourceChangeAction;
  changedFields: string[];
}

/** A resource's change log, newest first. */
export const listResourceChanges = async (
  db: Database,
  serviceId: string,
  limit = 100,
): Promise<ResourceChange[]> =>
  (
    await db
      .select({
        changedAt: resourceChanges.changedAt,
        actorRole: resourceChanges.actorRole,
        action: resourceChanges.action,
        changedFields: resourceChanges.changedFields,
      })
      .from(resourceChanges)
      .where(eq(resourceChanges.serviceId, serviceId))
      .orderBy(desc(resourceChanges.changedAt))
      .limit(limit)
      .all()
  ).map((row) => ({ ...row, action: row.action as ResourceChangeAction }));

/** The changes this account made to resources, for "download my data". */
export const listChangesByAccount = async (db: Database, userId: string) =>
  db
    .select({
      serviceId: resourceChanges.serviceId,
      changedAt: resourceChanges.changedAt,
      role: resourceChanges.actorRole,
      action: resourceChanges.action,
      fields: resourceChanges.changedFields,
    })
    .from(resourceChanges)
    .where(eq(resourceChanges.actorUserId, userId))
    .orderBy(desc(resourceChanges.changedAt))
    .all();

/** Account deletion: the log keeps the role and the fields, and forgets the person. */
export const forgetChangeAuthor = async (db: Database, userId: string): Promise<void> => {
  await db
    .update(resourceChanges)
    .set({ actorUserId: null })
    .where(eq(resourceChanges.actorUserId, userId));
};

/**
 * The SQL of resourceVersion, for a check inside a batch. The latest change is the one written
 * last (the table's rowid), not the one with the latest time: two saves in one millisecond, or
 * clocks that disagree, would otherwise leave the version where it was and let a stale form in.
 */
const latestChangeId = (serviceId: string) =>
  sql`coalesce((SELECT ${resourceChanges.id} FROM ${resourceChanges} WHERE ${resourceChanges.serviceId} = ${serviceId} ORDER BY ${resourceChanges}.rowid DESC LIMIT 1), '')`;

/** A save was refused because someone else saved the resource after the form was opened. */
export class ResourceChangedMeanwhile extends Error {
  constructor() {
    super('The resource was saved by someone else after this edit began.');
    this.name = 'ResourceChangedMeanwhile';
  }
}

/**
 * The latest logged change of a resource, as an opaque version: the edit form carries it, so a
 * save can tell that someone else saved in between. Empty for a resource never changed here.
 */
export const resourceVersion = async (db: Database, serviceId: string): Promise<string> =>
  (await db.get<{ id: string }>(sql`SELECT ${latestChangeId(serviceId)} AS id`))?.id ?? '';
