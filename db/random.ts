import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** A random id for a row: 120 bits, base32. */
export const newId = (): string => encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(15)));

/** A secret token for a cookie or a private link: 160 bits, base32 (Lucia's guide). */
export const newToken = (): string => encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));

/** What is stored in place of a token: its SHA-256, hex. */
export const hashToken = (token: string): string => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

/** A uniformly random string of decimal digits (no modulo bias). */
export const randomDigits = (length: number): string => {
  let out = '';
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length))) {
      // 250 is the largest multiple of 10 below 256: bytes above it would favour low digits.
      if (byte < 250 && out.length < length) out += String(byte % 10);
    }
  }
  return out;
};
