import { eq } from 'drizzle-orm';
import { findOrCreateUser } from '../../db/accounts/users';
import { saveCharter } from '../../db/circles/charter';
import { createCircle, type CircleSettings } from '../../db/circles/circles';
import { postNeeds, type NeedDraft } from '../../db/circles/needs';
import { newCircleId } from '../../db/circles/rules';
import type { Database } from '../../db/core/database';
import { circleMembers, circles } from '../../db/schema';

export const HOUR = 3600_000;

/** A circle's settings: UTC, quiet hours 21:00–08:00, places shown 24 hours before. */
export const circleSettings = (over: Partial<CircleSettings> = {}): CircleSettings => ({
  label: 'My people',
  timeZone: 'UTC',
  quietStartMinute: 21 * 60,
  quietEndMinute: 8 * 60,
  memberListVisible: false,
  ownerToldOfGaps: false,
  placeRevealHours: 24,
  ...over,
});

/** An active member, straight through the data layer (the invitation flow is tested elsewhere). */
export const addMember = async (
  db: Database,
  circleId: string,
  email: string,
  options: { name?: string; role?: 'member' | 'coordinator'; charterRead?: number | null } = {},
): Promise<{ memberId: string; userId: string; email: string }> => {
  const user = await findOrCreateUser(db, email);
  const memberId = newCircleId();
  await db.insert(circleMembers).values({
    id: memberId,
    circleId,
    userId: user.id,
    displayName: options.name ?? email.split('@')[0]!,
    role: options.role ?? 'member',
    charterVersionRead: options.charterRead ?? null,
    joinedAt: new Date(),
  });
  return { memberId, userId: user.id, email };
};

/** A circle owned by `ownerEmail`, with a coordinator and two members who have read no charter (there is none). */
export const circleWithPeople = async (
  db: Database,
  prefix = 'a',
  settings: Partial<CircleSettings> = {},
) => {
  const owner = await findOrCreateUser(db, `${prefix}-owner@example.org`);
  const circleId = await createCircle(db, owner.id, circleSettings(settings));
  return {
    circleId,
    owner: { userId: owner.id, email: owner.email },
    coordinator: await addMember(db, circleId, `${prefix}-coord@example.org`, {
      name: `${prefix} Coordinator`,
      role: 'coordinator',
    }),
    helper: await addMember(db, circleId, `${prefix}-helper@example.org`, {
      name: `${prefix} Helper`,
    }),
    other: await addMember(db, circleId, `${prefix}-other@example.org`, {
      name: `${prefix} Other`,
    }),
  };
};

/** A need draft `hoursAhead` from now, two hours long. */
export const needDraft = (
  hoursAhead: number,
  over: Partial<NeedDraft> = {},
  now = Date.now(),
): NeedDraft => ({
  kind: 'ride',
  title: 'Ride to the clinic',
  startsAt: new Date(now + hoursAhead * HOUR),
  endsAt: new Date(now + (hoursAhead + 2) * HOUR),
  anyTime: false,
  helpersWanted: 1,
  place: '12 Secret Lane',
  resourceId: null,
  note: 'Bring a book.',
  ...over,
});

/** Posts one need as the owner; returns its id. */
export const postNeed = async (
  db: Database,
  circleId: string,
  ownerId: string,
  draft: NeedDraft,
  now = new Date(),
): Promise<string> =>
  (await postNeeds(db, circleId, { userId: ownerId, role: 'owner' }, draft, 1, now))[0]!;

/** Saves a first charter version (members must then read it before signing up). */
export const writeCharter = (db: Database, circleId: string) =>
  saveCharter(db, circleId, {
    helpKinds: ['ride'],
    helpText: 'Rides help most.',
    checkInChannel: 'site',
    checkInPace: 'never',
    topicsToAvoid: '',
    spaceMeaning: '',
    accompaniment: '',
    anythingElse: '',
  });

/** Sets a circle's gap setting. */
export const tellOwnerOfGaps = (db: Database, circleId: string) =>
  db.update(circles).set({ ownerToldOfGaps: true }).where(eq(circles.id, circleId));
