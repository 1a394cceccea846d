import { describe, expect, it } from 'vitest';
import type { ResourceSearch } from '../../../db/resources/types';
import { PAGE_SIZE, readResourceSearch } from '../../../worker/resources/input';
import { QUERY_FILTERS, RADII_KM } from '../../../web/views/resources/search-filters';
import { searchUrl } from '../../../web/views/resources/search-url';
import { seededRandom } from '../../support/seeded-random';

// The URL is the whole state of /resources: what the views write (searchUrl) the route must read
// back as the same search (readResourceSearch), and in the same order every time, so a shared or
// bookmarked address keeps meaning what it meant. A fixed seed: the same searches each run.
const random = seededRandom(20261213);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const sometimes = <T>(list: readonly T[], chance = 0.4): T | undefined =>
  random() < chance ? pick(list) : undefined;
/** A coordinate as the route keeps it: hundredths, the edges included. */
const coordinate = (limit: number) =>
  pick([-limit, limit, 0, 0.01, -0.01, Math.round((random() * 2 - 1) * limit * 100) / 100]);

// Values already in the form the reader gives (words trimmed, at most 200 characters), edges and
// characters that mean something in a URL included.
const TEXTS = [
  'legal',
  'food bank',
  'a',
  'é',
  'aide juridique',
  '50% & more = help?',
  'a+b #1 /x',
  'שלום',
  '𝒳 emoji 🙂',
  'x'.repeat(200),
];
const CATEGORIES = ['legal-help', 'a', '0', 'x'.repeat(40), 'mental-health-2'];
const LANGUAGES = ['fr', 'en', 'ar', 'fil', 'zzz'];
const CITIES = [
  'online',
  'Havrebourg',
  'Saint-Jean-sur-Richelieu',
  'Trois Rivières',
  ' spaced ',
  'a&b=c+d',
  'x',
  'y'.repeat(100),
  'Île\x1fmark',
];
const SORTS = ['relevance', 'distance', 'verified'] as const;

const randomSearch = (): ResourceSearch => ({
  text: sometimes(TEXTS),
  category: sometimes(CATEGORIES),
  language: sometimes(LANGUAGES),
  city: sometimes(CITIES),
  near:
    random() < 0.4
      ? {
          latitude: coordinate(90),
          longitude: coordinate(180),
          ...(random() < 0.5 ? { radiusKm: pick(RADII_KM) } : {}),
        }
      : undefined,
  openNow: random() < 0.3,
  free: random() < 0.3,
  walkIn: random() < 0.3,
  traumaInformed: random() < 0.3,
  survivorLed: random() < 0.3,
  sort: pick(SORTS),
  page: pick([1, 1, 2, 37, 100]),
  pageSize: PAGE_SIZE,
});

/** The search the route reads from an address. */
const read = (url: string) =>
  readResourceSearch(Object.fromEntries(new URL(url, 'http://hearth.test').searchParams));
const keysOf = (url: string) => [...new URL(url, 'http://hearth.test').searchParams.keys()];

/** The order of the query string's keys, which shared and bookmarked addresses have. */
const URL_ORDER = [
  'q',
  'category',
  'language',
  'city',
  'lat',
  'lon',
  'within',
  'open',
  'free',
  'walkin',
  'trauma',
  'survivor',
  'sort',
  'page',
];

describe('the address of a search', () => {
  const searches = Array.from({ length: 3000 }, randomSearch);

  it('is read back as the same search, whatever the filters', () => {
    for (const search of searches)
      expect(read(searchUrl(search)), searchUrl(search)).toStrictEqual(search);
  });

  it('exercises every filter, set and not set', () => {
    for (const name of Object.keys(QUERY_FILTERS) as (keyof typeof QUERY_FILTERS)[]) {
      const set = searches.filter((search) => !!search[name]).length;
      expect(set, name).toBeGreaterThan(100);
      expect(searches.length - set, name).toBeGreaterThan(100);
    }
  });

  it('writes its keys in one fixed order, and only what differs from the defaults', () => {
    for (const search of searches) {
      const keys = keysOf(searchUrl(search));
      expect(keys, searchUrl(search)).toEqual(URL_ORDER.filter((key) => keys.includes(key)));
    }
    expect(
      searchUrl({
        sort: 'relevance',
        page: 1,
        pageSize: PAGE_SIZE,
        walkIn: false,
        near: undefined,
      }),
    ).toBe('/resources');
  });

  it('is the same address once read and written again, even from a hand-written or hostile one', () => {
    const RAW: Record<string, readonly string[]> = {
      q: ['  legal  ', '\u202Ehidden', 'x'.repeat(500), ''],
      category: ['legal-help', 'Legal', 'x'.repeat(41), ''],
      language: ['fr', 'FR', 'f', ''],
      city: ['Havrebourg', 'online', '', 'z'.repeat(101)],
      lat: ['45.123', '-90', '90.001', '1e1', ' 3 ', '', 'abc', '-0.001'],
      lon: ['-77.4249', '180', '-180.5', 'x'],
      within: ['5', '05', '5.0', '3', ''],
      open: ['1', 'on', 'true', '0', 'yes'],
      free: ['1', 'on', ''],
      walkin: ['1', 'true', 'x'],
      trauma: ['1', ''],
      survivor: ['1', 'TRUE'],
      sort: ['distance', 'nearest', ''],
      page: ['2', '100', '101', '0', '1.5', ''],
    };
    for (let i = 0; i < 3000; i++) {
      const query = new URLSearchParams();
      for (const [key, values] of Object.entries(RAW))
        if (random() < 0.4) query.set(key, pick(values));
      const once = searchUrl(read(`/resources?${query}`));
      expect(searchUrl(read(once)), `/resources?${query}`).toBe(once);
    }
  });
});
