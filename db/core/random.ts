import { hmac } from '@oslojs/crypto/hmac';
import { SHA256, sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

const encoder = new TextEncoder();

const POOL_BYTES = 4096;
const pool = new Uint8Array(POOL_BYTES);
let used = POOL_BYTES;

/**
 * `length` bytes from the platform's cryptographic generator, taken from a pool filled 4 KiB at
 * a time: a call to the generator cost more than the bytes (on Node, several a request under
 * load). Every byte is handed out once, and wiped from the pool as it goes.
 */
export const randomBytes = (length: number): Uint8Array => {
  if (length > POOL_BYTES) return crypto.getRandomValues(new Uint8Array(length));
  if (used + length > POOL_BYTES) {
    crypto.getRandomValues(pool);
    used = 0;
  }
  const bytes = pool.slice(used, used + length);
  pool.fill(0, used, used + length);
  used += length;
  return bytes;
};

/** A random id for a row: 120 bits, base32. */
export const newId = (): string => encodeBase32LowerCaseNoPadding(randomBytes(15));

/** A secret token for a cookie or a private link: 160 bits, base32 (Lucia's guide). */
export const newToken = (): string => encodeBase32LowerCaseNoPadding(randomBytes(20));

/**
 * SHA-256 of a text (UTF-8), lower-case hex, by @oslojs/crypto: sessions follow Lucia's guide with
 * the @oslojs packages (DESIGN.md), and one hash serves every stored token. `node:crypto` was
 * measured faster (0.9 against 4.8 µs a hash, about 3% of a sign's CPU); not worth two ways.
 */
export const sha256Hex = (value: string): string =>
  encodeHexLowerCase(sha256(encoder.encode(value)));

/** HMAC-SHA-256 of a text under a key (both UTF-8), lower-case hex; @oslojs/crypto, as sha256Hex. */
export const hmacSha256Hex = (key: string, value: string): string =>
  encodeHexLowerCase(hmac(SHA256, encoder.encode(key), encoder.encode(value)));

/** What is stored in place of a token: its SHA-256, hex. */
export const hashToken = (token: string): string => sha256Hex(token);

/** A uniformly random string of decimal digits (no modulo bias). */
export const randomDigits = (length: number): string => {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length)) {
      // 250 is the largest multiple of 10 below 256: bytes above it would favour low digits.
      if (byte < 250 && out.length < length) out += String(byte % 10);
    }
  }
  return out;
};
