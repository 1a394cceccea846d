import { and, desc, eq, isNotNull, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Database } from '../core/database';
import { preparedPerDatabase } from '../core/prepared';
import { hashToken, newToken } from '../core/random';
import { campaigns, campaignSignatures } from '../schema';
import { openForSigningCondition, utcDay } from './rules';

export type SignatureDisplay = 'full' | 'initials' | 'hidden';
export const SIGNATURE_DISPLAYS = [
  'full',
  'initials',
  'hidden',
] as const satisfies readonly SignatureDisplay[];

/** How long an unconfirmed signature waits for its confirmation before it is deleted. */
export const CONFIRMATION_LIFETIME_MS = 7 * 24 * 3600_000;

/** Default days after a campaign ends before signers' emails are erased (CAMPAIGN_RETENTION_DAYS). */
export const DEFAULT_RETENTION_DAYS = 90;

export interface SignatureInput {
  email: string;
  firstName: string;
  lastName: string;
  city: string;
  message: string;
  display: SignatureDisplay;
  wantsUpdates: boolean;
  shareEmail: boolean;
  locale: 'en' | 'fr';
}

/**
 * The mailbox an address reaches: trimmed, lower-case, without a `+tag` in its local part,
 * so `Ana+x@Example.org` and `ana@example.org` are one signer.
 */
export const mailboxKey = (email: string): string => {
  const normalized = email.trim().toLowerCase();
  const at = normalized.lastIndexOf('@');
  if (at < 0) return normalized;
  const local = normalized.slice(0, at);
  const plus = local.indexOf('+');
  return (plus > 0 ? local.slice(0, plus) : local) + normalized.slice(at);
};

export type SignOutcome =
  /** A new signature waits for confirmation: email these links to the address given. */
  | { kind: 'new'; confirmToken: string; manageToken: string }
  /**
   * This mailbox already signed. The caller tells the address already on file (the owner),
   * never the person at the form: fresh links, since only hashes of the old ones are kept.
   */
  | {
      kind: 'duplicate';
      ownerEmail: string;
      ownerLocale: 'en' | 'fr';
      confirmed: boolean;
      confirmToken: string | null;
      manageToken: string;
    };

const value = sql.placeholder;
const insertSignature = preparedPerDatabase((db) =>
  db
    .insert(campaignSignatures)
    .values({
      campaignId: value('campaignId'),
      email: value('email'),
      emailKey: value('emailKey'),
      firstName: value('firstName'),
      lastName: value('lastName'),
      city: value('city'),
      message: value('message'),
      display: value('display'),
      wantsUpdates: value('wantsUpdates'),
      shareEmail: value('shareEmail'),
      locale: value('locale'),
      confirmTokenHash: value('confirmTokenHash'),
      manageTokenHash: value('manageTokenHash'),
      createdAt: value('createdAt'),
      expiresAt: value('expiresAt'),
    })
    .onConflictDoNothing({ target: [campaignSignatures.campaignId, campaignSignatures.emailKey] })
    .returning({ id: campaignSignatures.id })
    .prepare(),
);

/**
 * Adds a signature, or finds the one this mailbox already made. The unique index on
 * (campaign, mailbox) decides races: of many parallel attempts, exactly one inserts.
 */
export const signCampaign = async (
  db: Database,
  campaignId: string,
  input: SignatureInput,
  now = new Date(),
): Promise<SignOutcome> => {
  const emailKey = mailboxKey(input.email);
  const confirmToken = newToken();
  const manageToken = newToken();
  const inserted = await insertSignature(db).all({
    campaignId,
    email: input.email.trim().toLowerCase(),
    emailKey,
    firstName: input.firstName,
    lastName: input.lastName,
    city: input.city,
    message: input.message,
    display: input.display,
    wantsUpdates: input.wantsUpdates,
    shareEmail: input.shareEmail,
    locale: input.locale,
    confirmTokenHash: hashToken(confirmToken),
    manageTokenHash: hashToken(manageToken),
    createdAt: now,
    expiresAt: new Date(now.getTime() + CONFIRMATION_LIFETIME_MS),
  });
  if (inserted.length === 1) return { kind: 'new', confirmToken, manageToken };

  // Fresh links for the owner; an unconfirmed signature also gets another 7 days.
  const [existing] = await renewLinks(db).all({
    campaignId,
    emailKey,
    manageTokenHash: hashToken(manageToken),
    confirmTokenHash: hashToken(confirmToken),
    expiresAt: Math.floor((now.getTime() + CONFIRMATION_LIFETIME_MS) / 1000),
  });
  if (!existing?.email) throw new Error('signature vanished between insert and update');
  const confirmed = existing.confirmedAt !== null;
  return {
    kind: 'duplicate',
    ownerEmail: existing.email,
    ownerLocale: existing.locale,
    confirmed,
    confirmToken: confirmed ? null : confirmToken,
    manageToken,
  };
};

/** New links for a mailbox that signed already (a fifth of signs under load: prepared once too). */
const renewLinks = preparedPerDatabase((db) =>
  db
    .update(campaignSignatures)
    .set({
      manageTokenHash: sql`${value('manageTokenHash')}`,
      confirmTokenHash: sql`case when ${campaignSignatures.confirmedAt} is null then ${value('confirmTokenHash')} else null end`,
      // The time as the seconds the column stores, passed as it is.
      expiresAt: sql`case when ${campaignSignatures.confirmedAt} is null then ${value('expiresAt')} else null end`,
    })
    .where(
      and(
        eq(campaignSignatures.campaignId, value('campaignId')),
        eq(campaignSignatures.emailKey, value('emailKey')),
      ),
    )
    .returning({
      email: campaignSignatures.email,
      locale: campaignSignatures.locale,
      confirmedAt: campaignSignatures.confirmedAt,
    })
    .prepare(),
);

/** The campaign a link belongs to, to name it on the page before the person presses the button. */
export const signatureForToken = async (db: Database, kind: 'confirm' | 'manage', token: string) =>
  (await db
    .select({
      campaignId: campaignSignatures.campaignId,
      confirmedAt: campaignSignatures.confirmedAt,
      wantsUpdates: campaignSignatures.wantsUpdates,
    })
    .from(campaignSignatures)
    .where(
      eq(
        kind === 'confirm'
          ? campaignSignatures.confirmTokenHash
          : campaignSignatures.manageTokenHash,
        hashToken(token),
      ),
    )
    .get()) ?? null;

/**
 * Confirms a signature through its one-use link: the token hash is cleared in the same
 * statement, so a second use (or a race of two) finds nothing. Only while the campaign is open
 * for signing (`isOpenForSigning`, in its SQL form).
 */
export const confirmSignature = async (
  db: Database,
  token: string,
  now = new Date(),
): Promise<string | null> => {
  const [row] = await confirmByToken(db).all({
    hash: hashToken(token),
    now: Math.floor(now.getTime() / 1000),
    today: utcDay(now),
  });
  return row?.campaignId ?? null;
};

const confirmByToken = preparedPerDatabase((db) =>
  db
    .update(campaignSignatures)
    // The time as the seconds the column stores, passed as it is.
    .set({ confirmedAt: sql`${sql.placeholder('now')}`, confirmTokenHash: null, expiresAt: null })
    .where(
      and(
        eq(campaignSignatures.confirmTokenHash, sql.placeholder('hash')),
        isNull(campaignSignatures.confirmedAt),
        sql`${campaignSignatures.expiresAt} > ${sql.placeholder('now')}`,
        sql`${campaignSignatures.campaignId} in (select ${campaigns.id} from ${campaigns} where ${openForSigningCondition(sql.placeholder('today'))})`,
      ),
    )
    .returning({ campaignId: campaignSignatures.campaignId })
    .prepare(),
);

/** Withdraws a signature: the row is deleted, so it no longer counts and nothing stays. */
export const withdrawSignature = async (
  db: Database,
  manageToken: string,
): Promise<string | null> => {
  const [row] = await db
    .delete(campaignSignatures)
    .where(eq(campaignSignatures.manageTokenHash, hashToken(manageToken)))
    .returning({ campaignId: campaignSignatures.campaignId });
  return row?.campaignId ?? null;
};

/** Stops update emails (by the signature id a "stop the news" link names). The signature still counts. */
export const unsubscribeSignature = async (
  db: Database,
  signatureId: number,
): Promise<string | null> => {
  const [row] = await db
    .update(campaignSignatures)
    .set({ wantsUpdates: false })
    .where(eq(campaignSignatures.id, signatureId))
    .returning({ campaignId: campaignSignatures.campaignId });
  return row?.campaignId ?? null;
};

/** The campaign of a signature, for the "stop the news" page. */
export const campaignOfSignature = async (
  db: Database,
  signatureId: number,
): Promise<string | null> =>
  (
    await db
      .select({ campaignId: campaignSignatures.campaignId })
      .from(campaignSignatures)
      .where(eq(campaignSignatures.id, signatureId))
      .get()
  )?.campaignId ?? null;

/** Deletes signatures never confirmed within 7 days. Safe to run twice. */
export const expireUnconfirmedSignatures = async (
  db: Database,
  now = new Date(),
): Promise<number> =>
  (
    await db
      .delete(campaignSignatures)
      .where(and(isNull(campaignSignatures.confirmedAt), lte(campaignSignatures.expiresAt, now)))
      .returning({ id: campaignSignatures.id })
  ).length;

/**
 * Erases signers' emails `days` after their campaign was closed or delivered, except for those
 * who want updates (until they unsubscribe). Names as shown and counts remain.
 */
export const eraseEndedCampaignEmails = async (
  db: Database,
  now = new Date(),
  days = DEFAULT_RETENTION_DAYS,
): Promise<number> => {
  const cutoff = Math.floor(now.getTime() / 1000) - days * 86400;
  return (
    await db
      .update(campaignSignatures)
      .set({ email: null, emailKey: null, confirmTokenHash: null })
      .where(
        and(
          isNotNull(campaignSignatures.email),
          eq(campaignSignatures.wantsUpdates, false),
          sql`${campaignSignatures.campaignId} in (select ${campaigns.id} from ${campaigns} where ${campaigns.endedAt} <= ${cutoff})`,
        ),
      )
      .returning({ id: campaignSignatures.id })
  ).length;
};

/** A signer as the public sees them: what they chose, never an email. */
export interface PublicSigner {
  name: string;
  city: string;
  confirmedAt: Date;
}

/** The name a signer chose to show: first name (with city), initials, or nothing at all. */
export const shownName = (row: {
  firstName: string;
  lastName: string;
  display: SignatureDisplay;
}): string => {
  if (row.display === 'hidden') return '';
  if (row.display === 'full') return row.firstName;
  return [row.firstName, row.lastName]
    .map((part) => Array.from(part.trim())[0])
    .filter(Boolean)
    .map((letter) => `${letter!.toUpperCase()}.`)
    .join(' ');
};

const selectPublicSigners = preparedPerDatabase((db) =>
  db
    .select({
      firstName: campaignSignatures.firstName,
      lastName: campaignSignatures.lastName,
      city: campaignSignatures.city,
      display: campaignSignatures.display,
      confirmedAt: campaignSignatures.confirmedAt,
    })
    .from(campaignSignatures)
    .where(
      and(
        eq(campaignSignatures.campaignId, sql.placeholder('campaignId')),
        isNotNull(campaignSignatures.confirmedAt),
        ne(campaignSignatures.display, 'hidden'),
      ),
    )
    .orderBy(desc(campaignSignatures.confirmedAt), desc(campaignSignatures.id))
    .limit(sql.placeholder('limit'))
    .prepare(),
);

/** The latest confirmed signers who chose to be shown. */
export const latestPublicSigners = async (
  db: Database,
  campaignId: string,
  limit = 10,
): Promise<PublicSigner[]> => {
  const rows = await selectPublicSigners(db).all({ campaignId, limit });
  return rows.map((row) => ({
    name: shownName(row),
    city: row.display === 'full' ? row.city : '',
    confirmedAt: row.confirmedAt!,
  }));
};
