ALTER TABLE `service_search_rows` ADD `hours_zone` text;--> statement-breakpoint
ALTER TABLE `service_search_rows` ADD `day_mask` integer;--> statement-breakpoint
ALTER TABLE `service_search_rows` ADD `opens_minute` integer;--> statement-breakpoint
ALTER TABLE `service_search_rows` ADD `closes_minute` integer;