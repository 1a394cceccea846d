import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hitAddressLimits,
  hitRateLimit,
  hitRateLimits,
  peekRateLimit,
  purgeRateLimits,
} from '../../../db/core/rate-limit';
import { rateLimits } from '../../../db/schema';
import { makeTestApp, type TestApp } from '../../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const limit = { name: 'test', max: 3, windowSeconds: 3600 };
const at = new Date('2026-11-26T10:15:00Z');

describe('hitRateLimit', () => {
  it('allows up to the limit in a window, then refuses, per subject', async () => {
    const results = [];
    for (let i = 0; i < 5; i++) results.push((await hitRateLimit(t.db, limit, 'a', at)).allowed);
    expect(results).toEqual([true, true, true, false, false]);
    expect((await hitRateLimit(t.db, limit, 'b', at)).allowed).toBe(true);
  });

  it('says when the window ends, and starts afresh in the next one', async () => {
    const result = await hitRateLimit(t.db, limit, 'a', at);
    expect(result.retryAfterSeconds).toBe(45 * 60);
    expect((await hitRateLimit(t.db, limit, 'a', new Date('2026-11-26T11:00:00Z'))).allowed).toBe(
      true,
    );
  });

  it('counts every one of many concurrent hits', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => hitRateLimit(t.db, limit, 'c', at)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
  });

  it('counts several limits in one call and answers each, in order', async () => {
    const strict = { name: 'strict', max: 1, windowSeconds: 60 };
    const hits = [
      { limit, subject: 'd' },
      { limit: strict, subject: 'd' },
    ];
    expect(await hitRateLimits(t.db, hits, at)).toEqual([
      { allowed: true, retryAfterSeconds: 45 * 60 },
      { allowed: true, retryAfterSeconds: 60 },
    ]);
    const second = await hitRateLimits(t.db, hits, at);
    expect(second.map((r) => r.allowed)).toEqual([true, false]);
    // Each limit counted both hits: the first is still within its 3.
    expect((await hitRateLimit(t.db, limit, 'd', at)).allowed).toBe(true);
    expect((await hitRateLimit(t.db, limit, 'd', at)).allowed).toBe(false);
  });

  it('counts an address\u2019s limit only for clients within their own', async () => {
    const limits = {
      perClient: { name: 'addr-client', max: 3, windowSeconds: 3600 },
      perAddressAndClient: { name: 'addr-pair', max: 2, windowSeconds: 3600 },
      perAddress: { name: 'addr', max: 3, windowSeconds: 600 },
    };
    const fromStranger = [];
    for (let i = 0; i < 6; i++)
      fromStranger.push(
        (await hitAddressLimits(t.db, limits, { address: 'victim', client: 'stranger' }, at))
          .allowed,
      );
    expect(fromStranger).toEqual([true, true, false, false, false, false]);
    // The stranger's four refused hits spent none of the address's budget.
    expect((await peekRateLimit(t.db, limits.perAddress, 'victim', at)).allowed).toBe(true);
    expect(
      await hitAddressLimits(t.db, limits, { address: 'victim', client: 'owner' }, at),
    ).toEqual({ allowed: true, retryAfterSeconds: 0 });
    // Many clients together still meet the address's limit, and are told when its window ends.
    expect(
      await hitAddressLimits(t.db, limits, { address: 'victim', client: 'third' }, at),
    ).toEqual({ allowed: false, retryAfterSeconds: 5 * 60 });
  });

  it('purges old windows', async () => {
    await purgeRateLimits(t.db, new Date('2026-12-10T00:00:00Z'));
    expect(await t.db.select().from(rateLimits).all()).toEqual([]);
  });
});
