import {
  and,
  asc,
  desc,
  eq,
  inArray,
  isNotNull,
  isNull,
  sql,
  type SQL,
  type SQLWrapper,
} from 'drizzle-orm';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../core/content-languages';
import { columnsOf, slicesForD1 } from '../core/bound-parameters';
import type { Database } from '../core/database';
import { placeholderFor, preparedPerDatabase, preparedPerShape } from '../core/prepared';
import { newId } from '../core/random';
import { stories, storyApprovals, storyEvents, storyVersions, users } from '../schema';
import { createOnce } from '../core/form-submissions';
import {
  keysetPage,
  QUEUE_PER_PAGE,
  timeThenId,
  seekTemplate,
  type KeysetPage,
  type PageAsk,
  type SeekDirection,
} from '../core/keyset';
import {
  consentCampaignIdsOf,
  consentInForceCondition,
  consentScope,
  isStoryLive,
  publishableApprovalCondition,
  storyLiveCondition,
} from './rules';

/**
 * Stories: the rules of consent. A version is never changed; only the author approves an exact
 * version with a consent scope and an end date; a moderator publishes only the author's latest
 * approval; withdrawal hides the story everywhere at once. Every write that changes state and
 * its audit line go in one batch, the audit line conditional on the change (`changes()`), so a
 * repeated or concurrent request writes neither twice.
 */

/** A story is written in one of the site's content languages. */
export const STORY_LANGUAGES = CONTENT_LANGUAGES;
export type StoryLanguage = ContentLanguage;
export const CONTENT_NOTES = [
  'violence',
  'sexual-violence',
  'self-harm',
  'substance-use',
  'other',
] as const;
export type ContentNote = (typeof CONTENT_NOTES)[number];
/** How long consent lasts, in months: one year unless the author chooses, three at most. */
export const CONSENT_MONTHS = [6, 12, 24, 36] as const;
export const DEFAULT_CONSENT_MONTHS = 12;
/** The author is emailed this long before consent ends. */
export const REMINDER_BEFORE_MS = 14 * 24 * 60 * 60 * 1000;
export const STORY_LIMITS = {
  title: 150,
  body: 20_000,
  shownName: 60,
  contentNoteText: 200,
} as const;
export type StoryLimits = typeof STORY_LIMITS;

export interface StoryDraft {
  title: string;
  body: string;
  /** Empty means "Anonymous". */
  shownName: string;
  language: StoryLanguage;
  contentNotes: ContentNote[];
  contentNoteText: string;
}

export interface Consent {
  ownPage: boolean;
  campaignIds: string[];
  eventQuotes: boolean;
  months: number;
}

type StoryVersionRow = typeof storyVersions.$inferSelect;
/** A version as pages read it: its content notes as a list (the column keeps them comma-separated). */
export type StoryVersion = Omit<StoryVersionRow, 'contentNotes'> & { contentNotes: ContentNote[] };
export type StoryApproval = typeof storyApprovals.$inferSelect;
export type StoryEvent = typeof storyEvents.$inferSelect;
export type StoryRow = typeof stories.$inferSelect;

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** A date `months` months after `from`. */
export const addMonths = (from: Date, months: number): Date => {
  const date = new Date(from);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date;
};

export const parseList = (value: string): string[] => value.split(',').filter(Boolean);
/** The content notes of a stored version, in the order of CONTENT_NOTES (the order the form shows). */
export const contentNotesOf = (version: Pick<StoryVersionRow, 'contentNotes'>): ContentNote[] => {
  const stored = parseList(version.contentNotes);
  return CONTENT_NOTES.filter((note) => stored.includes(note));
};

const versionValues = (
  storyId: string,
  number: number,
  draft: StoryDraft,
  madeBy: 'author' | 'moderator',
  now: Date,
) => ({
  id: newId(),
  storyId,
  number,
  title: draft.title,
  body: draft.body,
  shownName: draft.shownName,
  language: draft.language,
  contentNotes: draft.contentNotes.join(','),
  contentNoteText: draft.contentNoteText,
  madeBy,
  createdAt: now,
});

/** An audit line, written only when the statement just before it changed a row. */
const eventIfChanged = (
  db: Database,
  storyId: string,
  actor: StoryEvent['actor'],
  action: StoryEvent['action'],
  versionNumber: number | null,
  now: Date,
) =>
  db
    .insert(storyEvents)
    .select(
      sql`select ${newId()}, ${storyId}, ${actor}, ${action}, ${versionNumber}, ${seconds(now)} where changes() > 0`,
    );

/** Starts a story with its first version. */
/** Creates a story and its first version; with the form's key, a second press returns the first story. */
export const createStory = async (
  db: Database,
  authorId: string,
  draft: StoryDraft,
  now = new Date(),
  formKey: string | null = null,
): Promise<string> => {
  const id = newId();
  const statements = [
    db.insert(stories).values({ id, authorId, createdAt: now }),
    db.insert(storyVersions).values(versionValues(id, 1, draft, 'author', now)),
    db.insert(storyEvents).values({
      id: newId(),
      storyId: id,
      actor: 'author',
      action: 'created',
      versionNumber: 1,
      createdAt: now,
    }),
  ] as const;
  return (
    await createOnce(
      db,
      { userId: authorId, kind: 'story', key: formKey },
      id,
      [...statements],
      now,
    )
  ).id;
};

/**
 * Adds the next version (by the author, or a moderator's suggested edit). The number is taken
 * inside the insert, so two edits at once get two numbers. Nothing is written to a withdrawn
 * story. Returns the new number, or null.
 */
export const addStoryVersion = async (
  db: Database,
  storyId: string,
  draft: StoryDraft,
  madeBy: 'author' | 'moderator',
  now = new Date(),
): Promise<number | null> => {
  const v = versionValues(storyId, 0, draft, madeBy, now);
  const action = madeBy === 'author' ? 'edited' : 'edit-suggested';
  await db.batch([
    db.insert(storyVersions)
      .select(sql`select ${v.id}, s.id, (select coalesce(max(number), 0) + 1 from story_versions where story_id = s.id),
        ${v.title}, ${v.body}, ${v.shownName}, ${v.language}, ${v.contentNotes}, ${v.contentNoteText}, ${madeBy}, ${seconds(now)}
      from stories s where s.id = ${storyId} and s.withdrawn_at is null`),
    db
      .insert(storyEvents)
      .select(
        sql`select ${newId()}, story_id, ${madeBy}, ${action}, number, ${seconds(now)} from story_versions where id = ${v.id}`,
      ),
  ]);
  const row = await db
    .select({ number: storyVersions.number })
    .from(storyVersions)
    .where(eq(storyVersions.id, v.id))
    .get();
  return row?.number ?? null;
};

/** Everything about one story, for its author or a moderator (never for the public). */
export interface StoryRecord {
  story: StoryRow;
  /** Oldest first. */
  versions: StoryVersion[];
  /** Oldest first. */
  approvals: StoryApproval[];
  events: StoryEvent[];
}

/** The story's rows as stored, for "download my data": what is kept, as it is kept. */
const loadStoryRows = async (db: Database, storyId: string) => {
  const story = await db.select().from(stories).where(eq(stories.id, storyId)).get();
  if (!story) return null;
  const [versions, approvals, events] = await Promise.all([
    db
      .select()
      .from(storyVersions)
      .where(eq(storyVersions.storyId, storyId))
      .orderBy(asc(storyVersions.number))
      .all(),
    db
      .select()
      .from(storyApprovals)
      .where(eq(storyApprovals.storyId, storyId))
      .orderBy(asc(storyApprovals.approvedAt), asc(sql`rowid`))
      .all(),
    db
      .select()
      .from(storyEvents)
      .where(eq(storyEvents.storyId, storyId))
      .orderBy(asc(storyEvents.createdAt), asc(sql`rowid`))
      .all(),
  ]);
  return { story, versions, approvals, events };
};

export const loadStory = async (db: Database, storyId: string): Promise<StoryRecord | null> => {
  const rows = await loadStoryRows(db, storyId);
  return (
    rows && {
      ...rows,
      versions: rows.versions.map((version) => ({
        ...version,
        contentNotes: contentNotesOf(version),
      })),
    }
  );
};

/** The author's latest approval, which is the only one a moderator may publish. */
export const latestApproval = (record: StoryRecord): StoryApproval | undefined =>
  record.approvals.at(-1);

/**
 * What the approval form offers first: the scope of the author's latest approval, or the story's
 * own page only; the duration is the default one either way.
 */
export const defaultConsent = (record: StoryRecord): Consent => {
  const approval = latestApproval(record);
  return approval
    ? {
        ownPage: approval.consentOwnPage,
        campaignIds: consentCampaignIdsOf(approval),
        eventQuotes: approval.consentEventQuotes,
        months: DEFAULT_CONSENT_MONTHS,
      }
    : { ownPage: true, campaignIds: [], eventQuotes: false, months: DEFAULT_CONSENT_MONTHS };
};
export const publishedApproval = (record: StoryRecord): StoryApproval | undefined =>
  record.approvals.find((approval) => approval.id === record.story.publishedApprovalId);
export const versionById = (record: StoryRecord, versionId: string | undefined) =>
  record.versions.find((v) => v.id === versionId);

export interface MyStory {
  id: string;
  title: string;
  latestNumber: number;
  submitted: boolean;
  published: boolean;
  withdrawn: boolean;
}

/** A storyteller's own stories, newest first. */
export const listStoriesByAuthor = async (
  db: Database,
  authorId: string,
  now = new Date(),
): Promise<MyStory[]> => {
  const rows = await db
    .select({
      id: stories.id,
      submittedAt: stories.submittedAt,
      withdrawnAt: stories.withdrawnAt,
      publishedApprovalId: stories.publishedApprovalId,
      createdAt: stories.createdAt,
      latestNumber: sql<
        number | null
      >`(select max(number) from story_versions where story_id = stories.id)`,
      title: sql<
        string | null
      >`(select title from story_versions where story_id = stories.id order by number desc limit 1)`,
      authorId: stories.authorId,
      liveUntil: sql<
        number | null
      >`(select expires_at from story_approvals where id = stories.published_approval_id)`,
    })
    .from(stories)
    .where(eq(stories.authorId, authorId))
    .orderBy(desc(stories.createdAt), desc(sql`rowid`))
    .all();
  return rows.map((row) => ({
    id: row.id,
    title: row.title ?? '',
    latestNumber: row.latestNumber ?? 0,
    submitted: !!row.submittedAt,
    published: isStoryLive(
      row,
      row.liveUntil === null ? null : { expiresAt: new Date(row.liveUntil * 1000) },
      now,
    ),
    withdrawn: !!row.withdrawnAt,
  }));
};

/** Asks moderators to read the story. Only its author can; once is enough. */
export const submitStory = async (
  db: Database,
  storyId: string,
  authorId: string,
  now = new Date(),
): Promise<boolean> => {
  const [updated] = await db.batch([
    db
      .update(stories)
      .set({ submittedAt: now })
      .where(
        and(
          eq(stories.id, storyId),
          eq(stories.authorId, authorId),
          isNull(stories.withdrawnAt),
          isNull(stories.submittedAt),
        ),
      )
      .returning({ id: stories.id }),
    eventIfChanged(db, storyId, 'author', 'submitted', null, now),
  ]);
  return updated.length > 0;
};

/**
 * The author approves one exact version with their consent. Only the author can, whatever other
 * roles they hold. Approving also asks moderators to read it. When the version approved is the
 * one already published (a renewal), the new consent applies at once; any other version waits
 * for a moderator to publish it, and the published one stays until then.
 */
export const approveStoryVersion = async (
  db: Database,
  input: {
    storyId: string;
    authorId: string;
    versionNumber: number;
    consent: Consent;
    siteOrigin: string;
  },
  now = new Date(),
): Promise<boolean> => {
  const { storyId, authorId, versionNumber, consent } = input;
  const id = newId();
  const expiresAt = seconds(addMonths(now, consent.months));
  const [inserted] = await db.batch([
    db.insert(storyApprovals)
      .select(sql`select ${id}, s.id, v.id, ${seconds(now)}, ${consent.ownPage ? 1 : 0}, ${consent.campaignIds.join(',')}, ${consent.eventQuotes ? 1 : 0}, ${expiresAt}, ${input.siteOrigin}, null
      from stories s join story_versions v on v.story_id = s.id
      where s.id = ${storyId} and s.author_id = ${authorId} and s.withdrawn_at is null and v.number = ${versionNumber}`),
    eventIfChanged(db, storyId, 'author', 'approved', versionNumber, now),
    db
      .update(stories)
      .set({ submittedAt: sql`coalesce(${stories.submittedAt}, ${seconds(now)})` })
      .where(
        and(eq(stories.id, storyId), sql`exists (select 1 from story_approvals where id = ${id})`),
      ),
    // A renewal of the published version: the new consent (and end date) applies at once.
    db
      .update(stories)
      .set({ publishedApprovalId: id })
      .where(
        and(
          eq(stories.id, storyId),
          isNull(stories.withdrawnAt),
          sql`${stories.publishedApprovalId} in (select a.id from story_approvals a join story_approvals b on b.version_id = a.version_id where b.id = ${id})`,
        ),
      ),
  ]);
  void inserted;
  return !!(await db
    .select({ id: storyApprovals.id })
    .from(storyApprovals)
    .where(eq(storyApprovals.id, id))
    .get());
};

/** A moderator publishes the author's latest approval, only while it is publishable (db/stories/rules.ts). */
export const publishStoryApproval = async (
  db: Database,
  storyId: string,
  approvalId: string,
  now = new Date(),
): Promise<boolean> => {
  const [updated] = await db.batch([
    db
      .update(stories)
      .set({ publishedApprovalId: approvalId, publishedAt: now })
      .where(publishableApprovalCondition(storyId, approvalId, now))
      .returning({ id: stories.id }),
    db.insert(storyEvents)
      .select(sql`select ${newId()}, ${storyId}, 'moderator', 'published', v.number, ${seconds(now)}
      from story_approvals a join story_versions v on v.id = a.version_id where a.id = ${approvalId} and changes() > 0`),
  ]);
  return updated.length > 0;
};

/**
 * Withdraws a story: it leaves every public surface at once, with no reason asked. With
 * `deleteVersions`, every version and approval is deleted too (the audit trail, which holds
 * no text, stays for the author).
 */
export const withdrawStory = async (
  db: Database,
  storyId: string,
  authorId: string,
  deleteVersions: boolean,
  now = new Date(),
): Promise<boolean> => {
  const [updated] = await db.batch([
    db
      .update(stories)
      .set({ withdrawnAt: now, publishedApprovalId: null })
      .where(
        and(eq(stories.id, storyId), eq(stories.authorId, authorId), isNull(stories.withdrawnAt)),
      )
      .returning({ id: stories.id }),
    eventIfChanged(db, storyId, 'author', 'withdrawn', null, now),
  ]);
  if (deleteVersions) await deleteStoryVersions(db, storyId, authorId, now);
  return updated.length > 0;
};

/**
 * The author takes the published version down and keeps the story: it leaves every public
 * surface at once, while a newer approval still waits for a moderator
 * (db/stories/rules.ts `approvalWaitingBehindLive`). The audit line names the version taken
 * down; it is written before the update in the same batch, so a second press writes none.
 */
export const takeDownPublishedVersion = async (
  db: Database,
  storyId: string,
  authorId: string,
  now = new Date(),
): Promise<boolean> => {
  const [, updated] = await db.batch([
    db.insert(storyEvents)
      .select(sql`select ${newId()}, s.id, 'author', 'unpublished', v.number, ${seconds(now)}
      from stories s join story_approvals a on a.id = s.published_approval_id join story_versions v on v.id = a.version_id
      where s.id = ${storyId} and s.author_id = ${authorId} and s.withdrawn_at is null`),
    db
      .update(stories)
      .set({ publishedApprovalId: null })
      .where(
        and(
          eq(stories.id, storyId),
          eq(stories.authorId, authorId),
          isNull(stories.withdrawnAt),
          isNotNull(stories.publishedApprovalId),
        ),
      )
      .returning({ id: stories.id }),
  ]);
  return updated.length > 0;
};

/** Deletes every version and approval of a withdrawn story of this author. */
export const deleteStoryVersions = async (
  db: Database,
  storyId: string,
  authorId: string,
  now = new Date(),
): Promise<boolean> => {
  const owned = sql`(select id from stories where id = ${storyId} and author_id = ${authorId} and withdrawn_at is not null)`;
  const [, deleted] = await db.batch([
    db.delete(storyApprovals).where(sql`${storyApprovals.storyId} in ${owned}`),
    db
      .delete(storyVersions)
      .where(sql`${storyVersions.storyId} in ${owned}`)
      .returning({ id: storyVersions.id }),
    eventIfChanged(db, storyId, 'author', 'versions-deleted', null, now),
  ]);
  return deleted.length > 0;
};

// ---------------------------------------------------------------------------------------------
// What the public may see. Every public query goes through `liveApproval`: the published
// approval, in force, of a story not withdrawn.

export interface PublicStory {
  id: string;
  title: string;
  body: string;
  shownName: string;
  language: string;
  contentNotes: ContentNote[];
  contentNoteText: string;
  publishedAt: Date | null;
}

const publicColumns = {
  id: stories.id,
  title: storyVersions.title,
  body: storyVersions.body,
  shownName: storyVersions.shownName,
  language: storyVersions.language,
  contentNotes: storyVersions.contentNotes,
  contentNoteText: storyVersions.contentNoteText,
  publishedAt: stories.publishedAt,
};

/** Live (db/stories/rules.ts) and within this scope. */
const isLive = (now: Date | SQLWrapper, scope: SQL) => and(storyLiveCondition(now), scope);

const livePublicStories = (db: Database, now: Date | SQLWrapper, scope: SQL) =>
  db
    .select(publicColumns)
    .from(stories)
    .innerJoin(storyApprovals, eq(storyApprovals.id, stories.publishedApprovalId))
    .innerJoin(storyVersions, eq(storyVersions.id, storyApprovals.versionId))
    .where(isLive(now, scope))
    .orderBy(desc(stories.publishedAt), desc(stories.id));

const toPublic = (
  row: Omit<PublicStory, 'contentNotes'> & { contentNotes: string },
): PublicStory => ({
  ...row,
  contentNotes: contentNotesOf(row),
});

/** Stories on this site's own pages: published, consented for their own page, in force. */
export const listPublishedStories = async (
  db: Database,
  now = new Date(),
): Promise<PublicStory[]> =>
  (await livePublicStories(db, now, consentScope.ownPage()).all()).map(toPublic);

export const STORIES_PER_PAGE = 20;

// The public pages' reads, prepared once (drizzle built them anew on every request).
const nowPlaceholder = () => placeholderFor(storyApprovals.expiresAt, 'now');
const liveOnOwnPageById = preparedPerDatabase((db) =>
  livePublicStories(
    db,
    nowPlaceholder(),
    and(eq(stories.id, sql.placeholder('id')), consentScope.ownPage())!,
  ).prepare(),
);
const withdrawnPublishedById = preparedPerDatabase((db) =>
  db
    .select({ id: stories.id })
    .from(stories)
    .where(
      and(
        eq(stories.id, sql.placeholder('id')),
        isNotNull(stories.withdrawnAt),
        isNotNull(stories.publishedAt),
      ),
    )
    .prepare(),
);

/** /stories in keyset order (db/core/keyset.ts): newest published first. */
const storyListKey = timeThenId(
  stories.publishedAt,
  stories.id,
  (row: PublicStory) => row.publishedAt,
  { descending: true },
);

// The list's three statements (first page, after and before a cursor), prepared once.
const storyListQuery = preparedPerShape(
  (direction: SeekDirection) => direction,
  (db, direction: SeekDirection) => {
    const seek = seekTemplate(storyListKey.key, direction);
    return (
      db
        .select(publicColumns)
        .from(stories)
        // A cross join keeps stories the outer loop (SQLite never reorders one), so the page
        // walks stories_published_at_idx and stops after a page, instead of reading every
        // approval in force and sorting them all.
        .crossJoin(storyApprovals)
        .innerJoin(storyVersions, eq(storyVersions.id, storyApprovals.versionId))
        .where(
          and(
            eq(storyApprovals.id, stories.publishedApprovalId),
            isLive(nowPlaceholder(), consentScope.ownPage()),
            seek.where,
          ),
        )
        .orderBy(...seek.orderBy)
        .limit(sql.placeholder('limit'))
        .prepare()
    );
  },
);

/** One page of /stories, newest first; `ask` is where the query string says it starts. */
export const listPublishedStoriesPage = async (
  db: Database,
  ask: PageAsk,
  now = new Date(),
): Promise<KeysetPage<PublicStory>> =>
  keysetPage({
    ...storyListKey,
    ask,
    size: STORIES_PER_PAGE,
    fetch: async (_where, _orderBy, limit, seek) =>
      (await storyListQuery(db, seek.direction).all({ now, limit, ...seek.values })).map(toPublic),
  });

/**
 * One story's public page: the story, or 'gone' once a published story was withdrawn (410),
 * or null (404) for anything else, so a guessed id learns nothing.
 */
export const getPublicStory = async (
  db: Database,
  storyId: string,
  now = new Date(),
): Promise<PublicStory | 'gone' | null> => {
  const row = await liveOnOwnPageById(db).get({ id: storyId, now });
  if (row) return toPublic(row);
  const story = await withdrawnPublishedById(db).get({ id: storyId });
  return story ? 'gone' : null;
};

/**
 * For the campaigns area: stories whose author consented to be shown on this campaign's page,
 * published, not withdrawn, consent in force. A campaign page must show no others.
 */
export const listStoriesForCampaign = async (
  db: Database,
  campaignId: string,
  now = new Date(),
): Promise<PublicStory[]> => (await liveOnCampaign(db).all({ now, campaignId })).map(toPublic);

const liveOnCampaign = preparedPerDatabase((db) =>
  livePublicStories(
    db,
    nowPlaceholder(),
    consentScope.campaign(sql.placeholder('campaignId')),
  ).prepare(),
);

/** For the events area: stories whose author consented to be quoted in event descriptions. */
export const listStoriesForEventQuotes = async (
  db: Database,
  now = new Date(),
): Promise<PublicStory[]> =>
  (await livePublicStories(db, now, consentScope.eventQuotes()).all()).map(toPublic);

// ---------------------------------------------------------------------------------------------
// Moderation.

export interface QueuedStory {
  id: string;
  title: string;
  submittedAt: Date;
  latestNumber: number;
  approvedNumber: number | null;
  publishedNumber: number | null;
}

const queueColumns = {
  id: stories.id,
  submittedAt: stories.submittedAt,
  latestNumber: sql<number>`(select max(number) from story_versions where story_id = stories.id)`,
  title: sql<string>`(select title from story_versions where story_id = stories.id order by number desc limit 1)`,
  approvedNumber: sql<
    number | null
  >`(select v.number from story_approvals a join story_versions v on v.id = a.version_id
        where a.story_id = stories.id order by a.approved_at desc, a.rowid desc limit 1)`,
  publishedNumber: sql<
    number | null
  >`(select v.number from story_approvals a join story_versions v on v.id = a.version_id
        where a.id = stories.published_approval_id)`,
};
const inQueue = () =>
  and(isNotNull(stories.submittedAt), isNull(stories.withdrawnAt), isNotNull(stories.authorId));
const toQueued = (
  row: Omit<QueuedStory, 'title' | 'latestNumber' | 'submittedAt'> & {
    title: string | null;
    latestNumber: number | null;
    submittedAt: Date | null;
  },
): QueuedStory => ({
  ...row,
  title: row.title ?? '',
  latestNumber: row.latestNumber ?? 0,
  submittedAt: row.submittedAt!,
});

/**
 * Stories submitted to moderators and not withdrawn, oldest first, in keyset pages
 * (db/core/keyset.ts). Drafts stay private.
 */
export const listStoryQueuePage = (db: Database, ask: PageAsk): Promise<KeysetPage<QueuedStory>> =>
  keysetPage({
    ...timeThenId(stories.submittedAt, stories.id, (row: QueuedStory) => row.submittedAt),
    ask,
    size: QUEUE_PER_PAGE,
    fetch: async (where, orderBy, limit) =>
      (
        await db
          .select(queueColumns)
          .from(stories)
          .where(and(inQueue(), where))
          .orderBy(...orderBy)
          .limit(limit)
          .all()
      ).map(toQueued),
  });

// ---------------------------------------------------------------------------------------------
// Consent over time, and account deletion.

/**
 * Unpublishes every story whose published consent has ended. The audit lines are written from
 * the same set in the same batch, so a second run (or an overlapping one) finds nothing to do.
 */
export const unpublishExpiredStories = async (
  db: Database,
  now = new Date(),
): Promise<string[]> => {
  const expired = sql`(select ${storyApprovals.id} from ${storyApprovals} where not ${consentInForceCondition(now)})`;
  const [, updated] = await db.batch([
    db.insert(storyEvents)
      .select(sql`select lower(hex(randomblob(15))), s.id, 'system', 'expired', v.number, ${seconds(now)}
      from stories s join story_approvals a on a.id = s.published_approval_id join story_versions v on v.id = a.version_id
      where s.published_approval_id in ${expired}`),
    db
      .update(stories)
      .set({ publishedApprovalId: null })
      .where(sql`${stories.publishedApprovalId} in ${expired}`)
      .returning({ id: stories.id }),
  ]);
  return updated.map((row) => row.id);
};

export interface ConsentReminder {
  storyId: string;
  authorId: string;
  /** Where the reminder goes: the author's account address, in their language. */
  email: string;
  locale: 'en' | 'fr';
  expiresAt: Date;
  siteOrigin: string;
}

/**
 * Consent reminders one scheduled run claims, the soonest ending first; the rest wait for the
 * next run (every 5 minutes), days before their consents end. 50 cost about 11 D1 queries (the
 * claim, the authors' read, the audit lines 16 a statement, the emails 10 a statement), a small
 * share of the 1,000 one Workers invocation may make (worker/jobs.ts).
 */
export const CONSENT_REMINDERS_PER_RUN = 50;

/**
 * Claims the published approvals whose consent ends within 14 days and whose author was not yet
 * reminded, at most `limit`. The claim is one conditional update, so each reminder is handed out
 * once, by this run or an overlapping one.
 */
export const claimConsentReminders = async (
  db: Database,
  now = new Date(),
  limit = CONSENT_REMINDERS_PER_RUN,
): Promise<ConsentReminder[]> => {
  const due = and(
    isNull(storyApprovals.reminderSentAt),
    consentInForceCondition(now),
    sql`${storyApprovals.expiresAt} <= ${seconds(new Date(now.getTime() + REMINDER_BEFORE_MS))}`,
    sql`${storyApprovals.id} in (select published_approval_id from stories where withdrawn_at is null and author_id is not null)`,
  );
  const soonest = db
    .select({ id: storyApprovals.id })
    .from(storyApprovals)
    .where(due)
    .orderBy(asc(storyApprovals.expiresAt), asc(storyApprovals.id))
    .limit(limit);
  const claimed = await db
    .update(storyApprovals)
    .set({ reminderSentAt: now })
    .where(and(due, inArray(storyApprovals.id, soonest)))
    .returning({
      storyId: storyApprovals.storyId,
      expiresAt: storyApprovals.expiresAt,
      siteOrigin: storyApprovals.siteOrigin,
    });
  if (claimed.length === 0) return [];
  // The stories' authors, with the address and language the email needs, read and logged in
  // slices, as D1 binds 100 parameters a statement at most, the audit lines all in one batch.
  const authors = (
    await Promise.all(
      slicesForD1(claimed).map((slice) =>
        db
          .select({
            id: stories.id,
            authorId: stories.authorId,
            email: users.email,
            locale: users.locale,
          })
          .from(stories)
          .innerJoin(users, eq(users.id, stories.authorId))
          .where(
            inArray(
              stories.id,
              slice.map((c) => c.storyId),
            ),
          )
          .all(),
      ),
    )
  ).flat();
  const [first, ...rest] = slicesForD1(claimed, { each: columnsOf(storyEvents) }).map((slice) =>
    db.insert(storyEvents).values(
      slice.map((c) => ({
        id: newId(),
        storyId: c.storyId,
        actor: 'system' as const,
        action: 'reminded' as const,
        versionNumber: null,
        createdAt: now,
      })),
    ),
  );
  await db.batch([first!, ...rest]);
  const byStory = new Map(authors.map((a) => [a.id, a]));
  return claimed.flatMap((c) => {
    const author = byStory.get(c.storyId);
    return author?.authorId
      ? [{ ...c, authorId: author.authorId, email: author.email, locale: author.locale }]
      : [];
  });
};

/**
 * Account deletion: every story of the person is withdrawn and every version, approval and
 * audit line deleted. A story that was once published keeps an empty row (no author, no text)
 * so its address still answers 410 Gone; the others disappear entirely.
 */
export const deleteStoriesOfAuthor = async (
  db: Database,
  authorId: string,
  now = new Date(),
): Promise<void> => {
  const theirs = sql`(select id from stories where author_id = ${authorId})`;
  await db.batch([
    db.delete(storyEvents).where(sql`${storyEvents.storyId} in ${theirs}`),
    db.delete(storyApprovals).where(sql`${storyApprovals.storyId} in ${theirs}`),
    db.delete(storyVersions).where(sql`${storyVersions.storyId} in ${theirs}`),
    db.delete(stories).where(and(eq(stories.authorId, authorId), isNull(stories.publishedAt))),
    db
      .update(stories)
      .set({
        authorId: null,
        publishedApprovalId: null,
        submittedAt: null,
        withdrawnAt: sql`coalesce(${stories.withdrawnAt}, ${seconds(now)})`,
      })
      .where(eq(stories.authorId, authorId)),
  ]);
};

// Deleting an account withdraws and deletes its stories first (db/accounts/users.ts runs the steps).

/** Everything kept about an author's stories, for "download my data": every version, approval and step. */
export const exportStoriesOfAuthor = async (db: Database, authorId: string) => {
  const ids = await db
    .select({ id: stories.id })
    .from(stories)
    .where(eq(stories.authorId, authorId))
    .orderBy(asc(stories.createdAt))
    .all();
  const records = await Promise.all(ids.map(({ id }) => loadStoryRows(db, id)));
  return records
    .filter((record) => record !== null)
    .map(({ story, versions, approvals, events }) => ({
      createdAt: story.createdAt,
      submittedAt: story.submittedAt,
      publishedAt: story.publishedAt,
      withdrawnAt: story.withdrawnAt,
      versions: versions.map(({ id: _id, storyId: _story, ...version }) => version),
      approvals: approvals.map(({ id: _id, storyId: _story, ...approval }) => approval),
      history: events.map(({ id: _id, storyId: _story, ...event }) => event),
    }));
};
