import { eq } from 'drizzle-orm';
import type { Database } from './database';
import { services } from './schema';

/** Roles whose confirmation counts as a verification. */
export type VerifierRole = 'moderator' | 'admin';

/**
 * Records that a person in this role has just confirmed a service's details ("Verified today").
 * The only code that sets verified_at and verified_by_role: an import or an edit never does, so
 * "last checked" always means a person looked. Stores the role, never who it was.
 */
export const markResourceVerified = async (db: Database, serviceId: string, role: VerifierRole, now: Date): Promise<boolean> => {
  const updated = await db
    .update(services)
    .set({ verifiedAt: now, verifiedByRole: role })
    .where(eq(services.id, serviceId))
    .returning({ id: services.id });
  return updated.length === 1;
};
