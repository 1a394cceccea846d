import type { Context, MiddlewareHandler } from 'hono';
import type { Database } from '../../db/core/database';
import { hmacSha256Hex } from '../../db/core/random';
import { getOrCreateSecret } from '../../db/core/secrets';
import type { AppEnv } from '../env';

/** How the host tells the client's address: CF-Connecting-IP on Workers, the socket on Node. */
export type ClientAddress = (c: Context<AppEnv>) => string | undefined;

/**
 * The secret kept in the database, read once per database handle rather than once per request:
 * it never changes once made. A failed read is forgotten, so the next request tries again.
 */
const storedSecrets = new WeakMap<Database, Promise<string>>();
const storedSecret = (db: Database): Promise<string> => {
  let secret = storedSecrets.get(db);
  if (!secret) {
    secret = getOrCreateSecret(db, 'client-key');
    storedSecrets.set(db, secret);
    secret.catch(() => storedSecrets.delete(db));
  }
  return secret;
};

/**
 * What a limit counts per client. An IPv6 user usually holds a whole /64 and can rotate
 * through it at will, so IPv6 addresses count by their first 64 bits; IPv4 (and IPv4-mapped
 * IPv6) by the full address.
 */
export const addressSubject = (address: string): string => {
  const mapped = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('%')[0]!.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = address.includes('::')
    ? [
        ...headGroups,
        ...Array(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0'),
        ...tailGroups,
      ]
    : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
};

/**
 * Puts `clientKey()` on the context: a keyed hash (HMAC-SHA-256) of the client's IP address,
 * for rate limits. The raw address is never stored or logged; without the secret the hash
 * cannot be reversed by trying every address. The secret is CLIENT_KEY_SECRET, or one made
 * and kept in the database on first use.
 */
export const clientKey = (clientAddress: ClientAddress): MiddlewareHandler<AppEnv> =>
  async function clientKey(c, next) {
    let secret: Promise<string> | undefined;
    const keyedHash = async (value: string) => {
      secret ??= Promise.resolve(c.get('config').clientKeySecret || storedSecret(c.get('db')));
      return hmacSha256Hex(await secret, value).slice(0, 32);
    };
    let key: Promise<string> | undefined;
    c.set('keyedHash', keyedHash);
    c.set(
      'clientKey',
      () => (key ??= keyedHash(`client:${addressSubject(clientAddress(c) ?? 'unknown')}`)),
    );
    await next();
  };
