CREATE TABLE `event_rsvps` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`name` text,
	`email` text,
	`places` integer NOT NULL,
	`access_needs` text,
	`wants_reminder` integer NOT NULL,
	`status` text NOT NULL,
	`token_hash` text,
	`locale` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`reminder_sent_at` integer,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_rsvps_token_hash_unique` ON `event_rsvps` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `event_rsvps_event_email_idx` ON `event_rsvps` (`event_id`,`email`);--> statement-breakpoint
CREATE INDEX `event_rsvps_event_status_idx` ON `event_rsvps` (`event_id`,`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`organizer_id` text,
	`series_id` text,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`category` text NOT NULL,
	`format` text NOT NULL,
	`city` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`directions` text DEFAULT '' NOT NULL,
	`step_free` integer DEFAULT false NOT NULL,
	`seating` integer DEFAULT false NOT NULL,
	`interpretation` integer DEFAULT false NOT NULL,
	`quiet_room` integer DEFAULT false NOT NULL,
	`childcare` integer DEFAULT false NOT NULL,
	`access_notes` text DEFAULT '' NOT NULL,
	`online_url` text DEFAULT '' NOT NULL,
	`languages` text DEFAULT '' NOT NULL,
	`cost` text DEFAULT '' NOT NULL,
	`capacity` integer,
	`time_zone` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`reminder_hours` integer DEFAULT 24 NOT NULL,
	`status` text NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`contacts_erased_at` integer,
	FOREIGN KEY (`organizer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `events_status_starts_idx` ON `events` (`status`,`starts_at`);--> statement-breakpoint
CREATE INDEX `events_organizer_idx` ON `events` (`organizer_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `events_series_idx` ON `events` (`series_id`);--> statement-breakpoint
CREATE TABLE `trusted_organizers` (
	`user_id` text PRIMARY KEY NOT NULL,
	`trusted_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
