import { desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../core/database';
import { circleHistory, circleMembers, type CircleHistoryKind } from '../schema';
import { newCircleId } from './rules';

/** One line of the owner's history: a kind, whom it concerns and who did it. Never any text. */
export interface CircleHistoryEntry {
  circleId: string;
  kind: CircleHistoryKind;
  actor: 'owner' | 'member' | 'coordinator' | 'system';
  /** The member it concerns (who signed up, who was removed…), if any. */
  memberId?: string | null;
  needId?: string | null;
}

/** The insert of one history line, to put in a caller's db.batch() beside the change it records. */
export const circleHistoryInsert = (db: Database, entry: CircleHistoryEntry, at: Date) =>
  db.insert(circleHistory).values({
    id: newCircleId(),
    circleId: entry.circleId,
    memberId: entry.memberId ?? null,
    actor: entry.actor,
    kind: entry.kind,
    needId: entry.needId ?? null,
    at,
  });

/** Records one line of the owner's history on its own (prefer circleHistoryInsert inside a batch). */
export const recordCircleHistory = async (
  db: Database,
  entry: CircleHistoryEntry,
  at = new Date(),
): Promise<void> => {
  await circleHistoryInsert(db, entry, at).run();
};

/** The owner's history, newest first, with the name each member chose (null once their account is gone). */
export const listCircleHistory = async (db: Database, circleId: string, limit = 200) =>
  db
    .select({
      kind: circleHistory.kind,
      actor: circleHistory.actor,
      at: circleHistory.at,
      memberName: circleMembers.displayName,
      needId: circleHistory.needId,
    })
    .from(circleHistory)
    .leftJoin(circleMembers, eq(circleMembers.id, circleHistory.memberId))
    .where(eq(circleHistory.circleId, circleId))
    .orderBy(desc(circleHistory.at), desc(circleHistory.id))
    .limit(limit)
    .all();

/**
 * The insert of one history line written only if `condition` (SQL) holds when it runs: in a
 * batch, after the change it records, it says "only if that change happened". A query builder,
 * not raw SQL, so D1's batch takes it.
 */
export const circleHistoryInsertWhen = (
  db: Database,
  entry: CircleHistoryEntry,
  at: Date,
  condition: SQL,
) =>
  db.insert(circleHistory).select(
    sql`SELECT ${newCircleId()}, ${entry.circleId}, ${entry.memberId ?? null}, ${entry.actor},
      ${entry.kind}, ${entry.needId ?? null}, ${Math.floor(at.getTime() / 1000)} WHERE ${condition}`,
  );
