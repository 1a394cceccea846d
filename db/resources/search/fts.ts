import { sql } from 'drizzle-orm';
import type { Database } from '../../core/database';

/**
 * The statements that rebuild the search index (and the search rows) from scratch, in order. What is indexed is
 * defined by the views services_search_text and services_names_text (migrations 0010_resources_fts and
 * 0028_search_facets_names) and service_search_row_values (0033_search_rows_whole_on_insert), which the triggers
 * write too, so this and the triggers can never disagree. Exported so the rebuild can be sent to D1 as a file too.
 */
export const REBUILD_SEARCH_INDEX_SQL = [
  'DELETE FROM services_fts',
  'DELETE FROM services_fts_map WHERE service_id NOT IN (SELECT id FROM services)',
  'INSERT OR IGNORE INTO services_fts_map(service_id) SELECT id FROM services',
  `INSERT INTO services_fts(rowid, name, alternate_name, description, organization, terms, facets)
     SELECT m.rowid, v.name, v.alternate_name, v.description, v.organization, v.terms, v.facets
     FROM services_search_text v JOIN services_fts_map m ON m.service_id = v.service_id`,
  "INSERT INTO services_fts(services_fts) VALUES ('optimize')",
  // The names alone, ranked first by a search (migration 0028), by the same rowids.
  'DELETE FROM services_names_fts',
  `INSERT INTO services_names_fts(rowid, name, alternate_name, organization, pad)
     SELECT m.rowid, v.name, v.alternate_name, v.organization, v.pad
     FROM services_names_text v JOIN services_fts_map m ON m.service_id = v.service_id`,
  "INSERT INTO services_names_fts(services_names_fts) VALUES ('optimize')",
  // What a search checks of each service, by the same rowids: the view the insert trigger writes too (migration 0033).
  'DELETE FROM service_search_rows',
  `INSERT INTO service_search_rows (id, service_id, active, walk_in, trauma_informed, survivor_led, free, online, categories, languages, cities,
       hours_zone, day_mask, opens_minute, closes_minute, place_count, latitude, longitude)
     SELECT m.rowid, r.service_id, r.active, r.walk_in, r.trauma_informed, r.survivor_led, r.free, r.online, r.categories, r.languages, r.cities,
       r.hours_zone, r.day_mask, r.opens_minute, r.closes_minute, r.place_count, r.latitude, r.longitude
     FROM service_search_row_values r JOIN services_fts_map m ON m.service_id = r.service_id`,
] as const;

/** Rebuilds the full-text index of services in one atomic batch; returns how many were indexed. */
export const rebuildResourceSearchIndex = async (db: Database): Promise<number> => {
  const [first, ...rest] = REBUILD_SEARCH_INDEX_SQL.map((statement) => db.run(sql.raw(statement)));
  await db.batch([first!, ...rest]);
  const row = await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM services_fts`);
  return row?.n ?? 0;
};
