import { and, eq, lt } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from './database';
import { formSubmissions } from '../schema';

/** How long a form's key is remembered: longer than anyone waits to press "Save" again. */
export const FORM_SUBMISSION_KEEP_MS = 24 * 3600_000;

/** The key a create form carries: 32 base32 characters, as `newToken()` makes them. */
export const isSubmissionKey = (value: unknown): value is string =>
  typeof value === 'string' && /^[a-z2-7]{32}$/.test(value);

/** The key a form sent, or '' when it sent none or something else (then the save simply runs). */
export const submittedFormKey = (value: unknown): string => {
  const key = Array.isArray(value) ? value[0] : value;
  return isSubmissionKey(key) ? key : '';
};

/** What a form makes: a key answers only for its own kind, so one form's key never returns another kind's record. */
export type SubmissionKind = 'event' | 'campaign' | 'story' | 'resource' | 'circle';

/** What a form with this key already created, or null. */
const findSubmission = async (db: Database, userId: string, key: string): Promise<string | null> =>
  (
    await db
      .select({ id: formSubmissions.createdId })
      .from(formSubmissions)
      .where(and(eq(formSubmissions.userId, userId), eq(formSubmissions.key, key)))
      .get()
  )?.id ?? null;

/**
 * Runs a create batch once per form key. The key's row goes in the same batch as the record,
 * so of two presses at once one batch fails on the key and writes nothing; that one then
 * answers with what the other made. Without a key (an old form), the batch simply runs.
 */
export const createOnce = async (
  db: Database,
  submission: { userId: string; kind: SubmissionKind; key: string | null } | undefined,
  createdId: string,
  statements: [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]],
  now: Date,
): Promise<{ id: string; created: boolean }> => {
  if (!submission?.key) {
    await db.batch(statements);
    return { id: createdId, created: true };
  }
  const userId = submission.userId;
  const key = `${submission.kind}:${submission.key}`;
  const earlier = await findSubmission(db, userId, key);
  if (earlier) return { id: earlier, created: false };
  try {
    await db.batch([
      db.insert(formSubmissions).values({ userId, key, createdId, createdAt: now }),
      ...statements,
    ]);
    return { id: createdId, created: true };
  } catch (error) {
    const winner = await findSubmission(db, userId, key);
    if (winner) return { id: winner, created: false };
    throw error;
  }
};

export const purgeFormSubmissions = async (db: Database, now: Date): Promise<void> => {
  await db
    .delete(formSubmissions)
    .where(lt(formSubmissions.createdAt, new Date(now.getTime() - FORM_SUBMISSION_KEEP_MS)));
};
