import type { Database } from '../core/database';
import { hmacSha256Hex } from '../core/random';
import { getOrCreateSecret } from '../core/secrets';

const signingKey = (db: Database) => getOrCreateSecret(db, 'campaign-links');
const signWith = (key: string, value: string) => hmacSha256Hex(key, value).slice(0, 40);
const sign = async (db: Database, value: string) => signWith(await signingKey(db), value);

/**
 * The "stop the news" link in update emails. Update emails are sent by a job long after the
 * signer's own tokens were hashed away, so this link is a keyed signature of the signature's
 * id instead: it can be made again, cannot be guessed, and only ever stops emails.
 */
export const unsubscribeToken = async (db: Database, signatureId: number): Promise<string> =>
  (await unsubscribeTokens(db))(signatureId);

/**
 * The same links for a whole mailing, the key read once: one read a recipient would make a
 * mailing's queries grow with its list, past D1's cap on queries in one Workers invocation.
 */
export const unsubscribeTokens = async (db: Database): Promise<(signatureId: number) => string> => {
  const key = await signingKey(db);
  return (signatureId) => `${signatureId}-${signWith(key, `unsubscribe:${signatureId}`)}`;
};

/** The signature id a "stop the news" link names, or null if it was not made by this site. */
export const readUnsubscribeToken = async (db: Database, token: string): Promise<number | null> => {
  const match = /^(\d{1,12})-([0-9a-f]{40})$/.exec(token);
  if (!match) return null;
  const expected = await sign(db, `unsubscribe:${match[1]}`);
  // Constant-time compare of two equal-length hex strings.
  let diff = 0;
  for (let i = 0; i < expected.length; i++)
    diff |= expected.charCodeAt(i) ^ match[2]!.charCodeAt(i);
  return diff === 0 ? Number(match[1]) : null;
};
