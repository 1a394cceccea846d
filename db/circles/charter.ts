import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../core/database';
import { circleCharterVersions, circleMembers, circles, type circleHelpKinds } from '../schema';
import type { CheckInPace } from './circles';
import { circleHistoryInsert } from './history';
import { newCircleId } from './rules';

export type HelpKind = (typeof circleHelpKinds)[number];
export type CharterVersionRow = typeof circleCharterVersions.$inferSelect;

/** What the owner writes in the charter. Each save is a new version. */
export interface CharterDraft {
  helpKinds: HelpKind[];
  helpText: string;
  checkInChannel: 'site' | 'email';
  checkInPace: CheckInPace;
  topicsToAvoid: string;
  spaceMeaning: string;
  accompaniment: string;
  anythingElse: string;
}

/** The parts of a charter a member is told changed, in the order the page shows them. */
export const charterParts = [
  'helpKinds',
  'helpText',
  'checkInChannel',
  'checkInPace',
  'topicsToAvoid',
  'spaceMeaning',
  'accompaniment',
  'anythingElse',
] as const satisfies readonly (keyof CharterDraft)[];
export type CharterPart = (typeof charterParts)[number];

/** A stored version as a draft (the kinds list split). */
export const charterDraftOf = (version: CharterVersionRow): CharterDraft => ({
  helpKinds: version.helpKinds ? (version.helpKinds.split(',') as HelpKind[]) : [],
  helpText: version.helpText,
  checkInChannel: version.checkInChannel,
  checkInPace: version.checkInPace,
  topicsToAvoid: version.topicsToAvoid,
  spaceMeaning: version.spaceMeaning,
  accompaniment: version.accompaniment,
  anythingElse: version.anythingElse,
});

/** Which parts differ between two versions: what a member reading the new one is told changed. */
export const charterChanges = (before: CharterDraft | null, after: CharterDraft): CharterPart[] =>
  before === null
    ? []
    : charterParts.filter((part) => String(before[part]) !== String(after[part]));

/** The current version (the highest number), or null before the owner writes one. */
export const currentCharter = async (
  db: Database,
  circleId: string,
): Promise<CharterVersionRow | null> =>
  (await db
    .select()
    .from(circleCharterVersions)
    .where(eq(circleCharterVersions.circleId, circleId))
    .orderBy(desc(circleCharterVersions.number))
    .get()) ?? null;

/** One version of this circle's charter by its number. */
export const charterVersion = async (
  db: Database,
  circleId: string,
  number: number,
): Promise<CharterVersionRow | null> =>
  (await db
    .select()
    .from(circleCharterVersions)
    .where(
      and(eq(circleCharterVersions.circleId, circleId), eq(circleCharterVersions.number, number)),
    )
    .get()) ?? null;

/**
 * Saves the charter as its next version, and the check-in pace and channel on the circle (the
 * nudge job reads them there). Two saves at once cannot take the same number (unique index).
 */
export const saveCharter = async (
  db: Database,
  circleId: string,
  draft: CharterDraft,
  now = new Date(),
): Promise<void> => {
  await db.batch([
    db.insert(circleCharterVersions).values({
      id: newCircleId(),
      circleId,
      number: sql`(SELECT coalesce(max(number), 0) + 1 FROM circle_charter_versions WHERE circle_id = ${circleId})`,
      ...draft,
      helpKinds: draft.helpKinds.join(','),
      createdAt: now,
    }),
    db
      .update(circles)
      .set({ checkInPace: draft.checkInPace, checkInByEmail: draft.checkInChannel === 'email' })
      .where(eq(circles.id, circleId)),
    circleHistoryInsert(db, { circleId, kind: 'charter_saved', actor: 'owner' }, now),
  ]);
};

/**
 * Whether this member has read the charter as it stands: before their first sign-up, and again
 * after each change, a member reads it (the sign-up flow asks this). True when there is no
 * charter yet: there is nothing to read.
 */
export const hasReadCurrentCharter = async (
  db: Database,
  circleId: string,
  memberId: string,
): Promise<boolean> => {
  const row = await db
    .select({
      read: circleMembers.charterVersionRead,
      current: sql<
        number | null
      >`(SELECT max(number) FROM circle_charter_versions WHERE circle_id = ${circleId})`,
    })
    .from(circleMembers)
    .where(and(eq(circleMembers.id, memberId), eq(circleMembers.circleId, circleId)))
    .get();
  if (!row) return false;
  return row.current === null || (row.read !== null && row.read >= row.current);
};

/** Records that this member read this version (the number they were shown, never a later one). */
export const markCharterRead = async (
  db: Database,
  circleId: string,
  memberId: string,
  number: number,
): Promise<void> => {
  await db
    .update(circleMembers)
    .set({ charterVersionRead: number })
    .where(
      and(
        eq(circleMembers.id, memberId),
        eq(circleMembers.circleId, circleId),
        isNull(circleMembers.endedAt),
        sql`${number} <= (SELECT coalesce(max(number), 0) FROM circle_charter_versions WHERE circle_id = ${circleId})`,
      ),
    )
    .run();
};
