CREATE TABLE `campaign_signatures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` text NOT NULL,
	`email` text,
	`email_key` text,
	`first_name` text NOT NULL,
	`last_name` text DEFAULT '' NOT NULL,
	`city` text DEFAULT '' NOT NULL,
	`message` text DEFAULT '' NOT NULL,
	`display` text NOT NULL,
	`wants_updates` integer DEFAULT false NOT NULL,
	`share_email` integer DEFAULT false NOT NULL,
	`locale` text NOT NULL,
	`confirm_token_hash` text,
	`manage_token_hash` text,
	`created_at` integer NOT NULL,
	`confirmed_at` integer,
	`expires_at` integer,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_signatures_email_key_idx` ON `campaign_signatures` (`campaign_id`,`email_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_signatures_confirm_idx` ON `campaign_signatures` (`confirm_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_signatures_manage_idx` ON `campaign_signatures` (`manage_token_hash`);--> statement-breakpoint
CREATE INDEX `campaign_signatures_confirmed_idx` ON `campaign_signatures` (`campaign_id`,`confirmed_at`);--> statement-breakpoint
CREATE INDEX `campaign_signatures_expiry_idx` ON `campaign_signatures` (`expires_at`);--> statement-breakpoint
CREATE TABLE `campaign_updates` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`body` text NOT NULL,
	`site_origin` text NOT NULL,
	`created_at` integer NOT NULL,
	`mailed_through` integer DEFAULT 0 NOT NULL,
	`mailing_done_at` integer,
	`mailing_claimed_until` integer,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `campaign_updates_campaign_idx` ON `campaign_updates` (`campaign_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`title` text NOT NULL,
	`ask` text NOT NULL,
	`body` text NOT NULL,
	`target_name` text NOT NULL,
	`target_role` text NOT NULL,
	`letter_text` text DEFAULT '' NOT NULL,
	`target_phone` text DEFAULT '' NOT NULL,
	`next_steps` text DEFAULT '' NOT NULL,
	`goal` integer NOT NULL,
	`ends_on` text,
	`call_count` integer DEFAULT 0 NOT NULL,
	`delivery_note` text,
	`delivered_on` text,
	`created_at` integer NOT NULL,
	`published_at` integer,
	`ended_at` integer,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `campaigns_status_idx` ON `campaigns` (`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `campaigns_owner_idx` ON `campaigns` (`owner_id`);