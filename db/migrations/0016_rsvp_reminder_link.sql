ALTER TABLE `event_rsvps` ADD `reminder_token_hash` text;--> statement-breakpoint
ALTER TABLE `event_rsvps` ADD `site_origin` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `event_rsvps_reminder_token_hash_unique` ON `event_rsvps` (`reminder_token_hash`);