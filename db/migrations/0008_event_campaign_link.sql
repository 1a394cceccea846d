ALTER TABLE `events` ADD `campaign_id` text REFERENCES campaigns(id) ON DELETE SET NULL;--> statement-breakpoint
CREATE INDEX `events_campaign_idx` ON `events` (`campaign_id`,`starts_at`);