import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZATIONS, seedDemoResources } from '../../../db/demo/resources';
import { services } from '../../../db/schema';
import { en } from '../../../web/i18n/en';
import { fr } from '../../../web/i18n/fr';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';
import { confidentialSecrets } from '../../support/resources';

let t: TestApp;
let secrets: string[] = [];
beforeAll(async () => {
  t = await makeTestApp();
  await seedDemoResources(t.db, new Date());
  secrets = await confidentialSecrets(t.db);
});
afterAll(() => t.close());

const confidential = DEMO_ORGANIZATIONS.flatMap((org) => org.services).filter(
  (s) => s.confidential,
);
const get = (path: string, headers: Record<string, string> = {}) =>
  t.app.request(path, { headers });

describe('GET /resources', () => {
  it('is a full page whose query string is the whole state, working without JavaScript', async () => {
    const res = await get('/resources?q=legal&language=fr&city=Havrebourg&free=1&sort=verified');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toMatch(/<form id="resource-search"[^>]*method="get"[^>]*action="\/resources"/);
    expect(html).toMatch(
      /<form id="resource-search"[^>]*hx-get="\/resources"[^>]*hx-push-url="true"/,
    );
    expect(html).toContain('value="legal"');
    expect(html).toMatch(/<option value="fr" selected="">/);
    expect(html).toMatch(/<option value="Havrebourg" selected="">/);
    expect(html).toMatch(/name="free" value="1" checked=""/);
    expect(html).toMatch(/<option value="verified" selected="">/);
    expect(html).toMatch(
      /<p id="result-count" class="result-count" role="status">\d+ services? found\.<\/p>/,
    );
    expect(html).toContain('href="/resources/clinique-juridique-conseils"');
    expect(html).toMatch(
      /<script src="\/static\/resource-search\.[0-9a-f]+\.js" nonce="[^"]+" defer="">/,
    );
    expect(res.headers.get('vary')).toContain('HX-Request');
  });

  it('offers a link past the filters to the results once something is asked, not before', async () => {
    expect(await (await get('/resources')).text()).not.toContain('href="#results"');
    for (const query of ['q=legal', 'category=legal-help', 'open=1', 'free=1&page=2']) {
      const html = await (await get(`/resources?${query}`)).text();
      expect(html, query).toContain('<a href="#results">Go to the results</a>');
      expect(html).toContain('id="results"');
    }
    expect(await (await get('/resources?q=legal', { 'Accept-Language': 'fr' })).text()).toContain(
      'Aller aux résultats',
    );
  });

  it('answers an htmx request with the results region alone', async () => {
    const res = await get('/resources?category=food', { 'HX-Request': 'true' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/^<section id="results"/);
    expect(html).not.toContain('<html');
    expect(html).not.toContain('resource-search');
    expect(html).toContain('role="status"');
    expect(visibleText(html)).toContain('Free groceries');
    expect(visibleText(html)).not.toContain('Emergency dental care');
  });

  it('shows on each result its name, organization, category, place, open badge, languages, cost and check date', async () => {
    const text = visibleText(await (await get('/resources?q=dental')).text());
    for (const part of [
      'Emergency dental care',
      'Quillhaven Free Clinic',
      'Medical care',
      'Quillhaven',
      'English',
      'From CA$20',
      'Last checked',
    ]) {
      expect(text).toContain(part);
    }
    expect(text).toMatch(/Open now|Closed now/);
    const online = visibleText(await (await get('/resources?q=brightline+crisis')).text());
    expect(online).toContain('Online or by phone');
    const never = visibleText(await (await get('/resources?q=record+clearing')).text());
    expect(never).toContain('Not checked yet');
  });

  it('pages with links that keep the search', async () => {
    const html = await (await get('/resources?free=1')).text();
    expect(html).toContain('Page 1 of');
    expect(html).toContain('href="/resources?free=1&amp;page=2"');
    const second = await (await get('/resources?free=1&page=2')).text();
    expect(second).toContain('Page 2 of');
    expect(second).toContain('href="/resources?free=1"');
  });

  it('ignores values that make no sense, and still searches', async () => {
    for (const query of [
      'page=-3&sort=DROP&lat=999&lon=abc&within=7&category=%3Cscript%3E&language=french!!',
      'q=%22%2A%3A%28&page=99999999999999999999',
      `q=${'x'.repeat(10_000)}`,
      `q=${Array.from({ length: 500 }, (_, i) => `w${i}`).join('+')}`,
      'q[]=a&q[]=b&open=1&open=0',
    ]) {
      const res = await get(`/resources?${query}`);
      expect(res.status, query).toBe(200);
      expect(await res.text()).toContain('id="results"');
    }
    expect(t.logs.filter((line) => line.includes('"level":"error"'))).toEqual([]);
  });

  it('never logs the query string or the position', async () => {
    await get('/resources?q=immigration&lat=45.20&lon=-77.42');
    const last = t.logs.at(-1)!;
    expect(last).toContain('"route":"/resources"');
    expect(last).not.toMatch(/immigration|45\.2|77\.4/);
  });

  it('rounds a position to about 1 km before using or echoing it', async () => {
    const precise = await get('/resources?lat=45.20431&lon=-77.418771&sort=distance');
    expect(precise.status).toBe(302);
    expect(precise.headers.get('location')).toBe('/resources?lat=45.20&lon=-77.42&sort=distance');
    const html = await (await get(precise.headers.get('location')!)).text();
    expect(html).toContain('name="lat" value="45.20"');
    expect(html).toContain('name="lon" value="-77.42"');
    expect(html).not.toContain('45.204');
    expect(visibleText(html)).toMatch(/km away/);
  });

  it('speaks French', async () => {
    const html = await (
      await get('/resources?category=legal-help', { 'Accept-Language': 'fr' })
    ).text();
    const text = visibleText(html);
    expect(text).toContain('Trouver de l\u2019aide');
    expect(text).toContain('Aide juridique');
    expect(text).toMatch(/\d+ services trouvés/);
    expect(text).not.toContain(en.resources.searchLabel);
  });

  it('has no English interface text on French pages, results and resource pages alike', async () => {
    const english = Object.values(en.resources)
      .flatMap((value) => (typeof value === 'string' ? [value] : Object.values(value)))
      .filter(
        (value) =>
          !/\{/.test(value) &&
          value.includes(' ') &&
          !Object.values(fr.resources).includes(value as never),
      );
    // Single words ("Free") are left out: the demo data, in English, may use them too.
    for (const path of [
      '/resources?q=legal&open=1',
      '/resources/maison-phare-hebergement-urgence',
      '/resources/quillhaven-free-clinic-dental',
    ]) {
      const text = visibleText(await (await get(path, { 'Accept-Language': 'fr' })).text());
      for (const phrase of english) expect(text, `${path}: ${phrase}`).not.toContain(phrase);
    }
  });
});

describe('GET /resources/:id', () => {
  it('finds a resource by slug or by HSDS id, and 404s otherwise', async () => {
    const bySlug = await get('/resources/quillhaven-free-clinic-dental');
    expect(bySlug.status).toBe(200);
    const [service] = await t.db
      .select()
      .from(services)
      .where(eq(services.slug, 'quillhaven-free-clinic-dental'))
      .all();
    const byId = await get(`/resources/${service!.id}`);
    expect(byId.status).toBe(200);
    expect(visibleText(await byId.text())).toContain('Emergency dental care');
    expect((await get('/resources/no-such-thing')).status).toBe(404);
    expect((await get('/resources/%3Cscript%3E')).status).toBe(404);
    expect((await get(`/resources/${'a'.repeat(500)}`)).status).toBe(404);
  });

  it('says what it offers, for whom, how to reach it, when, in which languages, at what cost, and how fresh it is', async () => {
    const html = await (await get('/resources/clinique-juridique-conseils')).text();
    const text = visibleText(html);
    expect(text).toContain('Conseils juridiques gratuits');
    expect(text).toContain('Who it is for');
    expect(html).toContain('href="tel:+16135550110"');
    expect(text).toContain('12, place du Marché-aux-Voiles');
    expect(text).toContain('Métro ligne verte');
    expect(html).toMatch(/<tr class="today" aria-current="date">/);
    expect(text).toContain('Arabic, English, French');
    expect(text).toContain('Free');
    expect(text).toMatch(/Last checked by a moderator on \w+ \d+, \d{4}\./);
    // Text in another language than the page is marked as such.
    expect(html).toContain('<h1 lang="fr">Conseils juridiques gratuits</h1>');
    expect(html).toMatch(
      /<form method="post" action="\/resources\/clinique-juridique-conseils\/reports" hx-post=/,
    );
  });

  it('offers text lines as sms: links, and says when nobody has checked yet', async () => {
    const html = await (
      await get('/resources/entraide-accompagnement', { 'Accept-Language': 'fr' })
    ).text();
    expect(html).toContain('href="sms:+16135550131"');
    expect(visibleText(html)).toContain('Pas encore vérifié par notre équipe');
  });

  it('shows the age range and the papers to bring', async () => {
    const text = visibleText(await (await get('/resources/harbour-rest-safe-house')).text());
    expect(text).toContain('Ages 18 and over.');
    const docs = visibleText(await (await get('/resources/quillhaven-legal-work-rights')).text());
    expect(docs).toContain('Pay slips');
  });
});

describe('confidential places', () => {
  it('exist in the demo data', () => {
    expect(confidential.length).toBeGreaterThanOrEqual(2);
    expect(secrets.length).toBeGreaterThanOrEqual(8);
  });

  it('never appear in any page, fragment or language: "call for the address" instead', async () => {
    const pages: string[] = [];
    for (const lang of ['en', 'fr']) {
      const headers = { 'Accept-Language': lang };
      for (let page = 1; page <= 5; page++)
        pages.push(await (await get(`/resources?page=${page}`, headers)).text());
      pages.push(
        await (
          await get(
            '/resources?category=emergency-shelter&lat=46.11&lon=-75.87&sort=distance',
            headers,
          )
        ).text(),
      );
      pages.push(
        await (
          await get('/resources?category=emergency-shelter', { ...headers, 'HX-Request': 'true' })
        ).text(),
      );
      for (const service of confidential) {
        const res = await get(`/resources/${service.slug}`, headers);
        expect(res.status).toBe(200);
        const html = await res.text();
        expect(visibleText(html)).toMatch(
          lang === 'en' ? /Call for the address/ : /Appelez pour l’obtenir/,
        );
        pages.push(html);
      }
    }
    for (const html of pages) for (const secret of secrets) expect(html).not.toContain(secret);
  });
});
