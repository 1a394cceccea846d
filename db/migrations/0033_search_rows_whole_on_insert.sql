-- A service's search row is written whole when the service is inserted. Before, the row was
-- inserted by one trigger (0020) and its hours and places filled in by two others (0022, 0024),
-- but SQLite runs the triggers of one event newest first: those two ran before the row existed
-- and changed nothing. A service saved with no hours or no place then kept null hours and place
-- values until a schedule or a place came, while a rebuild writes 'UTC', day mask 0 (never open)
-- and a place count of 0. Search answered the same either way (a null reads the schedules and
-- places again), only slower; but the index was not what a rebuild makes, and a check of a
-- backup or after a crash said so. The rebuild's values are the right ones.
-- What a search row holds is now defined once, by the view service_search_row_values (the
-- views of 0020, 0022 and 0024 side by side): the insert trigger below and the rebuild
-- (db/resources/search/fts.ts) both write it, and the triggers of schedules and places still
-- update their part from their own view. No insert trigger depends on another's order.
CREATE VIEW service_search_row_values AS
SELECT
  v.service_id, v.active, v.walk_in, v.trauma_informed, v.survivor_led, v.free, v.online,
  v.categories, v.languages, v.cities,
  h.hours_zone, h.day_mask, h.opens_minute, h.closes_minute,
  p.place_count, p.latitude, p.longitude
FROM service_search_values v
  JOIN service_search_hours h ON h.service_id = v.service_id
  JOIN service_search_places p ON p.service_id = v.service_id;
--> statement-breakpoint
DROP TRIGGER service_search_hours_after_service_insert;
--> statement-breakpoint
DROP TRIGGER service_search_places_after_service_insert;
--> statement-breakpoint
DROP TRIGGER service_search_rows_after_service_insert;
--> statement-breakpoint
CREATE TRIGGER service_search_rows_after_service_insert AFTER INSERT ON services BEGIN
  INSERT OR IGNORE INTO services_fts_map(service_id) VALUES (new.id);
  DELETE FROM service_search_rows WHERE service_id = new.id;
  INSERT INTO service_search_rows (id, service_id, active, walk_in, trauma_informed, survivor_led, free, online, categories, languages, cities,
      hours_zone, day_mask, opens_minute, closes_minute, place_count, latitude, longitude)
    SELECT m.rowid, r.service_id, r.active, r.walk_in, r.trauma_informed, r.survivor_led, r.free, r.online, r.categories, r.languages, r.cities,
      r.hours_zone, r.day_mask, r.opens_minute, r.closes_minute, r.place_count, r.latitude, r.longitude
    FROM service_search_row_values r JOIN services_fts_map m ON m.service_id = r.service_id
    WHERE r.service_id IN (new.id);
END;
--> statement-breakpoint
-- The rows the old triggers left unfinished: only they have a null day mask or place count.
UPDATE service_search_rows SET hours_zone = r.hours_zone, day_mask = r.day_mask, opens_minute = r.opens_minute, closes_minute = r.closes_minute,
    place_count = r.place_count, latitude = r.latitude, longitude = r.longitude
  FROM service_search_row_values r
  WHERE r.service_id = service_search_rows.service_id AND (service_search_rows.day_mask IS NULL OR service_search_rows.place_count IS NULL);
