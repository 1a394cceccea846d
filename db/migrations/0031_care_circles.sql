CREATE TABLE `circle_charter_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`circle_id` text NOT NULL,
	`number` integer NOT NULL,
	`help_kinds` text DEFAULT '' NOT NULL,
	`help_text` text DEFAULT '' NOT NULL,
	`check_in_channel` text DEFAULT 'site' NOT NULL,
	`check_in_pace` text DEFAULT 'never' NOT NULL,
	`topics_to_avoid` text DEFAULT '' NOT NULL,
	`space_meaning` text DEFAULT '' NOT NULL,
	`accompaniment` text DEFAULT '' NOT NULL,
	`anything_else` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`circle_id`) REFERENCES `circles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `circle_charter_versions_number_idx` ON `circle_charter_versions` (`circle_id`,`number`);--> statement-breakpoint
CREATE TABLE `circle_check_in_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`circle_id` text NOT NULL,
	`member_id` text NOT NULL,
	`body` text NOT NULL,
	`period_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`circle_id`) REFERENCES `circles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `circle_members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `circle_check_in_messages_period_idx` ON `circle_check_in_messages` (`member_id`,`period_key`);--> statement-breakpoint
CREATE INDEX `circle_check_in_messages_circle_idx` ON `circle_check_in_messages` (`circle_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `circle_check_in_nudges` (
	`id` text PRIMARY KEY NOT NULL,
	`circle_id` text NOT NULL,
	`member_id` text NOT NULL,
	`period_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`held_until` integer,
	`sent_at` integer,
	FOREIGN KEY (`circle_id`) REFERENCES `circles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `circle_members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `circle_check_in_nudges_once_idx` ON `circle_check_in_nudges` (`member_id`,`period_key`);--> statement-breakpoint
CREATE INDEX `circle_check_in_nudges_held_idx` ON `circle_check_in_nudges` (`held_until`) WHERE sent_at IS NULL;--> statement-breakpoint
CREATE TABLE `circle_history` (
	`id` text PRIMARY KEY NOT NULL,
	`circle_id` text NOT NULL,
	`member_id` text,
	`actor` text NOT NULL,
	`kind` text NOT NULL,
	`need_id` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`circle_id`) REFERENCES `circles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `circle_members`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`need_id`) REFERENCES `circle_needs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `circle_history_circle_idx` ON `circle_history` (`circle_id`,`at`);--> statement-breakpoint
CREATE TABLE `circle_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`circle_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`email_hash` text NOT NULL,
	`address_hint` text NOT NULL,
	`personal_note` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`accepted_at` integer,
	`accepted_member_id` text,
	FOREIGN KEY (`circle_id`) REFERENCES `circles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `circle_invitations_token_hash_unique` ON `circle_invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `circle_invitations_circle_idx` ON `circle_invitations` (`circle_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `circle_members` (
	`id` text PRIMARY KEY NOT NULL,
	`circle_id` text NOT NULL,
	`user_id` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text DEFAULT 'member' NOT NULL,
	`offer` text DEFAULT '' NOT NULL,
	`stepped_back_until` integer,
	`charter_version_read` integer,
	`joined_at` integer NOT NULL,
	`ended_at` integer,
	`ended` text,
	FOREIGN KEY (`circle_id`) REFERENCES `circles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `circle_members_circle_user_idx` ON `circle_members` (`circle_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `circle_members_user_idx` ON `circle_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `circle_needs` (
	`id` text PRIMARY KEY NOT NULL,
	`circle_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`any_time` integer DEFAULT false NOT NULL,
	`helpers_wanted` integer DEFAULT 1 NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`place_erase_after` integer,
	`resource_id` text,
	`note` text DEFAULT '' NOT NULL,
	`series_id` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`circle_id`) REFERENCES `circles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`resource_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `circle_needs_circle_starts_idx` ON `circle_needs` (`circle_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `circle_needs_series_idx` ON `circle_needs` (`series_id`);--> statement-breakpoint
CREATE INDEX `circle_needs_starts_idx` ON `circle_needs` (`starts_at`);--> statement-breakpoint
CREATE INDEX `circle_needs_place_erase_idx` ON `circle_needs` (`place_erase_after`) WHERE place_erase_after IS NOT NULL;--> statement-breakpoint
CREATE TABLE `circle_owner_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`circle_id` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`circle_id`) REFERENCES `circles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `circle_owner_notes_circle_idx` ON `circle_owner_notes` (`circle_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `circle_reminder_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`sign_up_id` text NOT NULL,
	`kind` text NOT NULL,
	`created_at` integer NOT NULL,
	`held_until` integer,
	`sent_at` integer,
	FOREIGN KEY (`sign_up_id`) REFERENCES `circle_sign_ups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `circle_reminder_deliveries_once_idx` ON `circle_reminder_deliveries` (`sign_up_id`,`kind`);--> statement-breakpoint
CREATE INDEX `circle_reminder_deliveries_held_idx` ON `circle_reminder_deliveries` (`held_until`) WHERE sent_at IS NULL;--> statement-breakpoint
CREATE TABLE `circle_sign_ups` (
	`id` text PRIMARY KEY NOT NULL,
	`circle_id` text NOT NULL,
	`need_id` text NOT NULL,
	`member_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`cancelled_at` integer,
	FOREIGN KEY (`circle_id`) REFERENCES `circles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`need_id`) REFERENCES `circle_needs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `circle_members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `circle_sign_ups_active_idx` ON `circle_sign_ups` (`need_id`,`member_id`) WHERE cancelled_at IS NULL;--> statement-breakpoint
CREATE INDEX `circle_sign_ups_need_idx` ON `circle_sign_ups` (`need_id`,`cancelled_at`);--> statement-breakpoint
CREATE INDEX `circle_sign_ups_member_idx` ON `circle_sign_ups` (`member_id`,`cancelled_at`);--> statement-breakpoint
CREATE TABLE `circles` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text,
	`label` text NOT NULL,
	`time_zone` text NOT NULL,
	`quiet_start_minute` integer DEFAULT 1260 NOT NULL,
	`quiet_end_minute` integer DEFAULT 480 NOT NULL,
	`member_list_visible` integer DEFAULT false NOT NULL,
	`owner_told_of_gaps` integer DEFAULT false NOT NULL,
	`place_reveal_hours` integer DEFAULT 24 NOT NULL,
	`check_in_pace` text DEFAULT 'never' NOT NULL,
	`check_in_by_email` integer DEFAULT false NOT NULL,
	`space_since` integer,
	`space_until` integer,
	`space_practical_help_goes_on` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `circles_owner_idx` ON `circles` (`owner_id`);