import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../core/database';
import { preparedPerDatabase } from '../core/prepared';
import { circleMembers, circles } from '../schema';
import { circleAccessOf, type CircleAccess } from './rules';

const circleWithMyRow = preparedPerDatabase((db) =>
  db
    .select({ circle: circles, member: circleMembers })
    .from(circles)
    .leftJoin(
      circleMembers,
      and(
        eq(circleMembers.circleId, circles.id),
        eq(circleMembers.userId, sql.placeholder('userId')),
      ),
    )
    .where(eq(circles.id, sql.placeholder('circleId')))
    .prepare(),
);

/**
 * My place in this circle, loaded on every request to a circle address (one statement), and
 * decided by circleAccessOf. Every circle route starts here: `none` is answered exactly as an
 * unknown id, whoever asks (moderators and admins included); `closed` with a neutral 410.
 */
export const loadCircleAccess = async (
  db: Database,
  circleId: string,
  userId: string,
): Promise<CircleAccess> => {
  const row = await circleWithMyRow(db).get({ circleId, userId });
  return circleAccessOf(userId, row?.circle ?? null, row?.member ?? null);
};
