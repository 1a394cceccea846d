-- The filter options offer only the languages and cities of active services (a filter never offers
-- a choice with nothing behind it, and an inactive service's city or language is not a result).
-- So the options' version also moves when a service's status changes or a service gains or loses
-- a place: see search_options_version (migration 0026) and db/resources-options.ts.
CREATE TRIGGER search_options_version_after_services_update AFTER UPDATE OF status ON services BEGIN
  UPDATE search_options_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER search_options_version_after_service_at_location_insert AFTER INSERT ON service_at_location BEGIN
  UPDATE search_options_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER search_options_version_after_service_at_location_update AFTER UPDATE OF service_id, location_id ON service_at_location BEGIN
  UPDATE search_options_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER search_options_version_after_service_at_location_delete AFTER DELETE ON service_at_location BEGIN
  UPDATE search_options_version SET version = version + 1 WHERE id = 1;
END;
