ALTER TABLE `event_rsvps` ADD `recovery_token_hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `event_rsvps_recovery_token_hash_unique` ON `event_rsvps` (`recovery_token_hash`);