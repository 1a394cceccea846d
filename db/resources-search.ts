import { sql, type SQL } from 'drizzle-orm';
import type { Database } from './database';
import { openNowExpression, zoneNowTable, zonesInUse } from './resources-open-now';
import { toMatchQuery } from './resources-text-query';
import type { ResourceSearch, ResourceSearchResult, ResourceSummary } from './resources-types';

const KM_PER_DEGREE = 111.2;

/** Squared distance in km² from `here` to the service's nearest located place; null if it has none. */
const distanceSquared = sql`(
  SELECT min(
    (lat - here.lat) * (lat - here.lat) * ${KM_PER_DEGREE * KM_PER_DEGREE}
    + (lon - here.lon) * (lon - here.lon) * here.kx * here.kx)
  FROM (
    -- A confidential place counts only by a ~10 km cell, so distances cannot be used to find it.
    SELECT CASE WHEN l.confidential_location THEN round(l.latitude, 1) ELSE l.latitude END AS lat,
           CASE WHEN l.confidential_location THEN round(l.longitude, 1) ELSE l.longitude END AS lon
    FROM service_at_location sal JOIN locations l ON l.id = sal.location_id
    WHERE sal.service_id = s.id AND l.latitude IS NOT NULL AND l.longitude IS NOT NULL
  )
)`;

const filtersOf = (search: ResourceSearch): SQL[] => {
  const where: SQL[] = [sql`s.status = 'active'`];
  if (search.category) {
    where.push(sql`EXISTS (SELECT 1 FROM attributes a JOIN taxonomy_terms tt ON tt.id = a.taxonomy_term_id
      WHERE a.link_id = s.id AND tt.code = ${search.category})`);
  }
  if (search.language) where.push(sql`EXISTS (SELECT 1 FROM languages lg WHERE lg.service_id = s.id AND lg.code = ${search.language})`);
  if (search.city === 'online') {
    where.push(sql`NOT EXISTS (SELECT 1 FROM service_at_location sal JOIN locations l ON l.id = sal.location_id
      WHERE sal.service_id = s.id AND l.location_type <> 'virtual')`);
  } else if (search.city) {
    where.push(sql`EXISTS (SELECT 1 FROM service_at_location sal JOIN addresses ad ON ad.location_id = sal.location_id
      WHERE sal.service_id = s.id AND ad.city = ${search.city} COLLATE NOCASE)`);
  }
  if (search.free) {
    where.push(sql`EXISTS (SELECT 1 FROM cost_options c WHERE c.service_id = s.id)
      AND NOT EXISTS (SELECT 1 FROM cost_options c WHERE c.service_id = s.id AND coalesce(c.amount, 1) > 0)`);
  }
  if (search.walkIn) where.push(sql`s.walk_in = 1`);
  if (search.traumaInformed) where.push(sql`s.trauma_informed = 1`);
  if (search.survivorLed) where.push(sql`s.survivor_led = 1`);
  return where;
};

const orderOf = (search: ResourceSearch, hasText: boolean): SQL => {
  const byRank = hasText ? sql`rank ASC, ` : sql``;
  switch (search.sort) {
    case 'distance':
      return search.near ? sql`distance2 ASC NULLS LAST, ${byRank}name` : sql`${byRank}open_now DESC, verified_at DESC NULLS LAST, name`;
    case 'verified':
      return sql`verified_at DESC NULLS LAST, ${byRank}name`;
    default:
      return sql`${byRank}open_now DESC, verified_at DESC NULLS LAST, name`;
  }
};

interface Row {
  id: string;
  slug: string;
  name: string;
  content_language: string;
  organization_name: string;
  organization_language: string;
  verified_at: number | null;
  open_now: number;
  distance2: number | null;
  total: number;
  language_codes: string | null;
  category_codes: string | null;
  city: string | null;
  cost_count: number;
  max_amount: number | null;
  min_amount: number | null;
  currency: string | null;
  cost_option: string | null;
}

const toSummary = (row: Row): ResourceSummary => ({
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
  free: row.cost_count > 0 && (row.max_amount ?? 1) === 0,
  lowestCost: row.min_amount === null ? null : { amount: row.min_amount, currency: row.currency ?? 'CAD' },
  costOption: row.cost_count > 0 && (row.max_amount ?? 1) > 0 ? row.cost_option : null,
  verifiedAt: row.verified_at === null ? null : new Date(row.verified_at * 1000),
  distanceKm: row.distance2 === null ? null : Math.sqrt(row.distance2),
});

/**
 * Searches the directory: free text (FTS5, ranked by bm25 with names weighing most) and filters,
 * one page at a time, with the total. `now` decides "open now"; pass it to test any moment.
 */
export const searchResources = async (db: Database, search: ResourceSearch, now: Date): Promise<ResourceSearchResult> => {
  const match = search.text ? toMatchQuery(search.text) : null;
  const near = search.near;
  const ctes: SQL[] = [zoneNowTable(await zonesInUse(db), now)];
  // Longitude degrees shrink with latitude: kx turns them into km where the person is.
  ctes.push(
    near
      ? sql`here(lat, lon, kx) AS (VALUES (${near.latitude}, ${near.longitude}, ${KM_PER_DEGREE * Math.cos((near.latitude * Math.PI) / 180)}))`
      : sql`here(lat, lon, kx) AS (VALUES (NULL, NULL, NULL))`,
  );
  if (match) {
    ctes.push(sql`matched AS (
      SELECT m.service_id AS service_id, bm25(services_fts, 10.0, 6.0, 1.0, 4.0, 5.0) AS rank
      FROM services_fts JOIN services_fts_map m ON m.rowid = services_fts.rowid
      WHERE services_fts MATCH ${match})`);
  }
  ctes.push(sql`base AS (
    SELECT s.id, s.slug, s.name, s.content_language, s.verified_at,
      o.name AS organization_name, o.content_language AS organization_language,
      ${match ? sql`matched.rank` : sql`0`} AS rank,
      ${near ? distanceSquared : sql`NULL`} AS distance2,
      ${openNowExpression(sql`s.id`)} AS open_now
    FROM services s JOIN organizations o ON o.id = s.organization_id
    ${match ? sql`JOIN matched ON matched.service_id = s.id` : sql``}
    CROSS JOIN here
    WHERE ${sql.join(filtersOf(search), sql` AND `)})`);
  const outer: SQL[] = [sql`1 = 1`];
  if (search.openNow) outer.push(sql`open_now = 1`);
  if (near?.radiusKm) outer.push(sql`distance2 <= ${near.radiusKm * near.radiusKm}`);
  ctes.push(sql`page AS (
    SELECT base.*, count(*) OVER () AS total, row_number() OVER (ORDER BY ${orderOf(search, !!match)}) AS position
    FROM base WHERE ${sql.join(outer, sql` AND `)}
    ORDER BY position LIMIT ${search.pageSize} OFFSET ${(search.page - 1) * search.pageSize})`);

  const rows = await db.all<Row>(sql`WITH ${sql.join(ctes, sql`, `)}
    SELECT page.*,
      (SELECT group_concat(code) FROM (SELECT DISTINCT lg.code FROM languages lg WHERE lg.service_id = page.id AND lg.code IS NOT NULL ORDER BY lg.code)) AS language_codes,
      (SELECT group_concat(tt.code) FROM attributes a JOIN taxonomy_terms tt ON tt.id = a.taxonomy_term_id WHERE a.link_id = page.id) AS category_codes,
      (SELECT ad.city FROM service_at_location sal JOIN addresses ad ON ad.location_id = sal.location_id
        WHERE sal.service_id = page.id ORDER BY sal.id LIMIT 1) AS city,
      (SELECT count(*) FROM cost_options c WHERE c.service_id = page.id) AS cost_count,
      (SELECT max(coalesce(c.amount, 1)) FROM cost_options c WHERE c.service_id = page.id) AS max_amount,
      (SELECT min(c.amount) FROM cost_options c WHERE c.service_id = page.id AND c.amount > 0) AS min_amount,
      (SELECT c.currency FROM cost_options c WHERE c.service_id = page.id AND c.amount > 0 ORDER BY c.amount LIMIT 1) AS currency,
      (SELECT c.option FROM cost_options c WHERE c.service_id = page.id ORDER BY c.id LIMIT 1) AS cost_option
    FROM page ORDER BY position`);

  const total = rows[0]?.total ?? 0;
  // Past the last page there are no rows to carry the total: count separately.
  if (rows.length === 0 && search.page > 1) {
    return searchResources(db, { ...search, page: 1, pageSize: 1 }, now).then((first) => ({
      items: [],
      total: first.total,
      page: search.page,
      pageCount: Math.max(1, Math.ceil(first.total / search.pageSize)),
    }));
  }
  return { items: rows.map(toSummary), total, page: search.page, pageCount: Math.max(1, Math.ceil(total / search.pageSize)) };
};
