import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../core/database';
import { columnsOf, slicesForD1 } from '../core/bound-parameters';
import { preparedPerDatabase } from '../core/prepared';
import { newId } from '../core/random';
import { mailOutbox } from '../schema';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** When the message stops being useful (a sign-in code's expiry): unsent by then, it is dropped. */
  discardAfter?: Date;
}

export type OutboxRow = typeof mailOutbox.$inferSelect;

/**
 * Delivery tries before a message is marked failed, the wait before each retry, and how long
 * one sender holds a message it is delivering (so the request and the job never both send it).
 */
export const MAIL_RETRY = { maxAttempts: 8, baseDelayMs: 60_000, claimMs: 2 * 60_000 } as const;

/** How long the local outbox and failed messages are kept before they are purged. */
export const MAIL_KEEP_MS = 7 * 24 * 60 * 60_000;

/**
 * Puts a message in the outbox. `sent` marks it delivered at once (the local outbox);
 * otherwise it is queued, already claimed by the caller, who delivers it next.
 */
export const enqueueMail = async (
  db: Database,
  message: MailMessage,
  now: Date,
  sent: boolean,
): Promise<string> => {
  const id = newId();
  await insertMail(db).run({
    id,
    toAddress: message.to,
    subject: message.subject,
    bodyText: message.text,
    createdAt: unixSeconds(now),
    sentAt: sent ? unixSeconds(now) : null,
    nextAttemptAt: sent ? null : unixSeconds(claimedUntil(now)),
    discardAfter: message.discardAfter ? unixSeconds(message.discardAfter) : null,
  });
  return id;
};

/** Until when a sender that claims a message now holds it: nobody else delivers it before. */
const claimedUntil = (now: Date) => new Date(now.getTime() + MAIL_RETRY.claimMs);

/**
 * Puts many messages in the outbox in one write (a batch of multi-row inserts, each within
 * D1's bound parameters), so a long list costs one query, not one a message. `sent` marks them
 * delivered (the local outbox); otherwise the first `claimed` are claimed by the caller, as
 * `enqueueMail` claims one, and the rest are due at once for `deliverDueMail`. Returns the
 * claimed rows, in the order given, for the caller to deliver.
 */
export const enqueueMails = async (
  db: Database,
  messages: readonly MailMessage[],
  now: Date,
  options: { sent?: boolean; claimed?: number },
): Promise<OutboxRow[]> => {
  const { rows, inserts } = mailInserts(db, messages, now, options);
  const [first, ...rest] = inserts;
  if (!first) return [];
  await db.batch([first, ...rest]);
  return options.sent ? [] : rows.slice(0, options.claimed ?? 0);
};

/**
 * The statements `enqueueMails` runs, for a caller that writes them in its own batch with
 * something else that must happen with them or not at all (a mailing's cursor). One insert per
 * `slicesForD1` slice: with the outbox's 10 columns, 10 messages a statement.
 */
export const mailInserts = (
  db: Database,
  messages: readonly MailMessage[],
  now: Date,
  { sent = false, claimed = 0 }: { sent?: boolean; claimed?: number } = {},
) => {
  const rows = messages.map((message, i): OutboxRow => ({
    id: newId(),
    toAddress: message.to,
    subject: message.subject,
    bodyText: message.text,
    createdAt: now,
    sentAt: sent ? now : null,
    attempts: 0,
    nextAttemptAt: sent ? null : i < claimed ? claimedUntil(now) : now,
    failedAt: null,
    discardAfter: message.discardAfter ?? null,
  }));
  const inserts = slicesForD1(rows, { each: columnsOf(mailOutbox) }).map((slice) =>
    db.insert(mailOutbox).values(slice),
  );
  return { rows, inserts };
};

const unixSeconds = (date: Date) => Math.floor(date.getTime() / 1000);
// Times go in as the seconds the columns store: a placeholder inside sql`` is passed as it is,
// where drizzle's own encoding of a column's placeholder would fail on null.
const seconds = (name: string) => sql`${sql.placeholder(name)}`;
const insertMail = preparedPerDatabase((db) =>
  db
    .insert(mailOutbox)
    .values({
      id: sql.placeholder('id'),
      toAddress: sql.placeholder('toAddress'),
      subject: sql.placeholder('subject'),
      bodyText: sql.placeholder('bodyText'),
      createdAt: seconds('createdAt'),
      sentAt: seconds('sentAt'),
      nextAttemptAt: seconds('nextAttemptAt'),
      discardAfter: seconds('discardAfter'),
    })
    .prepare(),
);

export const getMail = async (db: Database, id: string): Promise<OutboxRow | undefined> =>
  db.select().from(mailOutbox).where(eq(mailOutbox.id, id)).get();

/** The local outbox, newest first. */
export const listOutbox = async (db: Database, limit = 200): Promise<OutboxRow[]> =>
  // rowid breaks ties: timestamps have one-second precision.
  db
    .select()
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.createdAt), sql`rowid desc`)
    .limit(limit)
    .all();

const isDue = (now: Date) =>
  and(
    isNull(mailOutbox.sentAt),
    isNull(mailOutbox.failedAt),
    or(isNull(mailOutbox.nextAttemptAt), lte(mailOutbox.nextAttemptAt, now)),
  );

/**
 * Messages one delivery run takes. On Workers each one costs a fetch to the provider and a D1
 * write (deleted, or its retry recorded), and one invocation may make at most 1,000 D1 queries
 * on Workers Paid (50 on Free); 200 keeps a run near 400 subrequests, with room for the other
 * jobs of the same cron run. The rest stays queued for the next run (every 5 minutes).
 */
export const MAIL_DELIVERIES_PER_RUN = 200;

/**
 * Claims messages whose retry time has come, oldest first, at most `limit`: one conditional
 * update takes them all, so two overlapping runs never deliver the same message twice, and the
 * claim costs one query however many it takes.
 */
export const claimDueMail = async (
  db: Database,
  now: Date,
  limit = MAIL_DELIVERIES_PER_RUN,
): Promise<OutboxRow[]> => {
  const oldestDue = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(isDue(now))
    .orderBy(asc(mailOutbox.createdAt))
    .limit(limit);
  const claimed = await db
    .update(mailOutbox)
    .set({ nextAttemptAt: claimedUntil(now) })
    .where(and(inArray(mailOutbox.id, oldestDue), isDue(now)))
    .returning();
  // RETURNING follows no order: oldest first, as they were chosen.
  return claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
};

/** A delivered message is deleted: the provider has it, and we keep nothing we do not need. */
export const markMailDelivered = async (db: Database, id: string): Promise<void> => {
  await db.delete(mailOutbox).where(eq(mailOutbox.id, id));
};

/** Records a failed try: retried later with exponential back-off, or marked failed for good. */
export const markMailAttemptFailed = async (
  db: Database,
  row: OutboxRow,
  now: Date,
): Promise<'retry' | 'failed'> => {
  const attempts = row.attempts + 1;
  if (attempts >= MAIL_RETRY.maxAttempts) {
    await db
      .update(mailOutbox)
      .set({ attempts, failedAt: now, nextAttemptAt: null })
      .where(eq(mailOutbox.id, row.id));
    return 'failed';
  }
  const nextAttemptAt = new Date(now.getTime() + MAIL_RETRY.baseDelayMs * 2 ** (attempts - 1));
  await db.update(mailOutbox).set({ attempts, nextAttemptAt }).where(eq(mailOutbox.id, row.id));
  return 'retry';
};

/**
 * Deletes what no longer needs keeping: unsent messages past their use (expired codes), failed
 * ones and local outbox entries after a week. Returns how many unsent messages were dropped.
 */
export const purgeMail = async (db: Database, now: Date): Promise<number> => {
  const dropped = await db
    .delete(mailOutbox)
    .where(
      and(
        isNull(mailOutbox.sentAt),
        isNotNull(mailOutbox.discardAfter),
        lt(mailOutbox.discardAfter, now),
      ),
    )
    .returning({ id: mailOutbox.id });
  const before = new Date(now.getTime() - MAIL_KEEP_MS);
  await db
    .delete(mailOutbox)
    .where(
      or(
        and(isNotNull(mailOutbox.sentAt), lt(mailOutbox.createdAt, before)),
        and(isNotNull(mailOutbox.failedAt), lt(mailOutbox.failedAt, before)),
      ),
    );
  return dropped.length;
};

/**
 * Local runs: messages that jobs queued (reminders, campaign updates) count as delivered to the
 * outbox, as `outboxMailer` does for the rest. Returns them, for the console.
 */
export const flushLocalOutbox = async (
  db: Database,
  now: Date,
): Promise<Pick<OutboxRow, 'toAddress' | 'subject'>[]> =>
  db
    .update(mailOutbox)
    .set({ sentAt: now, nextAttemptAt: null })
    .where(isNull(mailOutbox.sentAt))
    .returning({ toAddress: mailOutbox.toAddress, subject: mailOutbox.subject });
