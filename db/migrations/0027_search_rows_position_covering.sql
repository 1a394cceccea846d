-- The position index of the search rows also holds what a radius count checks first (place count,
-- status, the hours of "open now", and the service for several schedules), so a candidate that
-- fails them costs no lookup of its row (measured: a third less for "open now within 25 km").
DROP INDEX `service_search_rows_position_idx`;--> statement-breakpoint
CREATE INDEX `service_search_rows_position_idx` ON `service_search_rows` (`latitude`,`longitude`,`place_count`,`active`,`hours_zone`,`day_mask`,`opens_minute`,`closes_minute`,`service_id`);