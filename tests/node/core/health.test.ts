import { describe, expect, it } from 'vitest';
import { makeTestApp } from '../../support/app';

describe('/healthz', () => {
  it('answers 200 when the database answers', async () => {
    const t = await makeTestApp();
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
    t.close();
  });

  it('answers 503 when it does not', async () => {
    const t = await makeTestApp();
    t.close();
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable' });
  });
});
