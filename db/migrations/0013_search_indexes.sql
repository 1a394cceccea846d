DROP INDEX `schedules_service_idx`;--> statement-breakpoint
CREATE INDEX `schedules_service_idx` ON `schedules` (`service_id`,`location_id`,`day_mask`,`opens_minute`,`closes_minute`,`valid_from`,`valid_to`);--> statement-breakpoint
DROP INDEX `sal_service_idx`;--> statement-breakpoint
DROP INDEX `sal_location_idx`;--> statement-breakpoint
CREATE INDEX `sal_service_idx` ON `service_at_location` (`service_id`,`location_id`);--> statement-breakpoint
CREATE INDEX `sal_location_idx` ON `service_at_location` (`location_id`,`service_id`);--> statement-breakpoint
ALTER TABLE `locations` ADD `search_latitude` real;--> statement-breakpoint
ALTER TABLE `locations` ADD `search_longitude` real;--> statement-breakpoint
CREATE INDEX `locations_search_position_idx` ON `locations` (`search_latitude`,`search_longitude`,`id`);--> statement-breakpoint
CREATE INDEX `locations_search_by_id_idx` ON `locations` (`id`,`time_zone`,`search_latitude`,`search_longitude`);--> statement-breakpoint
CREATE INDEX `services_search_idx` ON `services` (`id`,`status`,`organization_id`,`verified_at`);