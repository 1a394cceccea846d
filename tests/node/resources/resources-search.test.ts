import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZATIONS, seedDemoResources } from '../../../db/demo/resources';
import { searchResources } from '../../../db/resources/search/search';
import { MAX_QUERY_TERMS, queryTerms, toMatchQuery } from '../../../db/resources/search/text-query';
import type { ResourceSearch } from '../../../db/resources/types';
import { DEMO_CITIES } from '../../../db/demo/resources-types';
import { costOptions } from '../../../db/schema';
import { makeTestApp, type TestApp } from '../../support/app';

let t: TestApp;
const seededAt = new Date('2026-11-26T15:00:00Z');
beforeAll(async () => {
  t = await makeTestApp();
  await seedDemoResources(t.db, seededAt);
});
afterAll(() => t.close());

const demo = DEMO_ORGANIZATIONS.flatMap((org) => org.services);
const base: ResourceSearch = { sort: 'relevance', page: 1, pageSize: 100 };
const search = (changes: Partial<ResourceSearch>) =>
  searchResources(t.db, { ...base, ...changes }, seededAt);
const slugs = async (changes: Partial<ResourceSearch>) =>
  (await search(changes)).items.map((item) => item.slug).sort();
const expected = (keep: (s: (typeof demo)[number]) => boolean) =>
  demo
    .filter(keep)
    .map((s) => s.slug)
    .sort();

describe('searchResources filters', () => {
  it('lists every active service when nothing is asked', async () => {
    const result = await search({});
    expect(result.total).toBe(demo.length);
    expect(demo.length).toBeGreaterThanOrEqual(40);
  });

  it.each([
    [
      'category',
      { category: 'legal-help' },
      (s: (typeof demo)[number]) => s.categories.includes('legal-help'),
    ],
    ['language', { language: 'fr' }, (s: (typeof demo)[number]) => s.languages.includes('fr')],
    ['city', { city: 'Marrowby' }, (s: (typeof demo)[number]) => s.city === 'marrowby'],
    ['online only', { city: 'online' }, (s: (typeof demo)[number]) => s.city === 'online'],
    ['free', { free: true }, (s: (typeof demo)[number]) => s.cost === 'free'],
    ['walk-in', { walkIn: true }, (s: (typeof demo)[number]) => !!s.walkIn],
    ['trauma-informed', { traumaInformed: true }, (s: (typeof demo)[number]) => !!s.traumaInformed],
    ['survivor-led', { survivorLed: true }, (s: (typeof demo)[number]) => !!s.survivorLed],
  ] as const)('filters by %s', async (_, filter, keep) => {
    const found = await slugs(filter);
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(expected(keep));
  });

  it('combines filters: each one narrows the others', async () => {
    const found = await slugs({
      category: 'legal-help',
      language: 'fr',
      city: 'Havrebourg',
      free: true,
      traumaInformed: true,
    });
    expect(found).toEqual(
      expected(
        (s) =>
          s.categories.includes('legal-help') &&
          s.languages.includes('fr') &&
          s.city === 'havrebourg' &&
          s.cost === 'free' &&
          !!s.traumaInformed,
      ),
    );
    expect(found).toContain('clinique-juridique-conseils');
    expect(await slugs({ category: 'legal-help', city: 'online' })).toEqual([]);
  });

  it('matches free text in names, descriptions, organizations and category names in both languages', async () => {
    expect(await slugs({ text: 'dental' })).toEqual(['quillhaven-free-clinic-dental']);
    expect(await slugs({ text: 'Lantern Circle' })).toEqual([
      'lantern-circle-art-group',
      'lantern-circle-peer-mentors',
    ]);
    // "Aide juridique" is the French name of the legal help category; accents do not matter.
    expect(await slugs({ text: 'aide juridique' })).toEqual(
      expected((s) => s.categories.includes('legal-help')),
    );
    expect(await slugs({ text: 'hebergement' })).toEqual(
      expect.arrayContaining(['maison-phare-hebergement-urgence']),
    );
    // The last word is a prefix while typing.
    expect(await slugs({ text: 'counsel' })).toEqual(
      expect.arrayContaining(['counselling-coop-therapy', 'valley-wellness-counselling']),
    );
  });

  it('ranks a match in the name above one in the description', async () => {
    const result = await search({ text: 'shelter' });
    expect(result.items[0]!.name.toLowerCase()).toContain('shelter');
  });

  it('sorts by distance from a rounded position, and keeps only places within the radius', async () => {
    const city = DEMO_CITIES.quillhaven;
    const result = await search({
      near: { latitude: city.latitude, longitude: city.longitude, radiusKm: 5 },
      sort: 'distance',
    });
    expect(result.total).toBeGreaterThan(5);
    const distances = result.items.map((item) => item.distanceKm!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(Math.max(...distances)).toBeLessThanOrEqual(5);
    expect(new Set(result.items.map((item) => item.city))).toEqual(new Set(['Quillhaven']));
  });

  it('sorts by most recently verified, never-verified last', async () => {
    const items = (await search({ sort: 'verified' })).items;
    const times = items.map((item) => item.verifiedAt?.getTime() ?? -Infinity);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(items.at(-1)!.verifiedAt).toBeNull();
    expect(items[0]!.slug).toBe('brightline-crisis-line');
  });

  it('pages through results without gaps or repeats', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 5; page++) {
      const result = await search({ page, pageSize: 10 });
      expect(result.pageCount).toBe(5);
      expect(result.total).toBe(demo.length);
      seen.push(...result.items.map((item) => item.slug));
    }
    expect(seen.length).toBe(demo.length);
    expect(new Set(seen).size).toBe(demo.length);
    const past = await search({ page: 6, pageSize: 10 });
    expect(past.items).toEqual([]);
    expect(past.total).toBe(demo.length);
  });

  it('gives each result what the list shows', async () => {
    const [clinic] = (await search({ text: 'dental' })).items;
    expect(clinic).toMatchObject({
      name: 'Emergency dental care',
      organizationName: 'Quillhaven Free Clinic',
      categories: ['medical-care'],
      city: 'Quillhaven',
      languages: ['en'],
      free: false,
      lowestCost: { amount: 20, currency: 'CAD' },
    });
    expect(clinic!.verifiedAt?.toISOString()).toBe(
      new Date(seededAt.getTime() - 210 * 86_400_000).toISOString(),
    );
    const [line] = (await search({ text: 'Brightline crisis' })).items;
    expect(line).toMatchObject({ city: null, free: true, openNow: true });
  });
});

describe('a result with several cost options', () => {
  const added = ['0-sliding', 'ff-free-visit', 'fg-unpriced'];
  afterAll(() => t.db.delete(costOptions).where(inArray(costOptions.id, added)));

  it('is free only when every option is; else the lowest price and its currency, or the first option', async () => {
    const dental = async () => (await search({ text: 'dental' })).items[0]!;
    const serviceId = (await dental()).id;
    // Beside the clinic's own option (20 CAD): a lower price in another currency, a free visit, one unpriced.
    await t.db.insert(costOptions).values([
      { id: added[0]!, serviceId, amount: 12.5, currency: 'EUR', option: 'Sliding scale' },
      { id: added[1]!, serviceId, amount: 0, currency: 'CAD', option: 'First visit free' },
      { id: added[2]!, serviceId, amount: null, currency: null, option: 'Ask us' },
    ]);
    expect(await dental()).toMatchObject({
      free: false,
      lowestCost: { amount: 12.5, currency: 'EUR' },
      costOption: 'Sliding scale',
    });
    // Free options only: free, with no price.
    const line = async () => (await search({ text: 'Brightline crisis' })).items[0]!;
    const free = { id: 'ff-also-free', serviceId: (await line()).id, amount: 0, option: 'Free' };
    added.push(free.id);
    await t.db.insert(costOptions).values(free);
    expect(await line()).toMatchObject({ free: true, lowestCost: null, costOption: null });
  });
});

describe('hostile queries', () => {
  const hostile = [
    '"',
    '"unbalanced quote',
    '*',
    'legal*',
    'NEAR(legal help, 2)',
    'name:legal',
    '{name description}: shelter',
    'legal AND OR NOT',
    '-legal ^shelter',
    "'; DROP TABLE services; --",
    '\u0000\u202Elegal\u202C',
    '%_%',
    'x'.repeat(10_000),
    Array.from({ length: 500 }, (_, i) => `word${i}`).join(' '),
    '🏠 أمان 住房',
  ];

  // Their speed is measured by `npm run bench:search` (its hostile rows), not timed here.
  it.each(hostile.map((q) => [q.slice(0, 40), q]))(
    'answers %j as its words alone',
    async (_, text) => {
      const filters = {
        openNow: true,
        near: { latitude: 46.1, longitude: -75.9 },
        sort: 'distance',
      } as const;
      const words = queryTerms(text);
      expect(words.length).toBeLessThanOrEqual(MAX_QUERY_TERMS);
      expect(await search({ text, ...filters })).toEqual(
        await search({ text: words.join(' '), ...filters }),
      );
    },
  );

  it('caps terms and quotes every one', () => {
    const match = toMatchQuery(Array.from({ length: 500 }, (_, i) => `w${i}`).join(' '))!;
    expect(match.split(' ').filter((part) => part.startsWith('"'))).toHaveLength(MAX_QUERY_TERMS);
    expect(toMatchQuery('NEAR(a b) name:xy "')).toBe('"near" "a" "b" "name" "xy" *');
    expect(toMatchQuery('*** "" ::')).toBeNull();
  });

  it('still finds what the words say inside the syntax', async () => {
    for (const text of ['dental*', '"dental', '(dental)', '{dental}', 'dental:']) {
      expect(await slugs({ text })).toEqual(['quillhaven-free-clinic-dental']);
    }
    // Words are words: "near" must appear, like any other word, so nothing matches here.
    expect(await slugs({ text: 'dental NEAR' })).toEqual([]);
  });
});

describe('a large directory', () => {
  it('counts up to a cap, and says there are more', async () => {
    const { addSyntheticServices } = await import('../../bench/synthetic-directory');
    const big = await makeTestApp();
    await addSyntheticServices(big.db, 1_100, seededAt);
    const result = await searchResources(big.db, { ...base, pageSize: 10 }, seededAt);
    expect(result).toMatchObject({ total: 1000, more: true, pageCount: 100 });
    const narrow = await searchResources(
      big.db,
      { ...base, text: 'dental care', city: 'Marrowby' },
      seededAt,
    );
    expect(narrow.more).toBe(false);
    expect(narrow.total).toBeGreaterThan(0);
    const html = await (await big.app.request('/resources')).text();
    expect(html).toContain('More than 1,000 services found.');
    big.close();
  });
});

describe('page numbers', () => {
  it('stop at the last page the capped count can reach: a larger one reads as the first', async () => {
    const { readResourceSearch } = await import('../../../worker/resources/input');
    expect(readResourceSearch({ page: '100' }).page).toBe(100);
    expect(readResourceSearch({ page: '101' }).page).toBe(1);
    expect(readResourceSearch({ page: '1000' }).page).toBe(1);
  });
});
