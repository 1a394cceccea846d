import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateLibsql, openLibsqlDatabase } from '../../../db/core/libsql';
import { watchWrites } from '../../../db/core/write-watch';
import { seedDemoData } from '../../../db/demo/seed';
import { createApp } from '../../../worker/app';
import { areaLinks } from '../../../worker/area-links';
import { readConfig } from '../../../worker/config';
import { outboxMailer } from '../../../worker/mail/mailer';
import { pageCache, type PageCache } from '../../../worker/middleware/page-cache';
import { TestBrowser } from '../../support/browser';
import { approve, personWith, publish, writeStory } from '../../support/stories';
import type { TestApp } from '../../support/app';

/** The nonce of a page and the page with it blanked out, to compare two answers. */
const nonceOf = (html: string) => html.match(/nonce="([^"]+)"/)?.[1];
const withoutNonce = (html: string) => html.replaceAll(/nonce="[^"]+"/g, 'nonce=""');

describe('the page cache (Node): public pages drawn once, served again while nothing is written', () => {
  let t: TestApp;
  let cache: PageCache;
  let clock: number;

  beforeEach(async () => {
    const { db, client } = openLibsqlDatabase(':memory:');
    const writes = watchWrites(client);
    await migrateLibsql(db);
    await seedDemoData(db);
    clock = 1_000_000;
    cache = pageCache({ writes, ttlMs: 2000, maxEntries: 3, now: () => clock });
    const logs: string[] = [];
    const app = createApp(
      {
        database: () => db,
        config: () => readConfig({}),
        mailer: () => outboxMailer(db, () => {}),
        clientAddress: () => '192.0.2.1',
        areaLinks,
      },
      { log: (line) => logs.push(line), pageCache: cache },
    );
    t = { app, db, logs, close: () => client.close() };
  });
  afterEach(() => t.close());

  it('serves the same page again, with a nonce of its own in the body and the CSP', async () => {
    const first = await t.app.request('/support');
    const second = await t.app.request('/support');
    expect(cache.hits()).toBe(1);
    const [a, b] = [await first.text(), await second.text()];
    expect(withoutNonce(b)).toBe(withoutNonce(a));
    expect(nonceOf(b)).toBeTruthy();
    expect(nonceOf(b)).not.toBe(nonceOf(a));
    expect(second.headers.get('Content-Security-Policy')).toContain(`'nonce-${nonceOf(b)}'`);
    expect(b).not.toContain(nonceOf(a));
    // Every header the first answer had, the second has (the CSP with its own nonce).
    const names = (res: Response) => [...res.headers.keys()].sort();
    expect(names(second)).toEqual(names(first));
    expect(second.headers.get('Content-Language')).toBe('en');
    // The request log still has a line for each answer.
    expect(t.logs.filter((line) => line.includes('"route":"/support"'))).toHaveLength(2);
  });

  it('keys on the language and the whole address', async () => {
    const english = await (await t.app.request('/support')).text();
    const french = await (
      await t.app.request('/support', { headers: { 'Accept-Language': 'fr' } })
    ).text();
    expect(french).toContain('lang="fr"');
    expect(english).toContain('lang="en"');
    const search = await (await t.app.request('/resources?q=legal')).text();
    const other = await (await t.app.request('/resources?q=housing')).text();
    expect(withoutNonce(other)).not.toBe(withoutNonce(search));
    expect(cache.hits()).toBe(0);
  });

  it('serves a search again: its read-only statements (WITH … SELECT) are no writes', async () => {
    const first = await (await t.app.request('/resources?q=housing')).text();
    const second = await (await t.app.request('/resources?q=housing')).text();
    expect(cache.hits()).toBe(1);
    expect(withoutNonce(second)).toBe(withoutNonce(first));
  });

  it('keeps the htmx fragment apart from the whole page', async () => {
    const whole = await (await t.app.request('/resources?q=legal')).text();
    const fragment = await (
      await t.app.request('/resources?q=legal', { headers: { 'HX-Request': 'true' } })
    ).text();
    expect(whole).toContain('<!doctype html>');
    expect(fragment).not.toContain('<!doctype html>');
    expect(cache.hits()).toBe(0);
  });

  it('shows a write on the very next request: a withdrawn story is gone at once', async () => {
    const author = await personWith(t, 'mira@example.org', ['storyteller']);
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const visitor = new TestBrowser(t);
    const id = await writeStory(author, { title: 'A winter story' });
    await author.post(`/my-stories/${id}/submission`);
    await approve(author, id, 1);
    await publish(moderator, id);

    expect((await visitor.get(`/stories/${id}`)).status).toBe(200);
    expect(await (await visitor.get('/stories')).text()).toContain('A winter story');
    expect((await visitor.get(`/stories/${id}`)).status).toBe(200);
    expect(cache.hits()).toBe(1);

    expect((await author.post(`/my-stories/${id}/withdrawal`)).status).toBe(303);
    expect((await visitor.get(`/stories/${id}`)).status).toBe(410);
    expect(await (await visitor.get('/stories')).text()).not.toContain('A winter story');
  });

  it('never stores nor serves a page to someone signed in', async () => {
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const visitor = new TestBrowser(t);
    const signedIn = await (await moderator.get('/support')).text();
    expect(await (await moderator.get('/support')).text()).toContain('My account');
    expect(cache.hits()).toBe(0);
    const anonymous = await (await visitor.get('/support')).text();
    expect(anonymous).not.toContain('My account');
    expect(signedIn).toContain('My account');
    // A visitor's page, once kept, is not what the signed-in person gets.
    await visitor.get('/support');
    expect(cache.hits()).toBe(1);
    expect(await (await moderator.get('/support')).text()).toContain('My account');
    // A session cookie that is no longer valid: answered afresh (it clears the cookie).
    const stale = await t.app.request('/support', { headers: { Cookie: 'session=gone' } });
    expect(stale.headers.get('Set-Cookie')).toMatch(/session=;/);
    expect(cache.hits()).toBe(1);
  });

  it('keeps only 200 HTML answers, on the pages it is mounted on', async () => {
    await t.app.request('/stories/nothing-here');
    await t.app.request('/stories/nothing-here');
    await t.app.request('/events.ics');
    await t.app.request('/events.ics');
    await t.app.request('/healthz');
    await t.app.request('/healthz');
    await t.app.request('/sign-in');
    await t.app.request('/sign-in');
    expect(cache.hits()).toBe(0);
  });

  it('lets a page live two seconds at most, and keeps at most its bound', async () => {
    await t.app.request('/support');
    clock += 1999;
    await t.app.request('/support');
    expect(cache.hits()).toBe(1);
    clock += 2;
    await t.app.request('/support');
    expect(cache.hits()).toBe(1);

    // Bound of 3: a fourth page pushes out the oldest.
    await t.app.request('/safety');
    await t.app.request('/privacy');
    await t.app.request('/stories');
    await t.app.request('/support');
    expect(cache.hits()).toBe(1);
    await t.app.request('/stories');
    expect(cache.hits()).toBe(2);
  });
});
