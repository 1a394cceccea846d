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
    let key: Promise<string> | undefined;
    c.set('clientKey', () =>
      (key ??= (async () => {
        const secret = c.env?.CLIENT_KEY_SECRET || (await getOrCreateSecret(c.get('db'), 'client-key'));
        const address = clientAddress(c) ?? 'unknown';
        return encodeHexLowerCase(hmac(SHA256, encoder.encode(secret), encoder.encode(address))).slice(0, 32);
      })()),
    );
    await next();
  };
