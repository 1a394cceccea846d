import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEmbedPath } from '../../../worker/http/embeds';
import { TestBrowser, signIn } from '../../support/browser';
import { publishedCampaign } from '../../support/campaigns';
import { organizer, publishedEvent } from '../../support/events';
import { makeTestApp, type TestApp } from '../../support/app';

let t: TestApp;
let campaignId: string;
beforeAll(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
  campaignId = await publishedCampaign(t);
  await publishedEvent(t);
});
afterAll(() => t.close());

const directives = (csp: string | null) =>
  new Map(
    (csp ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );

/** A concrete address for a route pattern: each parameter (with or without its pattern) filled. */
const concrete = (pattern: string) =>
  pattern.replace(/:\w+(\{[^}]*\}+)?/g, 'abc234').replace(/\*/g, 'abc234');

const embeds = () => [`/embed/events`, `/embed/campaigns/${campaignId}`];

describe('framing', () => {
  it('is refused on every route of the router but the embeds', async () => {
    const paths = [...new Set(t.app.routes.map((route) => concrete(route.path)))];
    const outside = paths.filter((path) => !isEmbedPath(path));
    // The sweep walks the whole router: a new route is covered without being listed here.
    expect(outside.length).toBeGreaterThan(50);
    expect(paths.filter(isEmbedPath).length).toBeGreaterThanOrEqual(3);
    for (const path of outside) {
      const res = await t.app.request(path);
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it('is allowed on the embeds alone, with the rest of the strict CSP and its nonce kept', async () => {
    for (const path of [...embeds(), '/embed/campaigns/nosuch']) {
      const res = await t.app.request(path);
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('frame-ancestors'), path).toEqual(['*']);
      expect(res.headers.get('x-frame-options'), path).toBeNull();
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('base-uri')).toEqual(["'none'"]);
      expect(csp.get('form-action')).toEqual(["'self'"]);
      const scriptSrc = csp.get('script-src') ?? [];
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      const nonce = scriptSrc.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
      expect(nonce).toBeTruthy();
      const html = await res.text();
      for (const tag of html.match(/<script\b[^>]*>/g) ?? [])
        expect(tag).toContain(`nonce="${nonce}"`);
    }
  });
});

describe('cookies', () => {
  it('are never set by an embed, even for a stale or a live session cookie', async () => {
    const signedIn = await signIn(t, 'someone@example.org');
    expect(signedIn.cookies.size).toBeGreaterThan(0);
    for (const path of embeds()) {
      for (const cookie of ['session=stale-token', '']) {
        const res = await t.app.request(path, { headers: cookie ? { Cookie: cookie } : {} });
        expect(res.status, path).toBe(200);
        expect(res.headers.getSetCookie(), path).toEqual([]);
      }
      const res = await signedIn.get(path);
      expect(res.headers.getSetCookie()).toEqual([]);
      // Signed in or not, the embed is the same anonymous page: no "My account", no session read.
      expect(await res.text()).not.toContain('/account');
    }
    // Elsewhere the same stale cookie is cleared: the embed's silence is its own rule.
    const page = await t.app.request('/events', { headers: { Cookie: 'session=stale-token' } });
    expect(page.headers.getSetCookie().join(';')).toMatch(/session=;/);
  });
});

describe('the embed pages', () => {
  it('open links in a new tab, load only this site, and leave the whole tab on quick exit', async () => {
    for (const path of embeds()) {
      const html = await (await new TestBrowser(t).get(path)).text();
      expect(html).toContain('<base target="_blank"/>');
      expect(html).toMatch(/<a id="quick-exit"[^>]*target="_top"/);
      // Every src and stylesheet is a path on this site.
      for (const [, url] of html.matchAll(/(?:src|href)="([^"]*)"/g))
        if (!url!.startsWith('/') && !url!.startsWith('#'))
          expect(url, path).toBe('https://weather.com/');
      expect(html).not.toMatch(/hx-(get|post)/);
    }
  });

  it('filter events as the list does, and speak the language of ?lang=', async () => {
    await publishedEvent(t, { title: 'Vigil in Marrowby', category: 'vigil', city: 'Marrowby' });
    const other = await organizer(t, 'other@example.org');
    await publishedEvent(t, { title: 'Their talk', city: 'Marrowby' }, 'other@example.org');
    const vigils = await (await new TestBrowser(t).get('/embed/events?category=vigil')).text();
    expect(vigils).toContain('Vigil in Marrowby');
    expect(vigils).not.toContain('Test workshop');
    const theirs = await (
      await new TestBrowser(t).get(`/embed/events?organizer=${other.id}&lang=fr`)
    ).text();
    expect(theirs).toContain('Their talk');
    expect(theirs).not.toContain('Vigil in Marrowby');
    expect(theirs).toContain('<html lang="fr"');
    expect(theirs).toContain('Événements à venir');
    expect(theirs).toContain(`href="/events?organizer=${other.id}"`);
  });

  it('show a draft campaign to no one: the 404 of an unknown id', async () => {
    const res = await new TestBrowser(t).get('/embed/campaigns/nosuchcampaign');
    expect(res.status).toBe(404);
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});
