import { sql, type SQL } from 'drizzle-orm';
import { openNowExpression } from '../open-now';
import type { ResourceSearch } from '../types';

/**
 * The filters of a search as SQL on the service `s`. A filter is either a set of service ids
 * worked out once from an index (when nothing else leads, so SQLite may start from the most
 * selective one), or, when the full-text match or the places near a point lead (`byKey`), a
 * check of each candidate by key: the cost then follows the number of candidates, not the size
 * of the directory. The radius itself is not here: each path bounds distance its own way.
 */
export const searchFilters = (search: ResourceSearch, byKey: boolean): SQL[] => {
  const where: SQL[] = [sql`s.status = 'active'`];
  if (search.category) {
    where.push(
      byKey
        ? sql`EXISTS (SELECT 1 FROM attributes a JOIN taxonomy_terms tt ON tt.id = a.taxonomy_term_id WHERE a.link_id = s.id AND tt.code = ${search.category})`
        : sql`s.id IN (SELECT a.link_id FROM taxonomy_terms tt JOIN attributes a ON a.taxonomy_term_id = tt.id WHERE tt.code = ${search.category})`,
    );
  }
  if (search.language) {
    where.push(
      byKey
        ? sql`EXISTS (SELECT 1 FROM languages lg WHERE lg.service_id = s.id AND lg.code = ${search.language})`
        : sql`s.id IN (SELECT lg.service_id FROM languages lg WHERE lg.code = ${search.language})`,
    );
  }
  if (search.city === 'online') {
    where.push(sql`NOT EXISTS (SELECT 1 FROM service_at_location sal JOIN locations l ON l.id = sal.location_id
      WHERE sal.service_id = s.id AND l.location_type <> 'virtual')`);
  } else if (search.city) {
    where.push(
      byKey
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
  return where;
};

/**
 * The order of results. "Open now" is worked out only for the rows of the page (or as a
 * filter): deciding it for every service just to sort by it would scale with the directory.
 */
export const searchOrder = (search: ResourceSearch, hasText: boolean): SQL => {
  // Relevance: the hits with every word in a name first (tier 0), each tier by its own rank.
  const byRank = hasText ? sql`tier ASC, rank ASC, ` : sql``;
  if (search.sort === 'distance' && search.near) return sql`distance2 ASC NULLS LAST, ${byRank}verified_at DESC, name`;
  if (search.sort === 'verified') return sql`verified_at DESC, ${byRank}name`;
  return sql`${byRank}verified_at DESC, name`;
};
