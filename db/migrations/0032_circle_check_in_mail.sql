ALTER TABLE `circle_check_in_messages` ADD `owner_mail_due_at` integer;--> statement-breakpoint
ALTER TABLE `circle_check_in_messages` ADD `owner_mailed_at` integer;--> statement-breakpoint
CREATE INDEX `circle_check_in_messages_mail_due_idx` ON `circle_check_in_messages` (`owner_mail_due_at`) WHERE owner_mail_due_at IS NOT NULL AND owner_mailed_at IS NULL;