import { and, asc, desc, eq, gt, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { columnsOf, slicesForD1 } from '../core/bound-parameters';
import type { Database } from '../core/database';
import { inBatch, placeholderFor, preparedPerDatabase } from '../core/prepared';
import { circleNeeds, circleSignUps, services } from '../schema';
import type { HelpKind } from './charter';
import { circleHistoryInsert, circleHistoryInsertWhen } from './history';
import { liveSignUpCountSql, newCircleId, placeEraseAfter } from './rules';

export type NeedRow = typeof circleNeeds.$inferSelect;

/** What the owner or a coordinator writes for a need (one occurrence). */
export interface NeedDraft {
  kind: HelpKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** "Any time during" the window from startsAt to endsAt, rather than at startsAt. */
  anyTime: boolean;
  helpersWanted: number;
  place: string;
  /** A directory resource (a service id), or null. */
  resourceId: string | null;
  note: string;
}

/** A need as lists show it: never its place, and only counts of who signed up. */
export interface NeedSummary {
  id: string;
  kind: HelpKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
  anyTime: boolean;
  helpersWanted: number;
  /** Live sign-ups. */
  helpers: number;
  /** Whether the reader signed up. */
  mine: boolean;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
// The need's id is written out in full: inside a subquery drizzle would name the column alone,
// and a bare "id" would be the sign-up's own.
const liveHelpers = liveSignUpCountSql(sql.raw('circle_needs.id'));

/** The place columns: erased 7 days after the need ends, when there is anything to erase. */
const placeColumns = (draft: NeedDraft) => ({
  place: draft.place,
  resourceId: draft.resourceId,
  placeEraseAfter: draft.place || draft.resourceId ? placeEraseAfter(draft.endsAt) : null,
});

/**
 * Posts a need, or a weekly series of them (`weeks` occurrences, each its own need with the same
 * series id, cancellable alone). One batch: all occurrences or none. Returns the ids, first first.
 */
export const postNeeds = async (
  db: Database,
  circleId: string,
  poster: { userId: string; role: 'owner' | 'coordinator' },
  draft: NeedDraft,
  weeks = 1,
  now = new Date(),
): Promise<string[]> => {
  const seriesId = weeks > 1 ? newCircleId() : null;
  const rows = Array.from({ length: weeks }, (_, week) => {
    const shift = (date: Date) => new Date(date.getTime() + week * WEEK_MS);
    const occurrence = { ...draft, startsAt: shift(draft.startsAt), endsAt: shift(draft.endsAt) };
    return {
      id: newCircleId(),
      circleId,
      ...occurrence,
      ...placeColumns(occurrence),
      seriesId,
      createdBy: poster.userId,
      createdAt: now,
      updatedAt: now,
    };
  });
  // Twelve weeks in one insert went over D1's bound parameters: the occurrences go in slices,
  // in one batch that keeps it all-or-none.
  const [first, ...rest] = slicesForD1(rows, { each: columnsOf(circleNeeds) }).map((slice) =>
    db.insert(circleNeeds).values(slice),
  );
  await db.batch([
    first!,
    ...rest,
    ...rows.map((row) =>
      circleHistoryInsert(
        db,
        { circleId, kind: 'need_posted', actor: poster.role, needId: row.id },
        now,
      ),
    ),
  ]);
  return rows.map((row) => row.id);
};

/** One need of this circle with its live helper count (a need id of another circle finds nothing). */
export const findNeed = async (
  db: Database,
  circleId: string,
  needId: string,
): Promise<(NeedRow & { helpers: number }) | null> => {
  const row = await db
    .select({ need: circleNeeds, helpers: liveHelpers })
    .from(circleNeeds)
    .where(and(eq(circleNeeds.id, needId), eq(circleNeeds.circleId, circleId)))
    .get();
  return row ? { ...row.need, helpers: Number(row.helpers) } : null;
};

export type NeedUpdate = 'saved' | 'none' | 'belowHelpers';

/**
 * Changes one occurrence. Asking for fewer helpers than have signed up is refused (in the same
 * statement, so a sign-up at the same moment cannot slip past): nobody is dropped silently.
 */
export const updateNeed = async (
  db: Database,
  circleId: string,
  needId: string,
  draft: NeedDraft,
  now = new Date(),
): Promise<NeedUpdate> => {
  const updated = await db
    .update(circleNeeds)
    .set({ ...draft, ...placeColumns(draft), updatedAt: now })
    .where(
      and(
        eq(circleNeeds.id, needId),
        eq(circleNeeds.circleId, circleId),
        sql`${liveHelpers} <= ${draft.helpersWanted}`,
      ),
    )
    .returning({ id: circleNeeds.id })
    .all();
  if (updated.length > 0) return 'saved';
  return (await findNeed(db, circleId, needId)) ? 'belowHelpers' : 'none';
};

/**
 * Cancels one need (one occurrence of a series): it goes with its place, sign-ups and reminders
 * at once, and the owner's history says a need was cancelled. False for any other circle's id.
 */
export const cancelNeed = async (
  db: Database,
  circleId: string,
  needId: string,
  actor: 'owner' | 'coordinator',
  now = new Date(),
): Promise<boolean> => {
  const [, deleted] = await db.batch([
    // Written first, and only if the need is this circle's: the delete below then finds it too.
    circleHistoryInsertWhen(
      db,
      { circleId, kind: 'need_cancelled', actor },
      now,
      sql`EXISTS (SELECT 1 FROM circle_needs WHERE id = ${needId} AND circle_id = ${circleId})`,
    ),
    db
      .delete(circleNeeds)
      .where(and(eq(circleNeeds.id, needId), eq(circleNeeds.circleId, circleId)))
      .returning({ id: circleNeeds.id }),
  ]);
  return deleted.length > 0;
};

/** How many past needs the circle's home lists (collapsed), newest first. */
const PAST_NEEDS_SHOWN = 30;

/**
 * The needs of a circle for its home: those not ended yet, soonest first, and the most recent
 * past ones. Never a place; only counts of helpers, and whether the reader is one of them.
 */
export const listCircleNeeds = async (
  db: Database,
  circleId: string,
  readerMemberId: string | null,
  now = new Date(),
): Promise<{ upcoming: NeedSummary[]; past: NeedSummary[] }> => {
  const { upcoming: upcomingQuery, past: pastQuery } = circleNeedQueries(db);
  // No reader (a null member id) matches no sign-up: `mine` is false throughout.
  const values = { circleId, reader: readerMemberId, now };
  const [upcoming, past] = await db.batch([
    inBatch(upcomingQuery, values),
    inBatch(pastQuery, values),
  ]);
  const summary = (row: (typeof upcoming)[number]): NeedSummary => ({
    ...row,
    helpers: Number(row.helpers),
    mine: Boolean(row.mine),
  });
  return { upcoming: upcoming.map(summary), past: past.map(summary) };
};

// Prepared once per database: the circle's home draws these on every visit.
const circleNeedQueries = preparedPerDatabase((db) => {
  const fields = {
    id: circleNeeds.id,
    kind: circleNeeds.kind,
    title: circleNeeds.title,
    startsAt: circleNeeds.startsAt,
    endsAt: circleNeeds.endsAt,
    anyTime: circleNeeds.anyTime,
    helpersWanted: circleNeeds.helpersWanted,
    helpers: liveHelpers,
    mine: sql<number>`EXISTS (SELECT 1 FROM circle_sign_ups s WHERE s.need_id = circle_needs.id AND s.member_id = ${sql.placeholder('reader')} AND s.cancelled_at IS NULL)`,
  };
  const circle = eq(circleNeeds.circleId, sql.placeholder('circleId'));
  const now = placeholderFor(circleNeeds.endsAt, 'now');
  return {
    upcoming: db
      .select(fields)
      .from(circleNeeds)
      .where(and(circle, gt(circleNeeds.endsAt, now)))
      .orderBy(asc(circleNeeds.startsAt), asc(circleNeeds.id))
      .prepare(),
    past: db
      .select(fields)
      .from(circleNeeds)
      .where(and(circle, lte(circleNeeds.endsAt, now)))
      .orderBy(desc(circleNeeds.startsAt), desc(circleNeeds.id))
      .limit(PAST_NEEDS_SHOWN)
      .prepare(),
  };
});

/** Who signed up for a need, by the name each chose for this circle (for the owner and a coordinator). */
export const listNeedHelpers = async (db: Database, circleId: string, needId: string) =>
  db
    .select({
      signUpId: circleSignUps.id,
      memberId: circleSignUps.memberId,
      name: sql<string>`(SELECT display_name FROM circle_members m WHERE m.id = ${circleSignUps.memberId})`,
      at: circleSignUps.createdAt,
    })
    .from(circleSignUps)
    .where(
      and(
        eq(circleSignUps.needId, needId),
        eq(circleSignUps.circleId, circleId),
        isNull(circleSignUps.cancelledAt),
      ),
    )
    .orderBy(asc(circleSignUps.createdAt), asc(circleSignUps.id))
    .all();

/** A directory resource a need may link to, by id or slug: only an active one. */
export const findLinkableResource = async (
  db: Database,
  idOrSlug: string,
): Promise<{ id: string; slug: string; name: string } | null> =>
  (await db
    .select({ id: services.id, slug: services.slug, name: services.name })
    .from(services)
    .where(
      and(
        or(eq(services.id, idOrSlug), eq(services.slug, idOrSlug)),
        eq(services.status, 'active'),
      ),
    )
    .get()) ?? null;

/**
 * Erases the places (and linked resources) of needs that ended 7 days ago or more. Safe to run
 * any number of times; the partial index keeps it to the rows still holding one.
 */
export const eraseEndedNeedPlaces = async (db: Database, now: Date): Promise<number> => {
  const erased = await db
    .update(circleNeeds)
    .set({ place: '', resourceId: null, placeEraseAfter: null })
    .where(and(isNotNull(circleNeeds.placeEraseAfter), lte(circleNeeds.placeEraseAfter, now)))
    .returning({ id: circleNeeds.id })
    .all();
  return erased.length;
};
