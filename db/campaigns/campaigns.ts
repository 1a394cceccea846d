import { and, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { ContentLanguage } from '../core/content-languages';
import type { Database } from '../core/database';
import { preparedPerDatabase } from '../core/prepared';
import { newId } from '../core/random';
import { campaigns, campaignSignatures, campaignUpdates, userRoles, users } from '../schema';
import { createOnce } from '../core/form-submissions';
import {
  CLOSABLE_STATUSES,
  DELIVERABLE_STATUSES,
  isOpenForSigning,
  openForSigningCondition,
  publicCampaignCondition,
  shownStatus,
  utcDay,
} from './rules';

export type Campaign = typeof campaigns.$inferSelect;
export type CampaignKind = Campaign['kind'];
export type CampaignStatus = Campaign['status'];
export const CAMPAIGN_KINDS = [
  'petition',
  'letter',
  'call',
] as const satisfies readonly CampaignKind[];

/** What an organizer writes. Everything else (state, counts, dates) is the system's. */
export interface CampaignInput {
  kind: CampaignKind;
  title: string;
  ask: string;
  body: string;
  targetName: string;
  targetRole: string;
  letterText: string;
  targetPhone: string;
  nextSteps: string;
  goal: number;
  endsOn: string | null;
  /** The language the organizer wrote in. */
  contentLanguage: ContentLanguage;
}

/**
 * The goal shown: the organizer's goal until it is reached, then the next round number above
 * the count (1, 2, 5 × a power of ten), so the page always shows a goal still ahead.
 */
export const currentGoal = (goal: number, count: number): number => {
  if (count < goal) return goal;
  for (let power = 1; ; power *= 10) {
    for (const step of [1, 2, 5])
      if (step * power > count && step * power > goal) return step * power;
  }
};

/** Creates a draft; with the form's key, a second press of "Save" returns the first draft. */
export const createCampaign = async (
  db: Database,
  ownerId: string,
  input: CampaignInput,
  now = new Date(),
  formKey: string | null = null,
): Promise<string> => {
  const id = newId();
  return (
    await createOnce(
      db,
      { userId: ownerId, kind: 'campaign', key: formKey },
      id,
      [db.insert(campaigns).values({ ...input, id, ownerId, status: 'draft', createdAt: now })],
      now,
    )
  ).id;
};

/** Saves an organizer's edit; only a draft can change its text. False when it is no longer a draft. */
export const updateCampaignDraft = async (
  db: Database,
  id: string,
  ownerId: string,
  input: CampaignInput,
): Promise<boolean> => {
  const rows = await db
    .update(campaigns)
    .set(input)
    .where(and(eq(campaigns.id, id), eq(campaigns.ownerId, ownerId), eq(campaigns.status, 'draft')))
    .returning({ id: campaigns.id });
  return rows.length === 1;
};

/** "What happens next" stays editable in every state: it is how the organizer keeps allies informed. */
export const updateNextSteps = async (
  db: Database,
  id: string,
  ownerId: string,
  nextSteps: string,
): Promise<boolean> => {
  const rows = await db
    .update(campaigns)
    .set({ nextSteps })
    .where(and(eq(campaigns.id, id), eq(campaigns.ownerId, ownerId)))
    .returning({ id: campaigns.id });
  return rows.length === 1;
};

const campaignById = preparedPerDatabase((db) =>
  db
    .select()
    .from(campaigns)
    .where(eq(campaigns.id, sql.placeholder('id')))
    .prepare(),
);

export const getCampaign = async (db: Database, id: string): Promise<Campaign | null> =>
  (await campaignById(db).get({ id })) ?? null;

/** What signing needs of a campaign: a few short columns, not its texts (a wide row costs). */
export type SigningCampaign = Pick<
  Campaign,
  'id' | 'kind' | 'status' | 'endsOn' | 'title' | 'letterText'
>;

export const getCampaignForSigning = async (
  db: Database,
  id: string,
): Promise<SigningCampaign | null> => (await selectSigningCampaign(db).get({ id })) ?? null;

const selectSigningCampaign = preparedPerDatabase((db) =>
  db
    .select({
      id: campaigns.id,
      kind: campaigns.kind,
      status: campaigns.status,
      endsOn: campaigns.endsOn,
      title: campaigns.title,
      letterText: campaigns.letterText,
    })
    .from(campaigns)
    .where(eq(campaigns.id, sql.placeholder('id')))
    .prepare(),
);

/** Confirmed signatures: the only ones that count. */
export const confirmedCount = async (db: Database, campaignId: string): Promise<number> =>
  (await countConfirmed(db).get({ campaignId }))?.n ?? 0;

const countConfirmed = preparedPerDatabase((db) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(campaignSignatures)
    .where(
      and(
        eq(campaignSignatures.campaignId, sql.placeholder('campaignId')),
        isNotNull(campaignSignatures.confirmedAt),
      ),
    )
    .prepare(),
);

/** A campaign in a list, with its confirmed signatures and whether it is open for signing now (rules.ts). */
export type CampaignSummary = Campaign & {
  signatures: number;
  /** The goal shown now: the first goal, raised once passed (`currentGoal`), as on the campaign's page. */
  goalNow: number;
  open: boolean;
  /** What the public is told the state is (see `shownStatus`). */
  shownStatus: CampaignStatus;
};

/** Confirmed signatures of each campaign, counted in the same query (no list of ids: D1 caps bound values). */
// Written out in full: drizzle would print the columns unqualified here, and "id" would then
// name the signature's own id inside the subquery.
const signatureCount = sql<number>`(select count(*) from "campaign_signatures" as "s" where "s"."campaign_id" = "campaigns"."id" and "s"."confirmed_at" is not null)`;
const withCount = { campaign: campaigns, signatures: signatureCount };
export const flatten = (
  rows: { campaign: Campaign; signatures: number }[],
  now: Date,
): CampaignSummary[] =>
  rows.map((row) => ({
    ...row.campaign,
    signatures: row.signatures,
    goalNow: currentGoal(row.campaign.goal, row.signatures),
    open: isOpenForSigning(row.campaign, now),
    shownStatus: shownStatus(row.campaign, now),
  }));

/** Public campaigns: open ones first, newest first. */
export const listPublicCampaigns = async (
  db: Database,
  now = new Date(),
): Promise<CampaignSummary[]> =>
  flatten(
    await db
      .select(withCount)
      .from(campaigns)
      .where(publicCampaignCondition())
      .orderBy(
        sql`case when ${openForSigningCondition(utcDay(now))} then 0 else 1 end`,
        desc(campaigns.publishedAt),
      )
      .all(),
    now,
  );

export const listOwnCampaigns = async (
  db: Database,
  ownerId: string,
  now = new Date(),
): Promise<CampaignSummary[]> =>
  flatten(
    await db
      .select(withCount)
      .from(campaigns)
      .where(eq(campaigns.ownerId, ownerId))
      .orderBy(desc(campaigns.createdAt))
      .all(),
    now,
  );

/**
 * One state change, applied only from the expected state (two clicks, two tabs: one wins). With
 * `ownerId`, only while the campaign is still that owner's; null is "no owner" (a moderator
 * finishing the campaign of a deleted account), so an owner's campaign is never changed that way.
 */
const transition = async (
  db: Database,
  id: string,
  from: CampaignStatus[],
  set: Partial<typeof campaigns.$inferInsert>,
  ownerId?: string | null,
): Promise<Campaign | null> => {
  const owner =
    ownerId === undefined
      ? undefined
      : ownerId === null
        ? isNull(campaigns.ownerId)
        : eq(campaigns.ownerId, ownerId);
  const [row] = await db
    .update(campaigns)
    .set(set)
    .where(and(eq(campaigns.id, id), inArray(campaigns.status, from), owner))
    .returning();
  return row ?? null;
};

export const submitCampaign = (db: Database, id: string, ownerId: string) =>
  transition(db, id, ['draft'], { status: 'submitted' }, ownerId);
export const approveCampaign = (db: Database, id: string, now = new Date()) =>
  transition(db, id, ['submitted'], { status: 'published', publishedAt: now });
/** A moderator sends a campaign back to its organizer to change. */
export const returnCampaign = (db: Database, id: string) =>
  transition(db, id, ['submitted'], { status: 'draft' });
export const closeCampaign = (db: Database, id: string, ownerId: string | null, now = new Date()) =>
  transition(db, id, [...CLOSABLE_STATUSES], { status: 'closed', endedAt: now }, ownerId);
export const deliverCampaign = (
  db: Database,
  id: string,
  ownerId: string | null,
  note: string,
  deliveredOn: string,
  now = new Date(),
) =>
  transition(
    db,
    id,
    [...DELIVERABLE_STATUSES],
    { status: 'delivered', deliveryNote: note, deliveredOn, endedAt: now },
    ownerId,
  );

/** Counts one call. Nothing about the caller is kept. Returns the new count, or null if not open. */
export const countCall = async (
  db: Database,
  id: string,
  now = new Date(),
): Promise<number | null> => {
  const [row] = await db
    .update(campaigns)
    .set({ callCount: sql`${campaigns.callCount} + 1` })
    .where(
      and(eq(campaigns.id, id), eq(campaigns.kind, 'call'), openForSigningCondition(utcDay(now))),
    )
    .returning({ callCount: campaigns.callCount });
  return row?.callCount ?? null;
};

/**
 * On account deletion, as for the organizer's events: their unpublished campaigns go; published
 * ones stay for the people who signed them, with no owner, and an open one is closed at once, as
 * its organizer would close it: no one is left to, and closing starts the clock on erasing the
 * signers' emails (signatures.ts). A moderator may still deliver it (canEndCampaign). One batch,
 * so a campaign is never left open without an owner.
 */
export const removeOrganizerCampaigns = async (
  db: Database,
  ownerId: string,
  now = new Date(),
): Promise<void> => {
  await db.batch([
    db
      .delete(campaigns)
      .where(
        and(eq(campaigns.ownerId, ownerId), inArray(campaigns.status, ['draft', 'submitted'])),
      ),
    db
      .update(campaigns)
      .set({ status: 'closed', endedAt: now })
      .where(
        and(eq(campaigns.ownerId, ownerId), inArray(campaigns.status, [...CLOSABLE_STATUSES])),
      ),
    // Said outright rather than left to the foreign key: not every SQLite connection enforces them.
    db.update(campaigns).set({ ownerId: null }).where(eq(campaigns.ownerId, ownerId)),
  ]);
};

/** Where to tell a campaign's organizer about a decision: their email and language. */
export const campaignOwnerContact = async (db: Database, campaign: Pick<Campaign, 'ownerId'>) =>
  campaign.ownerId
    ? ((await db
        .select({ email: users.email, locale: users.locale })
        .from(users)
        .where(eq(users.id, campaign.ownerId))
        .get()) ?? null)
    : null;

/** Moderators to tell of a campaign waiting for review, each with their language. */
export const moderatorContacts = async (db: Database) =>
  db
    .selectDistinct({ email: users.email, locale: users.locale })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(eq(userRoles.role, 'moderator'))
    .all();

/**
 * "Download my data" for an organizer: the campaigns they wrote, with their updates and the
 * number of confirmed signatures. Signers' names and emails are the signers' data, not the
 * organizer's, and are left out (the organizer exports them for delivery separately).
 */
export const exportCampaignsOfOwner = async (db: Database, ownerId: string) => {
  const own = await listOwnCampaigns(db, ownerId);
  return Promise.all(
    own.map(async ({ ownerId: _owner, signatures, ...campaign }) => ({
      ...campaign,
      confirmedSignatures: signatures,
      updates: await db
        .select({ body: campaignUpdates.body, createdAt: campaignUpdates.createdAt })
        .from(campaignUpdates)
        .where(eq(campaignUpdates.campaignId, campaign.id))
        .orderBy(campaignUpdates.createdAt)
        .all(),
    })),
  );
};
