CREATE TABLE `stories` (
	`id` text PRIMARY KEY NOT NULL,
	`author_id` text,
	`created_at` integer NOT NULL,
	`submitted_at` integer,
	`published_approval_id` text,
	`published_at` integer,
	`withdrawn_at` integer,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `stories_author_idx` ON `stories` (`author_id`);--> statement-breakpoint
CREATE INDEX `stories_published_idx` ON `stories` (`published_approval_id`);--> statement-breakpoint
CREATE TABLE `story_approvals` (
	`id` text PRIMARY KEY NOT NULL,
	`story_id` text NOT NULL,
	`version_id` text NOT NULL,
	`approved_at` integer NOT NULL,
	`consent_own_page` integer NOT NULL,
	`consent_campaign_ids` text NOT NULL,
	`consent_event_quotes` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`site_origin` text NOT NULL,
	`reminder_sent_at` integer,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `story_versions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `story_approvals_story_idx` ON `story_approvals` (`story_id`);--> statement-breakpoint
CREATE INDEX `story_approvals_expiry_idx` ON `story_approvals` (`expires_at`);--> statement-breakpoint
CREATE TABLE `story_events` (
	`id` text PRIMARY KEY NOT NULL,
	`story_id` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`version_number` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `story_events_story_idx` ON `story_events` (`story_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `story_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`story_id` text NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`shown_name` text NOT NULL,
	`language` text NOT NULL,
	`content_notes` text NOT NULL,
	`content_note_text` text NOT NULL,
	`made_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `story_versions_number_idx` ON `story_versions` (`story_id`,`number`);