import { sql, type SQL } from 'drizzle-orm';
import { fixedSql } from '../../core/fixed-sql';
import { openNowExpression } from '../open-now';
import type { ResourceSearch, ResourceSummary } from '../types';

/**
 * The SQL pieces every search path shares, so the fast paths and the general one cannot disagree.
 * Those without a value are written out once (fixedSql): drizzle would walk them on every search.
 */

export const KM_PER_DEGREE = 111.2;
// Written into the SQL, not bound: a constant, so distanceSquared can be fixed text.
const KM2_PER_DEGREE2 = sql.raw(String(KM_PER_DEGREE * KM_PER_DEGREE));

/** bm25 with names weighing most, and the filters' facets not at all; lower is better. */
export const BM25 = fixedSql(sql`bm25(services_fts, 10.0, 6.0, 1.0, 4.0, 5.0, 0.0)`);

/** bm25 over the names alone (services_names_fts), with the same weights as BM25; its padding weighs nothing. */
export const NAMES_BM25 = fixedSql(sql`bm25(services_names_fts, 10.0, 6.0, 4.0, 0.0)`);

/** The name hits of a search (`fts_rowid`, `rank`), from services_names_fts. */
export const nameHits = (names: string): SQL =>
  sql`SELECT rowid AS fts_rowid, ${NAMES_BM25} AS rank FROM services_names_fts WHERE services_names_fts MATCH ${names}`;

/**
 * Squared distance in km² from `here` to a service's nearest located place; null if it has
 * none. search_latitude/longitude round a confidential place to a ~10 km cell (see schema.ts).
 */
export const distanceFrom = (serviceId: SQL): SQL => sql`(
  SELECT min(
    (l.search_latitude - here.lat) * (l.search_latitude - here.lat) * ${KM2_PER_DEGREE2}
    + (l.search_longitude - here.lon) * (l.search_longitude - here.lon) * here.kx * here.kx)
  FROM service_at_location sal JOIN locations l ON l.id = sal.location_id
  WHERE sal.service_id = ${serviceId} AND l.search_latitude IS NOT NULL AND l.search_longitude IS NOT NULL
)`;

/** distanceFrom the service `s`. */
export const distanceSquared = fixedSql(distanceFrom(sql`s.id`));

/** The CTE `here(lat, lon, kx)`: kx turns longitude degrees into km where the person is. */
export const hereTable = (near: ResourceSearch['near']): SQL =>
  near
    ? sql`here(lat, lon, kx) AS (VALUES (${near.latitude}, ${near.longitude}, ${KM_PER_DEGREE * Math.cos((near.latitude * Math.PI) / 180)}))`
    : sql`here(lat, lon, kx) AS (VALUES (NULL, NULL, NULL))`;

/**
 * Whether the position (lat, lon) lies within `radiusKm` of `near` (needs `here`): a box first, a
 * hair wider than the circle so rounding never drops a place on its edge (an index range), then
 * the circle, measured as distanceFrom measures it, so both always agree.
 */
export const withinRadius = (
  near: NonNullable<ResourceSearch['near']>,
  radiusKm: number,
  lat: SQL,
  lon: SQL,
): SQL => {
  const dLat = radiusKm / KM_PER_DEGREE + 1e-9;
  const dLon =
    radiusKm / (KM_PER_DEGREE * Math.max(0.01, Math.cos((near.latitude * Math.PI) / 180))) + 1e-9;
  return sql`${lat} BETWEEN ${near.latitude - dLat} AND ${near.latitude + dLat}
      AND ${lon} BETWEEN ${near.longitude - dLon} AND ${near.longitude + dLon}
      AND (${lat} - here.lat) * (${lat} - here.lat) * ${KM2_PER_DEGREE2}
        + (${lon} - here.lon) * (${lon} - here.lon) * here.kx * here.kx <= ${radiusKm * radiusKm}`;
};

/** The services with a place within `radiusKm` of `near` (needs `here`), read from the position index. */
export const placesWithin = (near: NonNullable<ResourceSearch['near']>, radiusKm: number): SQL =>
  sql`(SELECT DISTINCT sal.service_id FROM here CROSS JOIN locations l JOIN service_at_location sal ON sal.location_id = l.id
    WHERE ${withinRadius(near, radiusKm, sql`l.search_latitude`, sql`l.search_longitude`)})`;

export interface Row {
  id: string;
  slug: string;
  name: string;
  content_language: string;
  organization_name: string;
  organization_language: string;
  verified_at: number | null;
  open_now: number;
  distance2: number | null;
  language_codes: string | null;
  category_codes: string | null;
  city: string | null;
  costs: string;
}

/** What a result shows besides the service's own columns, for the rows of one page only (`page`). */
export const PAGE_DETAILS = fixedSql(sql`${openNowExpression('page.id')} AS open_now,
  (SELECT group_concat(code) FROM (SELECT DISTINCT lg.code FROM languages lg WHERE lg.service_id = page.id AND lg.code IS NOT NULL ORDER BY lg.code)) AS language_codes,
  (SELECT group_concat(code) FROM (SELECT tt.code FROM attributes a JOIN taxonomy_terms tt ON tt.id = a.taxonomy_term_id
    WHERE a.link_id = page.id ORDER BY a.rowid)) AS category_codes,
  (SELECT ad.city FROM service_at_location sal JOIN addresses ad ON ad.location_id = sal.location_id
    WHERE sal.service_id = page.id ORDER BY sal.id LIMIT 1) AS city,
  (SELECT json_group_array(json_array(amount, currency, option, id)) FROM (SELECT c.amount, c.currency, c.option, c.id
    FROM cost_options c WHERE c.service_id = page.id ORDER BY c.amount)) AS costs`);

/**
 * A service's cost options as PAGE_DETAILS reads them, `[amount, currency, option, id]`, lowest
 * amount first (unknown first, ties in the order of cost_options_service_idx): one subquery a
 * result, where five (count, highest, lowest, its currency, the first option) each walked them.
 */
type CostRow = [number | null, string | null, string | null, string];

/** What a result says of its cost: free when every option costs nothing; else the lowest price, or the first option's words. */
const costSummary = (json: string): Pick<ResourceSummary, 'free' | 'lowestCost' | 'costOption'> => {
  const costs = JSON.parse(json) as CostRow[];
  if (costs.length === 0) return { free: false, lowestCost: null, costOption: null };
  // An option without an amount counts as paid (it may cost something).
  const highest = Math.max(...costs.map(([amount]) => amount ?? 1));
  const lowest = costs.find(([amount]) => amount !== null && amount > 0);
  const first = costs.reduce((a, b) => (b[3] < a[3] ? b : a));
  return {
    free: highest === 0,
    lowestCost: lowest ? { amount: lowest[0]!, currency: lowest[1] ?? 'CAD' } : null,
    costOption: highest > 0 ? first[2] : null,
  };
};

export const toSummary = (row: Row): ResourceSummary => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  contentLanguage: row.content_language,
  organizationName: row.organization_name,
  organizationLanguage: row.organization_language,
  categories: row.category_codes ? row.category_codes.split(',') : [],
  city: row.city,
  openNow: row.open_now === 1,
  languages: row.language_codes ? row.language_codes.split(',') : [],
  ...costSummary(row.costs),
  verifiedAt: row.verified_at === null ? null : new Date(row.verified_at * 1000),
  distanceKm: row.distance2 === null ? null : Math.sqrt(row.distance2),
});
