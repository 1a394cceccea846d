DROP INDEX `addresses_location_idx`;--> statement-breakpoint
CREATE INDEX `addresses_location_idx` ON `addresses` (`location_id`,`city`);--> statement-breakpoint
DROP INDEX `attributes_link_idx`;--> statement-breakpoint
CREATE INDEX `attributes_link_idx` ON `attributes` (`link_id`,`taxonomy_term_id`);--> statement-breakpoint
DROP INDEX `cost_options_service_idx`;--> statement-breakpoint
CREATE INDEX `cost_options_service_idx` ON `cost_options` (`service_id`,`amount`);--> statement-breakpoint
DROP INDEX `languages_service_idx`;--> statement-breakpoint
CREATE INDEX `languages_service_idx` ON `languages` (`service_id`,`code`);