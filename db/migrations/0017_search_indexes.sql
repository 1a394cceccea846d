DROP INDEX `addresses_location_idx`;--> statement-breakpoint
DROP INDEX `addresses_city_idx`;--> statement-breakpoint
CREATE INDEX `addresses_location_idx` ON `addresses` (`location_id`,`city`);--> statement-breakpoint
CREATE INDEX `addresses_city_idx` ON `addresses` (`city`,`location_id`);--> statement-breakpoint
DROP INDEX `attributes_link_idx`;--> statement-breakpoint
DROP INDEX `attributes_term_idx`;--> statement-breakpoint
CREATE INDEX `attributes_link_idx` ON `attributes` (`link_id`,`taxonomy_term_id`);--> statement-breakpoint
CREATE INDEX `attributes_term_idx` ON `attributes` (`taxonomy_term_id`,`link_id`);--> statement-breakpoint
DROP INDEX `cost_options_service_idx`;--> statement-breakpoint
CREATE INDEX `cost_options_service_idx` ON `cost_options` (`service_id`,`amount`);--> statement-breakpoint
DROP INDEX `languages_service_idx`;--> statement-breakpoint
DROP INDEX `languages_code_idx`;--> statement-breakpoint
CREATE INDEX `languages_service_idx` ON `languages` (`service_id`,`code`);--> statement-breakpoint
CREATE INDEX `languages_code_idx` ON `languages` (`code`,`service_id`);--> statement-breakpoint
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