import type { Database } from '../core/database';
import { hmacSha256Hex } from '../core/random';
import { getOrCreateSecret } from '../core/secrets';

const sign = async (db: Database, value: string) =>
  hmacSha256Hex(await getOrCreateSecret(db, 'campaign-links'), value).slice(0, 40);

/**
 * The "stop the news" link in update emails. Update emails are sent by a job long after the
 * signer's own tokens were hashed away, so this link is a keyed signature of the signature's
 * id instead: it can be made again, cannot be guessed, and only ever stops emails.
 */
export const unsubscribeToken = async (db: Database, signatureId: number): Promise<string> =>
  `${signatureId}-${await sign(db, `unsubscribe:${signatureId}`)}`;

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
