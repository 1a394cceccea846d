import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

// The Workers build, inside workerd, over a real (local) D1 database.
const request = (path: string, init?: RequestInit) =>
  exports.default.fetch(new Request(`https://hearth.test${path}`, init));

describe('the worker', () => {
  it('runs inside workerd with the D1 migrations applied', async () => {
    expect(navigator.userAgent).toBe('Cloudflare-Workers');
    const table = await env.DB.prepare(
      "select name from sqlite_master where type = 'table' and name = 'app_meta'",
    ).first();
    expect(table).toEqual({ name: 'app_meta' });
  });

  it('serves the home page with the shell and a strict CSP', async () => {
    const res = await request('/', { headers: { 'Accept-Language': 'fr' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html><html lang="fr"/);
    expect(html).toContain('id="quick-exit"');
    expect(html).toContain('Sortie rapide');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-[^']+'/);
  });

  it('reads the database for /healthz', async () => {
    const res = await request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('reads and writes D1 through the same db/ code as Node', async () => {
    const { openD1Database } = await import('../../db/core/d1');
    const { seedDemoData } = await import('../../db/demo/seed');
    const db = openD1Database(env.DB);
    await seedDemoData(db);
    const marker = await env.DB.prepare(
      "select value from app_meta where key = 'demo_seeded_at'",
    ).first<{ value: string }>();
    expect(marker?.value).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await seedDemoData(db)).toEqual([]);
  });

  it('leaves its static files to the platform, with a year of cache and the security headers', async () => {
    const html = await (await request('/')).text();
    const css = html.match(/href="(\/static\/site\.[0-9a-f]+\.css)"/)?.[1];
    // The Worker itself does not serve them: `[assets]` answers before it runs.
    expect((await request(css!)).status).toBe(404);
    const res = await env.ASSETS.fetch(`https://hearth.test${css}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/css');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('strict-transport-security')).toContain('max-age=31536000');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect((await env.ASSETS.fetch('https://hearth.test/static/site.css')).status).toBe(404);
  });

  it('deploys without the local tools or the demo data', async () => {
    const deployed = (await import('../../worker')).default;
    const ctx = { waitUntil() {}, passThroughOnException() {} } as unknown as ExecutionContext;
    const outbox = await deployed.fetch(
      new Request('https://hearth.test/dev/outbox') as Request<
        unknown,
        IncomingRequestCfProperties
      >,
      env,
      ctx,
    );
    expect(outbox.status).toBe(404);
    // The local entry, with the same APP_ENV=local, has them.
    expect((await request('/dev/outbox')).status).toBe(200);
  });

  it('refuses a cross-site form and answers unknown pages with a plain 404', async () => {
    const forged = await request('/language', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'https://evil.example',
      },
      body: 'lang=fr&next=/',
    });
    expect(forged.status).toBe(403);
    expect(forged.headers.get('set-cookie')).toBeNull();
    const missing = await request('/nowhere');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('We could not find that page');
  });
});
