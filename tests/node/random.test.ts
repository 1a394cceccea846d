import { describe, expect, it } from 'vitest';
import { newToken, randomBytes } from '../../db/random';

describe('random bytes from the pool', () => {
  it('never hands out the same bytes twice, across refills of the pool', () => {
    const seen = new Set<string>();
    // 20 bytes at a time, well past several refills of a 4 KiB pool.
    for (let i = 0; i < 2000; i++) {
      const bytes = randomBytes(20);
      expect(bytes.length).toBe(20);
      seen.add(Buffer.from(bytes).toString('hex'));
    }
    expect(seen.size).toBe(2000);
  });

  it('gives each caller its own copy, and serves sizes larger than the pool', () => {
    const a = randomBytes(16);
    const copy = Uint8Array.from(a);
    randomBytes(16);
    expect(a).toEqual(copy);
    expect(randomBytes(10_000).length).toBe(10_000);
  });

  it('looks uniform: every byte value turns up over 64 KiB', () => {
    const counts = new Array(256).fill(0);
    for (let i = 0; i < 64; i++) for (const byte of randomBytes(1024)) counts[byte]++;
    expect(Math.min(...counts)).toBeGreaterThan(100);
    expect(new Set(Array.from({ length: 100 }, newToken)).size).toBe(100);
  });
});

describe('hashes', () => {
  it('are byte for byte those @oslojs/crypto gave, so hashes already stored stay valid', async () => {
    const { sha256Hex, hmacSha256Hex, hashToken } = await import('../../db/random');
    const { sha256, SHA256 } = await import('@oslojs/crypto/sha2');
    const { hmac } = await import('@oslojs/crypto/hmac');
    const { encodeHexLowerCase } = await import('@oslojs/encoding');
    const encode = (text: string) => new TextEncoder().encode(text);
    for (const value of ['', 'abc', newToken(), 'email:ana+x@example.org', 'client:2001:db8::/64', 'Renée — ✓ '.repeat(50)]) {
      expect(sha256Hex(value)).toBe(encodeHexLowerCase(sha256(encode(value))));
      expect(hashToken(value)).toBe(sha256Hex(value));
      for (const key of ['k', newToken(), 'a key longer than the sixty-four byte block of SHA-256, so it is hashed first'.repeat(2)]) {
        expect(hmacSha256Hex(key, value)).toBe(encodeHexLowerCase(hmac(SHA256, encode(key), encode(value))));
      }
    }
  });
});
