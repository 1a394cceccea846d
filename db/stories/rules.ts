import { and, eq, isNotNull, isNull, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { stories, storyApprovals } from '../schema';

/**
 * The consent rules of stories that are checked both on loaded rows in TypeScript and inside
 * statements in SQL. Each keeps its two forms side by side here, so a page never offers what
 * the statement then refuses, and the public never sees what a page says is not live.
 */

type StoryRow = typeof stories.$inferSelect;
type StoryApproval = typeof storyApprovals.$inferSelect;

/** Dates as the columns store them: whole seconds. */
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** Consent is in force until its end date (exclusive). */
export const isConsentInForce = (
  approval: Pick<StoryApproval, 'expiresAt'>,
  now = new Date(),
): boolean => approval.expiresAt > now;

/** `isConsentInForce` as a condition on the `story_approvals` table. */
/** `now` may be a placeholder of a prepared query (`placeholderFor(storyApprovals.expiresAt, …)`). */
export const consentInForceCondition = (now: Date | SQLWrapper): SQL =>
  sql`${storyApprovals.expiresAt} > ${now instanceof Date ? seconds(now) : now}`;

/**
 * Live: what the public may see (within the consent's scope): a published approval still in
 * force, of a story not withdrawn whose author is still here.
 */
export const isStoryLive = (
  story: Pick<StoryRow, 'publishedApprovalId' | 'withdrawnAt' | 'authorId'>,
  published: Pick<StoryApproval, 'expiresAt'> | null,
  now = new Date(),
): boolean =>
  !!story.publishedApprovalId &&
  !story.withdrawnAt &&
  story.authorId !== null &&
  !!published &&
  isConsentInForce(published, now);

/** `isStoryLive` as a condition on `stories` joined to its published approval as `story_approvals`. */
export const storyLiveCondition = (now: Date | SQLWrapper): SQL =>
  and(
    isNotNull(stories.publishedApprovalId),
    isNull(stories.withdrawnAt),
    isNotNull(stories.authorId),
    consentInForceCondition(now),
  )!;

/**
 * Publishable: the approval a moderator may publish now. Only the author's latest approval,
 * not the one already published, with its consent in force, of a story not withdrawn. There
 * is no way to publish a version the author did not approve.
 */
export const publishableApproval = (
  record: {
    story: Pick<StoryRow, 'publishedApprovalId' | 'withdrawnAt'>;
    approvals: StoryApproval[];
  },
  now = new Date(),
): StoryApproval | null => {
  // Approvals are loaded oldest first (approved_at, then rowid): the last is the latest.
  const latest = record.approvals.at(-1);
  return latest &&
    !record.story.withdrawnAt &&
    latest.id !== record.story.publishedApprovalId &&
    isConsentInForce(latest, now)
    ? latest
    : null;
};

/** `publishableApproval` as a condition on `stories`: true when `approvalId` is that approval. */
export const publishableApprovalCondition = (storyId: string, approvalId: string, now: Date): SQL =>
  and(
    eq(stories.id, storyId),
    isNull(stories.withdrawnAt),
    sql`(${stories.publishedApprovalId} is null or ${stories.publishedApprovalId} <> ${approvalId})`,
    sql`${approvalId} = (select id from story_approvals where story_id = ${storyId} order by approved_at desc, rowid desc limit 1)`,
    sql`exists (select 1 from ${storyApprovals} where ${storyApprovals.id} = ${approvalId} and ${consentInForceCondition(now)})`,
  )!;

/**
 * A newer approval waiting behind a live one: the author approved another version, a moderator
 * has not published it yet, and the older stays public under its own consent until then (or
 * until the author takes it down). Null otherwise. The page says exactly this to the author.
 */
export const approvalWaitingBehindLive = (
  record: {
    story: Pick<StoryRow, 'publishedApprovalId' | 'withdrawnAt' | 'authorId'>;
    approvals: StoryApproval[];
  },
  now = new Date(),
): { live: StoryApproval; waiting: StoryApproval } | null => {
  const live = record.approvals.find((a) => a.id === record.story.publishedApprovalId) ?? null;
  const waiting = publishableApproval(record, now);
  return live && waiting && isStoryLive(record.story, live, now) ? { live, waiting } : null;
};

/** Where consent lets a live story be shown: its own page, one campaign's page, event quotes. */
export const consentScope = {
  ownPage: (): SQL => sql`${storyApprovals.consentOwnPage} = 1`,
  /** Campaign ids are kept as a comma-separated list, so an id is matched between commas. */
  campaign: (campaignId: string | SQLWrapper): SQL =>
    typeof campaignId === 'string'
      ? sql`instr(',' || ${storyApprovals.consentCampaignIds} || ',', ${`,${campaignId},`}) > 0`
      : sql`instr(',' || ${storyApprovals.consentCampaignIds} || ',', ',' || ${campaignId} || ',') > 0`,
  eventQuotes: (): SQL => sql`${storyApprovals.consentEventQuotes} = 1`,
};

/** The campaigns an approval lets the story be shown on: `consentScope.campaign`, read in TypeScript. */
export const consentCampaignIdsOf = (
  approval: Pick<StoryApproval, 'consentCampaignIds'>,
): string[] => approval.consentCampaignIds.split(',').filter(Boolean);
