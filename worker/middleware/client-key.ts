import { hmac } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Context, MiddlewareHandler } from 'hono';
import { getOrCreateSecret } from '../../db/secrets';
import type { AppEnv } from '../env';

/** How the host tells the client's address: CF-Connecting-IP on Workers, the socket on Node. */
export type ClientAddress = (c: Context<AppEnv>) => string | undefined;

const encoder = new TextEncoder();

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
      secret ??= Promise.resolve(c.env?.CLIENT_KEY_SECRET || getOrCreateSecret(c.get('db'), 'client-key'));
      return encodeHexLowerCase(hmac(SHA256, encoder.encode(await secret), encoder.encode(value))).slice(0, 32);
    };
    let key: Promise<string> | undefined;
    c.set('keyedHash', keyedHash);
    c.set('clientKey', () => (key ??= keyedHash(`client:${clientAddress(c) ?? 'unknown'}`)));
    await next();
  };
