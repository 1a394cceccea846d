-- search_options_version: one row whose counter rises whenever something the search page lists
-- (categories and their names, languages, cities) or the "open now" test reads (the time zones
-- of places) changes. The filter options and the zones in use are kept per database handle and
-- read again only after it moved (db/resources-options-cache.ts). An UPDATE trigger names only
-- the columns that matter, so the search triggers' writes to places do not move it.
INSERT OR IGNORE INTO search_options_version (id, version) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER search_options_version_after_taxonomy_terms_insert AFTER INSERT ON taxonomy_terms BEGIN
  UPDATE search_options_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER search_options_version_after_taxonomy_terms_update AFTER UPDATE OF code, name, language ON taxonomy_terms BEGIN
  UPDATE search_options_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER search_options_version_after_taxonomy_terms_delete AFTER DELETE ON taxonomy_terms BEGIN
  UPDATE search_options_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER search_options_version_after_taxonomy_term_translations_insert AFTER INSERT ON taxonomy_term_translations BEGIN
  UPDATE search_options_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER search_options_version_after_taxonomy_term_translations_update AFTER UPDATE OF taxonomy_term_id, language, name ON taxonomy_term_translations BEGIN
  UPDATE search_options_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER search_options_version_after_taxonomy_term_translations_delete AFTER DELETE ON taxonomy_term_translations BEGIN
  UPDATE search_options_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER search_options_version_after_languages_insert AFTER INSERT ON languages BEGIN
  UPDATE search_options_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER search_options_version_after_languages_update AFTER UPDATE OF service_id, code ON languages BEGIN
  UPDATE search_options_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER search_options_version_after_languages_delete AFTER DELETE ON languages BEGIN
  UPDATE search_options_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER search_options_version_after_addresses_insert AFTER INSERT ON addresses BEGIN
  UPDATE search_options_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER search_options_version_after_addresses_update AFTER UPDATE OF location_id, city ON addresses BEGIN
  UPDATE search_options_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER search_options_version_after_addresses_delete AFTER DELETE ON addresses BEGIN
  UPDATE search_options_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER search_options_version_after_locations_insert AFTER INSERT ON locations BEGIN
  UPDATE search_options_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER search_options_version_after_locations_update AFTER UPDATE OF time_zone ON locations BEGIN
  UPDATE search_options_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER search_options_version_after_locations_delete AFTER DELETE ON locations BEGIN
  UPDATE search_options_version SET version = version + 1 WHERE id = 1;
END;
