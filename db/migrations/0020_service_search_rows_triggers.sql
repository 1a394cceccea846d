-- service_search_rows: one row per service with what a search checks (see schema.ts), so a count
-- or a filter tests a candidate with one lookup. Its values are defined once, by the view
-- service_search_values, so these triggers, the first fill below and the rebuild
-- (db/resources-fts.ts) cannot disagree. A row's id is the service's rowid in services_fts
-- (services_fts_map), given when the service is inserted and kept afterwards, so a rename of the
-- service's id keeps its place. Lists are codes or cities between char(31) marks. Rows change by
-- UPDATE, not INSERT OR REPLACE: an import's upsert overrides a trigger's conflict clause.
CREATE VIEW service_search_values AS
SELECT
  s.id AS service_id,
  s.status = 'active' AS active,
  coalesce(s.walk_in = 1, 0) AS walk_in,
  coalesce(s.trauma_informed = 1, 0) AS trauma_informed,
  coalesce(s.survivor_led = 1, 0) AS survivor_led,
  EXISTS (SELECT 1 FROM cost_options c WHERE c.service_id = s.id)
    AND NOT EXISTS (SELECT 1 FROM cost_options c WHERE c.service_id = s.id AND coalesce(c.amount, 1) > 0) AS free,
  NOT EXISTS (SELECT 1 FROM service_at_location sal JOIN locations l ON l.id = sal.location_id
    WHERE sal.service_id = s.id AND l.location_type <> 'virtual') AS online,
  char(31) || coalesce((SELECT group_concat(tt.code, char(31)) FROM attributes a JOIN taxonomy_terms tt ON tt.id = a.taxonomy_term_id
    WHERE a.link_id = s.id AND tt.code IS NOT NULL), '') || char(31) AS categories,
  char(31) || coalesce((SELECT group_concat(lg.code, char(31)) FROM languages lg
    WHERE lg.service_id = s.id AND lg.code IS NOT NULL), '') || char(31) AS languages,
  char(31) || coalesce((SELECT group_concat(ad.city, char(31)) FROM service_at_location sal JOIN addresses ad ON ad.location_id = sal.location_id
    WHERE sal.service_id = s.id), '') || char(31) AS cities
FROM services s JOIN organizations o ON o.id = s.organization_id;
--> statement-breakpoint
CREATE TRIGGER service_search_rows_after_service_insert AFTER INSERT ON services BEGIN
  INSERT OR IGNORE INTO services_fts_map(service_id) VALUES (new.id);
  DELETE FROM service_search_rows WHERE service_id = new.id;
  INSERT INTO service_search_rows (id, service_id, active, walk_in, trauma_informed, survivor_led, free, online, categories, languages, cities)
    SELECT m.rowid, v.service_id, v.active, v.walk_in, v.trauma_informed, v.survivor_led, v.free, v.online, v.categories, v.languages, v.cities
    FROM service_search_values v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (new.id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_rows_after_service_update AFTER UPDATE OF id, status, walk_in, trauma_informed, survivor_led, organization_id ON services BEGIN
  UPDATE service_search_rows SET service_id = new.id WHERE service_id = old.id;
  UPDATE service_search_rows SET active = v.active, walk_in = v.walk_in, trauma_informed = v.trauma_informed,
      survivor_led = v.survivor_led, free = v.free, online = v.online, categories = v.categories, languages = v.languages, cities = v.cities
    FROM service_search_values v
    WHERE v.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (new.id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_rows_after_service_delete AFTER DELETE ON services BEGIN
  DELETE FROM service_search_rows WHERE service_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER service_search_rows_after_organization_delete AFTER DELETE ON organizations BEGIN
  DELETE FROM service_search_rows WHERE service_id IN (SELECT id FROM services WHERE organization_id = old.id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_rows_after_attributes_insert AFTER INSERT ON attributes BEGIN
  UPDATE service_search_rows SET active = v.active, walk_in = v.walk_in, trauma_informed = v.trauma_informed,
      survivor_led = v.survivor_led, free = v.free, online = v.online, categories = v.categories, languages = v.languages, cities = v.cities
    FROM service_search_values v
    WHERE v.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (new.link_id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_rows_after_attributes_update AFTER UPDATE OF link_id, taxonomy_term_id ON attributes BEGIN
  UPDATE service_search_rows SET active = v.active, walk_in = v.walk_in, trauma_informed = v.trauma_informed,
      survivor_led = v.survivor_led, free = v.free, online = v.online, categories = v.categories, languages = v.languages, cities = v.cities
    FROM service_search_values v
    WHERE v.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (old.link_id, new.link_id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_rows_after_attributes_delete AFTER DELETE ON attributes BEGIN
  UPDATE service_search_rows SET active = v.active, walk_in = v.walk_in, trauma_informed = v.trauma_informed,
      survivor_led = v.survivor_led, free = v.free, online = v.online, categories = v.categories, languages = v.languages, cities = v.cities
    FROM service_search_values v
    WHERE v.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (old.link_id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_rows_after_languages_insert AFTER INSERT ON languages BEGIN
  UPDATE service_search_rows SET active = v.active, walk_in = v.walk_in, trauma_informed = v.trauma_informed,
      survivor_led = v.survivor_led, free = v.free, online = v.online, categories = v.categories, languages = v.languages, cities = v.cities
    FROM service_search_values v
    WHERE v.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (new.service_id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_rows_after_languages_update AFTER UPDATE OF service_id, code ON languages BEGIN
  UPDATE service_search_rows SET active = v.active, walk_in = v.walk_in, trauma_informed = v.trauma_informed,
      survivor_led = v.survivor_led, free = v.free, online = v.online, categories = v.categories, languages = v.languages, cities = v.cities
    FROM service_search_values v
    WHERE v.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (old.service_id, new.service_id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_rows_after_languages_delete AFTER DELETE ON languages BEGIN
  UPDATE service_search_rows SET active = v.active, walk_in = v.walk_in, trauma_informed = v.trauma_informed,
      survivor_led = v.survivor_led, free = v.free, online = v.online, categories = v.categories, languages = v.languages, cities = v.cities
    FROM service_search_values v
    WHERE v.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (old.service_id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_rows_after_cost_options_insert AFTER INSERT ON cost_options BEGIN
  UPDATE service_search_rows SET active = v.active, walk_in = v.walk_in, trauma_informed = v.trauma_informed,
      survivor_led = v.survivor_led, free = v.free, online = v.online, categories = v.categories, languages = v.languages, cities = v.cities
    FROM service_search_values v
    WHERE v.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (new.service_id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_rows_after_cost_options_update AFTER UPDATE OF service_id, amount ON cost_options BEGIN
  UPDATE service_search_rows SET active = v.active, walk_in = v.walk_in, trauma_informed = v.trauma_informed,
      survivor_led = v.survivor_led, free = v.free, online = v.online, categories = v.categories, languages = v.languages, cities = v.cities
    FROM service_search_values v
    WHERE v.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (old.service_id, new.service_id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_rows_after_cost_options_delete AFTER DELETE ON cost_options BEGIN
  UPDATE service_search_rows SET active = v.active, walk_in = v.walk_in, trauma_informed = v.trauma_informed,
      survivor_led = v.survivor_led, free = v.free, online = v.online, categories = v.categories, languages = v.languages, cities = v.cities
    FROM service_search_values v
    WHERE v.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (old.service_id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_rows_after_service_at_location_insert AFTER INSERT ON service_at_location BEGIN
  UPDATE service_search_rows SET active = v.active, walk_in = v.walk_in, trauma_informed = v.trauma_informed,
      survivor_led = v.survivor_led, free = v.free, online = v.online, categories = v.categories, languages = v.languages, cities = v.cities
    FROM service_search_values v
    WHERE v.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (new.service_id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_rows_after_service_at_location_update AFTER UPDATE OF service_id, location_id ON service_at_location BEGIN
  UPDATE service_search_rows SET active = v.active, walk_in = v.walk_in, trauma_informed = v.trauma_informed,
      survivor_led = v.survivor_led, free = v.free, online = v.online, categories = v.categories, languages = v.languages, cities = v.cities
    FROM service_search_values v
    WHERE v.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (old.service_id, new.service_id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_rows_after_service_at_location_delete AFTER DELETE ON service_at_location BEGIN
  UPDATE service_search_rows SET active = v.active, walk_in = v.walk_in, trauma_informed = v.trauma_informed,
      survivor_led = v.survivor_led, free = v.free, online = v.online, categories = v.categories, languages = v.languages, cities = v.cities
    FROM service_search_values v
    WHERE v.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (old.service_id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_rows_after_addresses_insert AFTER INSERT ON addresses BEGIN
  UPDATE service_search_rows SET active = v.active, walk_in = v.walk_in, trauma_informed = v.trauma_informed,
      survivor_led = v.survivor_led, free = v.free, online = v.online, categories = v.categories, languages = v.languages, cities = v.cities
    FROM service_search_values v
    WHERE v.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (SELECT service_id FROM service_at_location WHERE location_id = new.location_id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_rows_after_addresses_update AFTER UPDATE OF location_id, city ON addresses BEGIN
  UPDATE service_search_rows SET active = v.active, walk_in = v.walk_in, trauma_informed = v.trauma_informed,
      survivor_led = v.survivor_led, free = v.free, online = v.online, categories = v.categories, languages = v.languages, cities = v.cities
    FROM service_search_values v
    WHERE v.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (SELECT service_id FROM service_at_location WHERE location_id = old.location_id UNION ALL SELECT service_id FROM service_at_location WHERE location_id = new.location_id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_rows_after_addresses_delete AFTER DELETE ON addresses BEGIN
  UPDATE service_search_rows SET active = v.active, walk_in = v.walk_in, trauma_informed = v.trauma_informed,
      survivor_led = v.survivor_led, free = v.free, online = v.online, categories = v.categories, languages = v.languages, cities = v.cities
    FROM service_search_values v
    WHERE v.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (SELECT service_id FROM service_at_location WHERE location_id = old.location_id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_rows_after_location_update AFTER UPDATE OF location_type ON locations BEGIN
  UPDATE service_search_rows SET active = v.active, walk_in = v.walk_in, trauma_informed = v.trauma_informed,
      survivor_led = v.survivor_led, free = v.free, online = v.online, categories = v.categories, languages = v.languages, cities = v.cities
    FROM service_search_values v
    WHERE v.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (SELECT service_id FROM service_at_location WHERE location_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_rows_after_taxonomy_term_update AFTER UPDATE OF code ON taxonomy_terms BEGIN
  UPDATE service_search_rows SET active = v.active, walk_in = v.walk_in, trauma_informed = v.trauma_informed,
      survivor_led = v.survivor_led, free = v.free, online = v.online, categories = v.categories, languages = v.languages, cities = v.cities
    FROM service_search_values v
    WHERE v.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (SELECT link_id FROM attributes WHERE taxonomy_term_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_rows_after_taxonomy_term_delete AFTER DELETE ON taxonomy_terms BEGIN
  UPDATE service_search_rows SET active = v.active, walk_in = v.walk_in, trauma_informed = v.trauma_informed,
      survivor_led = v.survivor_led, free = v.free, online = v.online, categories = v.categories, languages = v.languages, cities = v.cities
    FROM service_search_values v
    WHERE v.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (SELECT link_id FROM attributes WHERE taxonomy_term_id = old.id);
END;
--> statement-breakpoint
-- First fill; the same statements rebuild it (REBUILD_SEARCH_INDEX_SQL).
INSERT OR IGNORE INTO services_fts_map(service_id) SELECT id FROM services;
--> statement-breakpoint
INSERT INTO service_search_rows (id, service_id, active, walk_in, trauma_informed, survivor_led, free, online, categories, languages, cities)
  SELECT m.rowid, v.service_id, v.active, v.walk_in, v.trauma_informed, v.survivor_led, v.free, v.online, v.categories, v.languages, v.cities
  FROM service_search_values v JOIN services_fts_map m ON m.service_id = v.service_id;
