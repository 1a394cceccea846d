ALTER TABLE `service_search_rows` ADD `place_count` integer;--> statement-breakpoint
ALTER TABLE `service_search_rows` ADD `latitude` real;--> statement-breakpoint
ALTER TABLE `service_search_rows` ADD `longitude` real;--> statement-breakpoint
CREATE INDEX `service_search_rows_position_idx` ON `service_search_rows` (`latitude`,`longitude`);