import { and, asc, desc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from './database';
import { newId } from './random';
import { mailOutbox } from './schema';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export type OutboxRow = typeof mailOutbox.$inferSelect;

/** Delivery tries before a message is marked failed, and the wait before each retry. */
export const MAIL_RETRY = { maxAttempts: 8, baseDelayMs: 60_000 } as const;

/** Puts a message in the outbox; `sent` marks it delivered at once (the local outbox). */
export const enqueueMail = async (db: Database, message: MailMessage, now: Date, sent: boolean): Promise<string> => {
  const id = newId();
  await db.insert(mailOutbox).values({
    id,
    toAddress: message.to,
    subject: message.subject,
    bodyText: message.text,
    createdAt: now,
    sentAt: sent ? now : null,
    nextAttemptAt: sent ? null : now,
  });
  return id;
};

/** The local outbox, newest first. */
export const listOutbox = async (db: Database, limit = 200): Promise<OutboxRow[]> =>
  // rowid breaks ties: timestamps have one-second precision.
  db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt), sql`rowid desc`).limit(limit).all();

/** Messages waiting for delivery whose retry time has come. */
export const dueMail = async (db: Database, now: Date, limit = 50): Promise<OutboxRow[]> =>
  db
    .select()
    .from(mailOutbox)
    .where(and(isNull(mailOutbox.sentAt), isNull(mailOutbox.failedAt), or(isNull(mailOutbox.nextAttemptAt), lte(mailOutbox.nextAttemptAt, now))))
    .orderBy(asc(mailOutbox.createdAt))
    .limit(limit)
    .all();

/** A delivered message is deleted: the provider has it, and we keep nothing we do not need. */
export const markMailDelivered = async (db: Database, id: string): Promise<void> => {
  await db.delete(mailOutbox).where(eq(mailOutbox.id, id));
};

/** Records a failed try: retried later with exponential back-off, or marked failed for good. */
export const markMailAttemptFailed = async (db: Database, row: OutboxRow, now: Date): Promise<'retry' | 'failed'> => {
  const attempts = row.attempts + 1;
  if (attempts >= MAIL_RETRY.maxAttempts) {
    await db.update(mailOutbox).set({ attempts, failedAt: now, nextAttemptAt: null }).where(eq(mailOutbox.id, row.id));
    return 'failed';
  }
  const nextAttemptAt = new Date(now.getTime() + MAIL_RETRY.baseDelayMs * 2 ** (attempts - 1));
  await db.update(mailOutbox).set({ attempts, nextAttemptAt }).where(eq(mailOutbox.id, row.id));
  return 'retry';
};
