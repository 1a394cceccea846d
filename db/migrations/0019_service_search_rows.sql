CREATE TABLE `service_search_rows` (
	`id` integer PRIMARY KEY NOT NULL,
	`service_id` text NOT NULL,
	`active` integer NOT NULL,
	`walk_in` integer NOT NULL,
	`trauma_informed` integer NOT NULL,
	`survivor_led` integer NOT NULL,
	`free` integer NOT NULL,
	`online` integer NOT NULL,
	`categories` text NOT NULL,
	`languages` text NOT NULL,
	`cities` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_search_rows_service_idx` ON `service_search_rows` (`service_id`);