-- service_search_rows.place_count, latitude, longitude (see schema.ts): how many places with a
-- search position a service has, and that position when it has exactly one, so a radius reads
-- those services from the rows' position index alone. Only links to places and their positions
-- change it, so only those triggers (and the rebuild) compute it.
CREATE VIEW service_search_places AS
SELECT
  s.id AS service_id,
  (SELECT count(*) FROM service_at_location sal JOIN locations l ON l.id = sal.location_id WHERE sal.service_id = s.id AND l.search_latitude IS NOT NULL AND l.search_longitude IS NOT NULL) AS place_count,
  iif((SELECT count(*) FROM service_at_location sal JOIN locations l ON l.id = sal.location_id WHERE sal.service_id = s.id AND l.search_latitude IS NOT NULL AND l.search_longitude IS NOT NULL) = 1, (SELECT l.search_latitude FROM service_at_location sal JOIN locations l ON l.id = sal.location_id WHERE sal.service_id = s.id AND l.search_latitude IS NOT NULL AND l.search_longitude IS NOT NULL), NULL) AS latitude,
  iif((SELECT count(*) FROM service_at_location sal JOIN locations l ON l.id = sal.location_id WHERE sal.service_id = s.id AND l.search_latitude IS NOT NULL AND l.search_longitude IS NOT NULL) = 1, (SELECT l.search_longitude FROM service_at_location sal JOIN locations l ON l.id = sal.location_id WHERE sal.service_id = s.id AND l.search_latitude IS NOT NULL AND l.search_longitude IS NOT NULL), NULL) AS longitude
FROM services s;
--> statement-breakpoint
CREATE TRIGGER service_search_places_after_service_insert AFTER INSERT ON services BEGIN
  UPDATE service_search_rows SET place_count = p.place_count, latitude = p.latitude, longitude = p.longitude
    FROM service_search_places p
    WHERE p.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (new.id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_places_after_link_insert AFTER INSERT ON service_at_location BEGIN
  UPDATE service_search_rows SET place_count = p.place_count, latitude = p.latitude, longitude = p.longitude
    FROM service_search_places p
    WHERE p.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (new.service_id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_places_after_link_update AFTER UPDATE OF service_id, location_id ON service_at_location BEGIN
  UPDATE service_search_rows SET place_count = p.place_count, latitude = p.latitude, longitude = p.longitude
    FROM service_search_places p
    WHERE p.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (old.service_id, new.service_id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_places_after_link_delete AFTER DELETE ON service_at_location BEGIN
  UPDATE service_search_rows SET place_count = p.place_count, latitude = p.latitude, longitude = p.longitude
    FROM service_search_places p
    WHERE p.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (old.service_id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_places_after_location_update AFTER UPDATE OF search_latitude, search_longitude ON locations BEGIN
  UPDATE service_search_rows SET place_count = p.place_count, latitude = p.latitude, longitude = p.longitude
    FROM service_search_places p
    WHERE p.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (SELECT service_id FROM service_at_location WHERE location_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_places_after_location_delete AFTER DELETE ON locations BEGIN
  UPDATE service_search_rows SET place_count = p.place_count, latitude = p.latitude, longitude = p.longitude
    FROM service_search_places p
    WHERE p.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (SELECT service_id FROM service_at_location WHERE location_id = old.id);
END;
--> statement-breakpoint
UPDATE service_search_rows SET place_count = p.place_count, latitude = p.latitude, longitude = p.longitude
  FROM service_search_places p WHERE p.service_id = service_search_rows.service_id;
