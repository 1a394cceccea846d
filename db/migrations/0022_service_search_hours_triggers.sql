-- service_search_rows.hours_zone, day_mask, opens_minute, closes_minute (see schema.ts): the one
-- schedule that counts for "open now" as resources-open-now.ts reads them (both times and a place),
-- so the test needs no schedule lookup; 'UTC' with day_mask 0 (never open) when none counts; a
-- null zone when several count or one has valid dates (then the schedules are read). Only
-- schedules and places change it, so only their triggers (and the rebuild) compute it.
CREATE VIEW service_search_hours AS
SELECT
  s.id AS service_id,
  iif((SELECT count(*) FROM schedules sc JOIN locations lz ON lz.id = sc.location_id WHERE sc.service_id = s.id AND sc.opens_minute IS NOT NULL AND sc.closes_minute IS NOT NULL) = 0, 'UTC', iif((SELECT count(*) FROM schedules sc JOIN locations lz ON lz.id = sc.location_id WHERE sc.service_id = s.id AND sc.opens_minute IS NOT NULL AND sc.closes_minute IS NOT NULL) = 1 AND NOT EXISTS (SELECT 1 FROM schedules sc JOIN locations lz ON lz.id = sc.location_id WHERE sc.service_id = s.id AND sc.opens_minute IS NOT NULL AND sc.closes_minute IS NOT NULL AND (sc.valid_from IS NOT NULL OR sc.valid_to IS NOT NULL)), (SELECT lz.time_zone FROM schedules sc JOIN locations lz ON lz.id = sc.location_id WHERE sc.service_id = s.id AND sc.opens_minute IS NOT NULL AND sc.closes_minute IS NOT NULL), NULL)) AS hours_zone,
  iif((SELECT count(*) FROM schedules sc JOIN locations lz ON lz.id = sc.location_id WHERE sc.service_id = s.id AND sc.opens_minute IS NOT NULL AND sc.closes_minute IS NOT NULL) = 1 AND NOT EXISTS (SELECT 1 FROM schedules sc JOIN locations lz ON lz.id = sc.location_id WHERE sc.service_id = s.id AND sc.opens_minute IS NOT NULL AND sc.closes_minute IS NOT NULL AND (sc.valid_from IS NOT NULL OR sc.valid_to IS NOT NULL)), (SELECT sc.day_mask FROM schedules sc JOIN locations lz ON lz.id = sc.location_id WHERE sc.service_id = s.id AND sc.opens_minute IS NOT NULL AND sc.closes_minute IS NOT NULL), 0) AS day_mask,
  iif((SELECT count(*) FROM schedules sc JOIN locations lz ON lz.id = sc.location_id WHERE sc.service_id = s.id AND sc.opens_minute IS NOT NULL AND sc.closes_minute IS NOT NULL) = 1 AND NOT EXISTS (SELECT 1 FROM schedules sc JOIN locations lz ON lz.id = sc.location_id WHERE sc.service_id = s.id AND sc.opens_minute IS NOT NULL AND sc.closes_minute IS NOT NULL AND (sc.valid_from IS NOT NULL OR sc.valid_to IS NOT NULL)), (SELECT sc.opens_minute FROM schedules sc JOIN locations lz ON lz.id = sc.location_id WHERE sc.service_id = s.id AND sc.opens_minute IS NOT NULL AND sc.closes_minute IS NOT NULL), 0) AS opens_minute,
  iif((SELECT count(*) FROM schedules sc JOIN locations lz ON lz.id = sc.location_id WHERE sc.service_id = s.id AND sc.opens_minute IS NOT NULL AND sc.closes_minute IS NOT NULL) = 1 AND NOT EXISTS (SELECT 1 FROM schedules sc JOIN locations lz ON lz.id = sc.location_id WHERE sc.service_id = s.id AND sc.opens_minute IS NOT NULL AND sc.closes_minute IS NOT NULL AND (sc.valid_from IS NOT NULL OR sc.valid_to IS NOT NULL)), (SELECT sc.closes_minute FROM schedules sc JOIN locations lz ON lz.id = sc.location_id WHERE sc.service_id = s.id AND sc.opens_minute IS NOT NULL AND sc.closes_minute IS NOT NULL), 0) AS closes_minute
FROM services s;
--> statement-breakpoint
CREATE TRIGGER service_search_hours_after_service_insert AFTER INSERT ON services BEGIN
  UPDATE service_search_rows SET hours_zone = h.hours_zone, day_mask = h.day_mask, opens_minute = h.opens_minute, closes_minute = h.closes_minute
    FROM service_search_hours h
    WHERE h.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (new.id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_hours_after_schedule_insert AFTER INSERT ON schedules BEGIN
  UPDATE service_search_rows SET hours_zone = h.hours_zone, day_mask = h.day_mask, opens_minute = h.opens_minute, closes_minute = h.closes_minute
    FROM service_search_hours h
    WHERE h.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (new.service_id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_hours_after_schedule_update AFTER UPDATE OF service_id, location_id, day_mask, opens_minute, closes_minute, valid_from, valid_to ON schedules BEGIN
  UPDATE service_search_rows SET hours_zone = h.hours_zone, day_mask = h.day_mask, opens_minute = h.opens_minute, closes_minute = h.closes_minute
    FROM service_search_hours h
    WHERE h.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (old.service_id, new.service_id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_hours_after_schedule_delete AFTER DELETE ON schedules BEGIN
  UPDATE service_search_rows SET hours_zone = h.hours_zone, day_mask = h.day_mask, opens_minute = h.opens_minute, closes_minute = h.closes_minute
    FROM service_search_hours h
    WHERE h.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (old.service_id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_hours_after_location_update AFTER UPDATE OF time_zone ON locations BEGIN
  UPDATE service_search_rows SET hours_zone = h.hours_zone, day_mask = h.day_mask, opens_minute = h.opens_minute, closes_minute = h.closes_minute
    FROM service_search_hours h
    WHERE h.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (SELECT service_id FROM schedules WHERE location_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER service_search_hours_after_location_delete AFTER DELETE ON locations BEGIN
  UPDATE service_search_rows SET hours_zone = h.hours_zone, day_mask = h.day_mask, opens_minute = h.opens_minute, closes_minute = h.closes_minute
    FROM service_search_hours h
    WHERE h.service_id = service_search_rows.service_id AND service_search_rows.service_id IN (SELECT service_id FROM schedules WHERE location_id = old.id);
END;
--> statement-breakpoint
UPDATE service_search_rows SET hours_zone = h.hours_zone, day_mask = h.day_mask, opens_minute = h.opens_minute, closes_minute = h.closes_minute
  FROM service_search_hours h WHERE h.service_id = service_search_rows.service_id;
