import { and, asc, desc, eq, gt, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../core/database';
import { preparedPerDatabase } from '../core/prepared';
import { mailInserts, type MailMessage } from '../mail/outbox';
import { newId } from '../core/random';
import { campaignSignatures, campaignUpdates } from '../schema';

export type CampaignUpdate = typeof campaignUpdates.$inferSelect;

/** How long one job run may hold an update's mailing before another run may take it over. */
const MAILING_LEASE_MS = 10 * 60_000;

export const postCampaignUpdate = async (
  db: Database,
  campaignId: string,
  body: string,
  siteOrigin: string,
  now = new Date(),
): Promise<string> => {
  const id = newId();
  await db.insert(campaignUpdates).values({ id, campaignId, body, siteOrigin, createdAt: now });
  return id;
};

export const listCampaignUpdates = async (
  db: Database,
  campaignId: string,
): Promise<CampaignUpdate[]> => selectUpdates(db).all({ campaignId });

const selectUpdates = preparedPerDatabase((db) =>
  db
    .select()
    .from(campaignUpdates)
    .where(eq(campaignUpdates.campaignId, sql.placeholder('campaignId')))
    .orderBy(desc(campaignUpdates.createdAt), sql`rowid desc`)
    .prepare(),
);

/**
 * Claims one update still being mailed, with a lease: the conditional UPDATE … RETURNING means
 * two overlapping job runs never hold the same update.
 */
export const claimUpdateMailing = async (
  db: Database,
  now = new Date(),
): Promise<CampaignUpdate | null> => {
  const seconds = Math.floor(now.getTime() / 1000);
  const free = or(
    isNull(campaignUpdates.mailingClaimedUntil),
    lte(campaignUpdates.mailingClaimedUntil, now),
  );
  const candidate = await db
    .select({ id: campaignUpdates.id })
    .from(campaignUpdates)
    .where(and(isNull(campaignUpdates.mailingDoneAt), free))
    .orderBy(asc(campaignUpdates.createdAt))
    .limit(1)
    .get();
  if (!candidate) return null;
  const [claimed] = await db
    .update(campaignUpdates)
    .set({ mailingClaimedUntil: new Date(seconds * 1000 + MAILING_LEASE_MS) })
    .where(and(eq(campaignUpdates.id, candidate.id), isNull(campaignUpdates.mailingDoneAt), free))
    .returning();
  return claimed ?? null;
};

/** The next confirmed signers who asked for news, after the update's cursor. */
export const nextUpdateRecipients = async (db: Database, update: CampaignUpdate, limit: number) =>
  db
    .select({
      id: campaignSignatures.id,
      email: campaignSignatures.email,
      locale: campaignSignatures.locale,
      manageTokenHash: campaignSignatures.manageTokenHash,
    })
    .from(campaignSignatures)
    .where(
      and(
        eq(campaignSignatures.campaignId, update.campaignId),
        isNotNull(campaignSignatures.confirmedAt),
        eq(campaignSignatures.wantsUpdates, true),
        isNotNull(campaignSignatures.email),
        gt(campaignSignatures.id, update.mailedThrough),
      ),
    )
    .orderBy(asc(campaignSignatures.id))
    .limit(limit)
    .all();

/**
 * Queues one batch of messages and moves the cursor past it, in one atomic batch: a crash
 * between the two can neither lose a batch nor send it twice. `done` ends the mailing.
 */
export const queueUpdateBatch = async (
  db: Database,
  update: CampaignUpdate,
  messages: MailMessage[],
  throughId: number,
  done: boolean,
  now = new Date(),
): Promise<void> => {
  const cursor = db
    .update(campaignUpdates)
    .set({
      mailedThrough: throughId,
      ...(done ? { mailingDoneAt: now, mailingClaimedUntil: null } : {}),
    })
    .where(eq(campaignUpdates.id, update.id));
  if (messages.length === 0) {
    await cursor;
    return;
  }
  // Multi-row inserts within D1's 100 bound parameters (10 messages a statement), due at once,
  // in one batch with the cursor: a batch of 100 messages is 11 statements, not 101.
  const [first, ...rest] = mailInserts(db, messages, now).inserts;
  await db.batch([first!, ...rest, cursor]);
};

/** Lets the next run go on with an update this run had no time left for. */
export const releaseUpdateMailing = async (db: Database, id: string): Promise<void> => {
  await db
    .update(campaignUpdates)
    .set({ mailingClaimedUntil: null })
    .where(and(eq(campaignUpdates.id, id), isNull(campaignUpdates.mailingDoneAt)));
};
