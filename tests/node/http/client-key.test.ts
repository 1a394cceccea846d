import { describe, expect, it } from 'vitest';
import { appMeta } from '../../../db/schema';
import { makeTestApp } from '../../support/app';

describe('clientKey', () => {
  it('is a stable keyed hash of the address, different per address, never the address', async () => {
    const t = await makeTestApp();
    t.app.get('/key', async (c) => c.text(await c.get('clientKey')()));
    const key = async (ip: string) =>
      (await t.app.request('/key', { headers: { 'x-test-client': ip } })).text();
    const first = await key('198.51.100.7');
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(await key('198.51.100.7')).toBe(first);
    expect(await key('198.51.100.8')).not.toBe(first);
    const stored = JSON.stringify(await t.db.select().from(appMeta).all());
    expect(stored).not.toContain('198.51.100');
    t.close();
  });

  it('depends on the secret, so another deployment cannot match the hashes', async () => {
    const a = await makeTestApp();
    const b = await makeTestApp();
    for (const t of [a, b]) t.app.get('/key', async (c) => c.text(await c.get('clientKey')()));
    const keyA = await (await a.app.request('/key')).text();
    const keyB = await (await b.app.request('/key')).text();
    expect(keyA).not.toBe(keyB);
    a.close();
    b.close();
  });
});
