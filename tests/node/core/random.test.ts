import { describe, expect, it } from 'vitest';
import { newToken, randomBytes } from '../../../db/core/random';

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
  it('match the published test vectors (FIPS 180-2 for SHA-256, RFC 4231 case 2 for HMAC)', async () => {
    const { sha256Hex, hmacSha256Hex, hashToken } = await import('../../../db/core/random');
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(hashToken('abc')).toBe(sha256Hex('abc'));
    expect(hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    // UTF-8, not UTF-16 or Latin-1: the hash of "é" is that of its two UTF-8 bytes.
    expect(sha256Hex('é')).toBe('4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c');
  });
});
