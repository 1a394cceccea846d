import type { ResourceSearch, ResourceSearchFilter } from '../../../db/resources/types';
import type { Catalog } from '../../i18n';

/**
 * The query-string half of each search filter, in one table: its keys, how it is read from the
 * query string (worker/resources/input.ts) and written to it (searchParams), and its label.
 * Why here: the worker reads the query string and the views write it, and the worker may import
 * web while web may import only types from db (and db neither), so this pure half lives in web
 * and imports nothing but types. The SQL half of each filter is in
 * db/resources/search/filter-definitions.ts; both are typed by ResourceSearchFilters, so a filter
 * cannot be added to one without the other.
 */

/** Radii offered by the distance filter, in km. */
export const RADII_KM = [2, 5, 10, 25, 50] as const;

/** A query string as the route reads it: one value per key. */
export type SearchQuery = Readonly<Record<string, string | undefined>>;

/** The keys of the resources catalog that name a string. */
type ResourceLabel = {
  [K in keyof Catalog['resources']]: Catalog['resources'][K] extends string ? K : never;
}[keyof Catalog['resources']];

/** One filter's query-string form; `V` is its value in ResourceSearch. */
interface QueryFilter<V> {
  /** How it is set: a checkbox, a list to choose from, or the person's position. */
  kind: 'flag' | 'choice' | 'place';
  /** Its keys in the query string, in the order written. */
  keys: readonly [string, ...string[]];
  /** Its value in the query string. Never fails: a value that makes no sense (a typo, or a hostile URL) is dropped. */
  read: (query: SearchQuery) => V;
  /** Its entries in the query string: none when it is not set, so a URL holds only what differs from the defaults. */
  write: (value: V) => [string, string][];
  /** What it is called on the page: t.resources[label]. */
  label: ResourceLabel;
}

/** The filters that are on or off. */
type FlagFilter = {
  [K in ResourceSearchFilter]: NonNullable<ResourceSearch[K]> extends boolean ? K : never;
}[ResourceSearchFilter];

/** On or off: a checkbox sends "1" ("on" and "true" are read too, for hand-written links). */
const flag = (key: string, label: ResourceLabel): QueryFilter<boolean | undefined> => ({
  kind: 'flag',
  keys: [key],
  read: (query) => query[key] === '1' || query[key] === 'on' || query[key] === 'true',
  write: (on) => (on ? [[key, '1']] : []),
  label,
});

/** One value from a list (a code, a city), kept when it has the shape given. */
const choice = (
  key: string,
  shape: (value: string) => boolean,
  label: ResourceLabel,
): QueryFilter<string | undefined> => ({
  kind: 'choice',
  keys: [key],
  read: (query) => {
    const value = query[key];
    return value !== undefined && shape(value) ? value : undefined;
  },
  write: (value) => (value ? [[key, value]] : []),
  label,
});

/**
 * A coordinate within ±limit, rounded again here whatever the browser sent: about 1 km is all
 * this site ever uses. (Number('') is 0, as it always was.)
 */
const coordinate = (value: string | undefined, limit: number): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  return n >= -limit && n <= limit ? Math.round(n * 100) / 100 : undefined;
};

/** The position is written to two decimals, as it was rounded (about 1 km). */
const COORDINATE_DIGITS = 2;

/** Every filter, in the order of the query string (and of the form). */
export const QUERY_FILTERS: { [K in ResourceSearchFilter]: QueryFilter<ResourceSearch[K]> } = {
  category: choice('category', (code) => /^[a-z0-9-]{1,40}$/.test(code), 'categoryLabel'),
  language: choice('language', (code) => /^[a-z]{2,3}$/.test(code), 'languageLabel'),
  city: choice('city', (city) => city.length >= 1 && city.length <= 100, 'cityLabel'),
  near: {
    kind: 'place',
    keys: ['lat', 'lon', 'within'],
    read: (query) => {
      const latitude = coordinate(query.lat, 90);
      const longitude = coordinate(query.lon, 180);
      if (latitude === undefined || longitude === undefined) return undefined;
      const radiusKm =
        query.within === undefined ? undefined : RADII_KM.find((km) => km === Number(query.within));
      return { latitude, longitude, ...(radiusKm ? { radiusKm } : {}) };
    },
    write: (near) => {
      if (!near) return [];
      const entries: [string, string][] = [
        ['lat', near.latitude.toFixed(COORDINATE_DIGITS)],
        ['lon', near.longitude.toFixed(COORDINATE_DIGITS)],
      ];
      if (near.radiusKm) entries.push(['within', String(near.radiusKm)]);
      return entries;
    },
    label: 'nearMeLegend',
  },
  openNow: flag('open', 'openNow'),
  free: flag('free', 'free'),
  walkIn: flag('walkin', 'walkIn'),
  traumaInformed: flag('trauma', 'traumaInformed'),
  survivorLed: flag('survivor', 'survivorLed'),
};

const NAMES = Object.keys(QUERY_FILTERS) as ResourceSearchFilter[];

/** The checkboxes' filters, in order. */
export const FLAG_FILTERS = NAMES.filter(
  (name): name is FlagFilter => QUERY_FILTERS[name].kind === 'flag',
);

/** Every filter's value read from the query string. */
export const readSearchFilters = (
  query: SearchQuery,
): { [K in ResourceSearchFilter]: ResourceSearch[K] } =>
  Object.fromEntries(NAMES.map((name) => [name, QUERY_FILTERS[name].read(query)])) as {
    [K in ResourceSearchFilter]: ResourceSearch[K];
  };

/** Every set filter's entries, in order. */
export const searchFilterEntries = (search: ResourceSearch): [string, string][] =>
  NAMES.flatMap(<K extends ResourceSearchFilter>(name: K) =>
    QUERY_FILTERS[name].write(search[name]),
  );

/** Whether any filter is set. */
export const hasSearchFilter = (search: ResourceSearch): boolean =>
  NAMES.some((name) => !!search[name]);
