import { sql, type SQL } from 'drizzle-orm';
import type { Database } from './database';
import { openNowExpression, zoneNowTable, zonesInUse } from './resources-open-now';
import { toMatchQuery } from './resources-text-query';
import type { ResourceSearch, ResourceSearchResult, ResourceSummary } from './resources-types';

const KM_PER_DEGREE = 111.2;
/** Results are counted up to this many. */
export const MAX_COUNTED = 1000;

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

// A filter is either a set of service ids worked out once from an index (when no words are given,
// so SQLite may start from the most selective one), or, when the full-text match leads, a check
// of each hit by key: the cost then follows the number of hits, not the size of the directory.
const filtersOf = (search: ResourceSearch, textLeads: boolean): SQL[] => {
  const where: SQL[] = [sql`s.status = 'active'`];
  if (search.category) {
    where.push(
      textLeads
        ? sql`EXISTS (SELECT 1 FROM attributes a JOIN taxonomy_terms tt ON tt.id = a.taxonomy_term_id WHERE a.link_id = s.id AND tt.code = ${search.category})`
        : sql`s.id IN (SELECT a.link_id FROM taxonomy_terms tt JOIN attributes a ON a.taxonomy_term_id = tt.id WHERE tt.code = ${search.category})`,
    );
  }
  if (search.language) {
    where.push(
      textLeads
        ? sql`EXISTS (SELECT 1 FROM languages lg WHERE lg.service_id = s.id AND lg.code = ${search.language})`
        : sql`s.id IN (SELECT lg.service_id FROM languages lg WHERE lg.code = ${search.language})`,
    );
  }
  if (search.city === 'online') {
    where.push(sql`NOT EXISTS (SELECT 1 FROM service_at_location sal JOIN locations l ON l.id = sal.location_id
      WHERE sal.service_id = s.id AND l.location_type <> 'virtual')`);
  } else if (search.city) {
    where.push(
      textLeads
        ? sql`EXISTS (SELECT 1 FROM service_at_location sal JOIN addresses ad ON ad.location_id = sal.location_id WHERE sal.service_id = s.id AND ad.city = ${search.city})`
        : sql`s.id IN (SELECT sal.service_id FROM addresses ad JOIN service_at_location sal ON sal.location_id = ad.location_id WHERE ad.city = ${search.city})`,
    );
  }
  if (search.free) {
    // Free: it has cost options, and none of them costs anything (an unknown amount is not free).
    where.push(sql`EXISTS (SELECT 1 FROM cost_options c WHERE c.service_id = s.id)
      AND NOT EXISTS (SELECT 1 FROM cost_options c WHERE c.service_id = s.id AND coalesce(c.amount, 1) > 0)`);
  }
  if (search.walkIn) where.push(sql`s.walk_in = 1`);
  if (search.traumaInformed) where.push(sql`s.trauma_informed = 1`);
  if (search.survivorLed) where.push(sql`s.survivor_led = 1`);
  // Tested service by service: pages and counts stop early (LIMIT), so only the services reached
  // are tested, however many are open.
  if (search.openNow) where.push(openNowExpression(sql`s.id`));
  if (search.near?.radiusKm) where.push(withinBox(search.near));
  return where;
};

// "Open now" is worked out only for the rows of the page (or as a filter): deciding it for every
// service just to sort by it would make a search of the whole directory scale with its size.
const orderOf = (search: ResourceSearch, hasText: boolean): SQL => {
  const byRank = hasText ? sql`rank ASC, ` : sql``;
  if (search.sort === 'distance' && search.near) return sql`distance2 ASC NULLS LAST, ${byRank}verified_at DESC, name`;
  if (search.sort === 'verified') return sql`verified_at DESC, ${byRank}name`;
  return sql`${byRank}verified_at DESC, name`;
};

/** With a radius, only places inside its bounding box are measured (the latitude is indexed). */
const withinBox = (near: NonNullable<ResourceSearch['near']>): SQL => {
  const dLat = near.radiusKm! / KM_PER_DEGREE;
  const dLon = near.radiusKm! / (KM_PER_DEGREE * Math.max(0.01, Math.cos((near.latitude * Math.PI) / 180)));
  // Widened by 0.1° for confidential places, which count by a rounded cell.
  return sql`s.id IN (SELECT sal.service_id FROM locations l JOIN service_at_location sal ON sal.location_id = l.id
    WHERE l.latitude BETWEEN ${near.latitude - dLat - 0.1} AND ${near.latitude + dLat + 0.1}
      AND l.longitude BETWEEN ${near.longitude - dLon - 0.1} AND ${near.longitude + dLon + 0.1})`;
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
  const filters = filtersOf(search, !!match);
  const ctes: SQL[] = [zoneNowTable(await zonesInUse(db), now)];
  // Longitude degrees shrink with latitude: kx turns them into km where the person is.
  ctes.push(
    near
      ? sql`here(lat, lon, kx) AS (VALUES (${near.latitude}, ${near.longitude}, ${KM_PER_DEGREE * Math.cos((near.latitude * Math.PI) / 180)}))`
      : sql`here(lat, lon, kx) AS (VALUES (NULL, NULL, NULL))`,
  );
  // With words, the full-text index leads: CROSS JOIN fixes that join order in SQLite, so the
  // match runs once and each hit is looked up by key (never the match re-run for every service a
  // filter lets through). bm25 ranks names first; it is only computed where a rank is asked for.
  ctes.push(sql`base AS (
    SELECT s.id, s.slug, s.name, s.content_language, s.verified_at,
      o.name AS organization_name, o.content_language AS organization_language,
      ${match ? sql`bm25(services_fts, 10.0, 6.0, 1.0, 4.0, 5.0)` : sql`0`} AS rank,
      ${near ? distanceSquared : sql`NULL`} AS distance2
    FROM ${match ? sql`services_fts CROSS JOIN services_fts_map m ON m.rowid = services_fts.rowid CROSS JOIN services s ON s.id = m.service_id` : sql`services s`}
    JOIN organizations o ON o.id = s.organization_id
    CROSS JOIN here
    WHERE ${match ? sql`services_fts MATCH ${match} AND ` : sql``}${sql.join(filters, sql` AND `)})`);
  const outer = near?.radiusKm ? sql`distance2 <= ${near.radiusKm * near.radiusKm}` : sql`1 = 1`;
  const withCtes = sql`WITH ${sql.join(ctes, sql`, `)}`;

  // Two statements side by side: the page (ordered, limited: an index can serve it) and the count.
  // A window count over every row would force the whole result to be built and sorted. (Not a
  // db.batch: drizzle's D1 batch cannot bind parameters of raw SQL.)
  const [rows, counted] = await Promise.all([
    db.all<Row>(sql`${withCtes},
      page AS (SELECT base.* FROM base WHERE ${outer}
        ORDER BY ${orderOf(search, !!match)} LIMIT ${search.pageSize} OFFSET ${(search.page - 1) * search.pageSize})
      SELECT page.*,
        ${openNowExpression(sql`page.id`)} AS open_now,
        (SELECT group_concat(code) FROM (SELECT DISTINCT lg.code FROM languages lg WHERE lg.service_id = page.id AND lg.code IS NOT NULL ORDER BY lg.code)) AS language_codes,
        (SELECT group_concat(tt.code) FROM attributes a JOIN taxonomy_terms tt ON tt.id = a.taxonomy_term_id WHERE a.link_id = page.id) AS category_codes,
        (SELECT ad.city FROM service_at_location sal JOIN addresses ad ON ad.location_id = sal.location_id
          WHERE sal.service_id = page.id ORDER BY sal.id LIMIT 1) AS city,
        (SELECT count(*) FROM cost_options c WHERE c.service_id = page.id) AS cost_count,
        (SELECT max(coalesce(c.amount, 1)) FROM cost_options c WHERE c.service_id = page.id) AS max_amount,
        (SELECT min(c.amount) FROM cost_options c WHERE c.service_id = page.id AND c.amount > 0) AS min_amount,
        (SELECT c.currency FROM cost_options c WHERE c.service_id = page.id AND c.amount > 0 ORDER BY c.amount LIMIT 1) AS currency,
        (SELECT c.option FROM cost_options c WHERE c.service_id = page.id ORDER BY c.id LIMIT 1) AS cost_option
      FROM page ORDER BY ${orderOf(search, !!match)}`),
    // Counted up to a cap: "more than 1,000" says enough, and a broad search stays cheap however big the directory.
    db.all<{ total: number }>(sql`${withCtes} SELECT count(*) AS total FROM (SELECT 1 FROM base WHERE ${outer} LIMIT ${MAX_COUNTED + 1})`),
  ]);
  const found = counted[0]?.total ?? 0;
  const total = Math.min(found, MAX_COUNTED);
  return {
    items: rows.map(toSummary),
    total,
    more: found > MAX_COUNTED,
    page: search.page,
    pageCount: Math.max(1, Math.ceil(total / search.pageSize)),
  };
};
