ALTER TABLE `campaigns` ADD `content_language` text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `content_language` text DEFAULT 'en' NOT NULL;