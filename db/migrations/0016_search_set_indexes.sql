DROP INDEX `addresses_city_idx`;--> statement-breakpoint
CREATE INDEX `addresses_city_idx` ON `addresses` (`city`,`location_id`);--> statement-breakpoint
DROP INDEX `attributes_term_idx`;--> statement-breakpoint
CREATE INDEX `attributes_term_idx` ON `attributes` (`taxonomy_term_id`,`link_id`);--> statement-breakpoint
DROP INDEX `languages_code_idx`;--> statement-breakpoint
CREATE INDEX `languages_code_idx` ON `languages` (`code`,`service_id`);