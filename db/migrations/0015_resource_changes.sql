CREATE TABLE `resource_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text NOT NULL,
	`changed_at` integer NOT NULL,
	`actor_user_id` text,
	`actor_role` text NOT NULL,
	`action` text NOT NULL,
	`changed_fields` text NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `resource_changes_service_idx` ON `resource_changes` (`service_id`,`changed_at`);