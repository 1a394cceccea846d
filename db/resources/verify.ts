import { eq } from 'drizzle-orm';
import type { Database } from '../core/database';
import { resourceChangeRow } from './changes';
import { services } from '../schema';

/** Roles whose confirmation counts as a verification. */
export type VerifierRole = 'moderator' | 'admin';

/**
 * Records that a person in this role has just confirmed a service's details ("Verified today").
 * The only code that sets verified_at and verified_by_role: an import or an edit never does, so
 * "last checked" always means a person looked. Shows the role, never who it was; the change log
 * keeps the account until it is deleted.
 */
export const markResourceVerified = async (
  db: Database,
  serviceId: string,
  role: VerifierRole,
  now: Date,
  actorUserId: string | null = null,
): Promise<boolean> => {
  const exists = await db
    .select({ id: services.id })
    .from(services)
    .where(eq(services.id, serviceId))
    .get();
  if (!exists) return false;
  await db.batch([
    db
      .update(services)
      .set({ verifiedAt: now, verifiedByRole: role })
      .where(eq(services.id, serviceId)),
    resourceChangeRow(db, serviceId, { userId: actorUserId, role }, 'verified', [], now),
  ]);
  return true;
};
