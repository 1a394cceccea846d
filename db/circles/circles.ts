import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../core/database';
import { createOnce } from '../core/form-submissions';
import { circleMembers, circles, type circleCheckInPaces } from '../schema';
import { stopCheckInsStatements } from './check-ins';
import { circleHistoryInsert } from './history';
import { newCircleId } from './rules';

export type CircleRow = typeof circles.$inferSelect;
export type CheckInPace = (typeof circleCheckInPaces)[number];

/** What the owner chooses when starting a circle and in its settings. */
export interface CircleSettings {
  label: string;
  timeZone: string;
  quietStartMinute: number;
  quietEndMinute: number;
  memberListVisible: boolean;
  ownerToldOfGaps: boolean;
  placeRevealHours: number;
}

/** Starts a circle for its owner; a second press of the same form finds the first circle. */
export const createCircle = async (
  db: Database,
  ownerId: string,
  settings: CircleSettings,
  now = new Date(),
  formKey: string | null = null,
): Promise<string> => {
  const id = newCircleId();
  const { id: made } = await createOnce(
    db,
    { userId: ownerId, kind: 'circle', key: formKey },
    id,
    [db.insert(circles).values({ id, ownerId, ...settings, createdAt: now })],
    now,
  );
  return made;
};

/** The owner's settings, changed. Only ever called for the owner (canInCircle 'circle:settings'). */
export const updateCircleSettings = async (
  db: Database,
  circleId: string,
  settings: CircleSettings,
): Promise<void> => {
  await db
    .update(circles)
    .set(settings)
    .where(and(eq(circles.id, circleId), isNull(circles.closedAt)))
    .run();
};

/** My circles: those I own, and those I am an active member of (by the name I chose there). */
export const listMyCircles = async (db: Database, userId: string) => {
  const [owned, memberOf] = await Promise.all([
    db
      .select({ id: circles.id, label: circles.label, createdAt: circles.createdAt })
      .from(circles)
      .where(and(eq(circles.ownerId, userId), isNull(circles.closedAt)))
      .orderBy(desc(circles.createdAt))
      .all(),
    db
      .select({
        id: circles.id,
        displayName: circleMembers.displayName,
        role: circleMembers.role,
        joinedAt: circleMembers.joinedAt,
      })
      .from(circleMembers)
      .innerJoin(circles, eq(circles.id, circleMembers.circleId))
      .where(
        and(
          eq(circleMembers.userId, userId),
          isNull(circleMembers.endedAt),
          isNull(circles.closedAt),
        ),
      )
      .orderBy(desc(circleMembers.joinedAt))
      .all(),
  ]);
  return { owned, memberOf };
};

/**
 * "I need space": starts at once (or changes its end date and whether practical help goes on).
 * In the same batch, every nudge not yet delivered and every check-in email not yet sent is
 * stopped; from then on no nudge is made and no check-in can be sent (takingSpaceSql).
 */
export const startSpace = async (
  db: Database,
  circleId: string,
  choice: { until: Date | null; practicalHelpGoesOn: boolean },
  now = new Date(),
): Promise<void> => {
  await db.batch([
    db
      .update(circles)
      .set({
        spaceSince: now,
        spaceUntil: choice.until,
        spacePracticalHelpGoesOn: choice.practicalHelpGoesOn,
      })
      .where(and(eq(circles.id, circleId), isNull(circles.closedAt))),
    ...stopCheckInsStatements(db, circleId),
    circleHistoryInsert(db, { circleId, kind: 'space_started', actor: 'owner' }, now),
  ]);
};

/** Ends the owner's space: only the owner does this (or its end date passing). */
export const endSpace = async (db: Database, circleId: string, now = new Date()): Promise<void> => {
  await db.batch([
    db
      .update(circles)
      .set({ spaceSince: null, spaceUntil: null, spacePracticalHelpGoesOn: true })
      .where(eq(circles.id, circleId)),
    circleHistoryInsert(db, { circleId, kind: 'space_ended', actor: 'owner' }, now),
  ]);
};
