-- The position distances are measured from (locations.search_latitude/search_longitude), kept in
-- step with latitude, longitude and confidential_location: a confidential place counts only by a
-- ~10 km cell (coordinates rounded to 0.1°), so distances cannot be used to find it.
CREATE TRIGGER locations_search_position_after_insert AFTER INSERT ON locations BEGIN
  UPDATE locations SET
    search_latitude = iif(new.confidential_location, round(new.latitude, 1), new.latitude),
    search_longitude = iif(new.confidential_location, round(new.longitude, 1), new.longitude)
  WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER locations_search_position_after_update AFTER UPDATE OF latitude, longitude, confidential_location ON locations BEGIN
  UPDATE locations SET
    search_latitude = iif(new.confidential_location, round(new.latitude, 1), new.latitude),
    search_longitude = iif(new.confidential_location, round(new.longitude, 1), new.longitude)
  WHERE id = new.id;
END;
--> statement-breakpoint
UPDATE locations SET
  search_latitude = iif(confidential_location, round(latitude, 1), latitude),
  search_longitude = iif(confidential_location, round(longitude, 1), longitude);
