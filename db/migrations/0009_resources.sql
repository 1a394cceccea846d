CREATE TABLE `accessibility` (
	`id` text PRIMARY KEY NOT NULL,
	`location_id` text NOT NULL,
	`description` text,
	`details` text,
	`url` text,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `accessibility_location_idx` ON `accessibility` (`location_id`);--> statement-breakpoint
CREATE TABLE `addresses` (
	`id` text PRIMARY KEY NOT NULL,
	`location_id` text NOT NULL,
	`attention` text,
	`address_1` text NOT NULL,
	`address_2` text,
	`city` text NOT NULL,
	`region` text,
	`state_province` text NOT NULL,
	`postal_code` text NOT NULL,
	`country` text NOT NULL,
	`address_type` text DEFAULT 'physical' NOT NULL,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `addresses_location_idx` ON `addresses` (`location_id`);--> statement-breakpoint
CREATE INDEX `addresses_city_idx` ON `addresses` (`city`);--> statement-breakpoint
CREATE TABLE `attributes` (
	`id` text PRIMARY KEY NOT NULL,
	`link_id` text NOT NULL,
	`taxonomy_term_id` text NOT NULL,
	`link_type` text,
	`link_entity` text,
	`value` text,
	FOREIGN KEY (`taxonomy_term_id`) REFERENCES `taxonomy_terms`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `attributes_link_idx` ON `attributes` (`link_id`);--> statement-breakpoint
CREATE INDEX `attributes_term_idx` ON `attributes` (`taxonomy_term_id`);--> statement-breakpoint
CREATE TABLE `cost_options` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text NOT NULL,
	`valid_from` text,
	`valid_to` text,
	`option` text,
	`currency` text,
	`amount` real,
	`amount_description` text,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `cost_options_service_idx` ON `cost_options` (`service_id`);--> statement-breakpoint
CREATE TABLE `languages` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text,
	`location_id` text,
	`phone_id` text,
	`name` text,
	`code` text,
	`note` text,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `languages_service_idx` ON `languages` (`service_id`);--> statement-breakpoint
CREATE INDEX `languages_code_idx` ON `languages` (`code`);--> statement-breakpoint
CREATE TABLE `locations` (
	`id` text PRIMARY KEY NOT NULL,
	`location_type` text DEFAULT 'physical' NOT NULL,
	`url` text,
	`organization_id` text,
	`name` text,
	`alternate_name` text,
	`description` text,
	`transportation` text,
	`latitude` real,
	`longitude` real,
	`external_identifier` text,
	`external_identifier_type` text,
	`confidential_location` integer DEFAULT false NOT NULL,
	`time_zone` text DEFAULT 'UTC' NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `locations_time_zone_idx` ON `locations` (`time_zone`);--> statement-breakpoint
CREATE INDEX `locations_latitude_idx` ON `locations` (`latitude`);--> statement-breakpoint
CREATE TABLE `organizations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`alternate_name` text,
	`description` text,
	`email` text,
	`website` text,
	`tax_status` text,
	`tax_id` text,
	`year_incorporated` integer,
	`legal_status` text,
	`logo` text,
	`uri` text,
	`parent_organization_id` text,
	`content_language` text DEFAULT 'en' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `phones` (
	`id` text PRIMARY KEY NOT NULL,
	`location_id` text,
	`service_id` text,
	`organization_id` text,
	`contact_id` text,
	`service_at_location_id` text,
	`number` text NOT NULL,
	`extension` integer,
	`type` text,
	`description` text,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `phones_service_idx` ON `phones` (`service_id`);--> statement-breakpoint
CREATE INDEX `phones_location_idx` ON `phones` (`location_id`);--> statement-breakpoint
CREATE TABLE `required_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text NOT NULL,
	`document` text,
	`uri` text,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `required_documents_service_idx` ON `required_documents` (`service_id`);--> statement-breakpoint
CREATE TABLE `resource_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text NOT NULL,
	`problem` text NOT NULL,
	`contact` text,
	`status` text DEFAULT 'open' NOT NULL,
	`repeats` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `resource_reports_status_idx` ON `resource_reports` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `resource_reports_service_idx` ON `resource_reports` (`service_id`);--> statement-breakpoint
CREATE TABLE `schedules` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text,
	`location_id` text,
	`service_at_location_id` text,
	`valid_from` text,
	`valid_to` text,
	`dtstart` text,
	`timezone` real,
	`until` text,
	`count` integer,
	`wkst` text,
	`freq` text,
	`interval` integer,
	`byday` text,
	`byweekno` text,
	`bymonthday` text,
	`byyearday` text,
	`description` text,
	`opens_at` text,
	`closes_at` text,
	`schedule_link` text,
	`attending_type` text,
	`notes` text,
	`day_mask` integer,
	`opens_minute` integer,
	`closes_minute` integer,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `schedules_service_idx` ON `schedules` (`service_id`);--> statement-breakpoint
CREATE INDEX `schedules_location_idx` ON `schedules` (`location_id`);--> statement-breakpoint
CREATE TABLE `service_areas` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text NOT NULL,
	`name` text,
	`description` text,
	`extent` text,
	`extent_type` text,
	`uri` text,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `service_areas_service_idx` ON `service_areas` (`service_id`);--> statement-breakpoint
CREATE TABLE `service_at_location` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text NOT NULL,
	`location_id` text NOT NULL,
	`description` text,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sal_service_idx` ON `service_at_location` (`service_id`);--> statement-breakpoint
CREATE INDEX `sal_location_idx` ON `service_at_location` (`location_id`);--> statement-breakpoint
CREATE TABLE `services` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`program_id` text,
	`name` text NOT NULL,
	`alternate_name` text,
	`description` text,
	`url` text,
	`email` text,
	`status` text DEFAULT 'active' NOT NULL,
	`interpretation_services` text,
	`application_process` text,
	`fees_description` text,
	`wait_time` text,
	`fees` text,
	`accreditations` text,
	`eligibility_description` text,
	`minimum_age` integer,
	`maximum_age` integer,
	`assured_date` text,
	`assurer_email` text,
	`licenses` text,
	`alert` text,
	`last_modified` integer,
	`slug` text NOT NULL,
	`content_language` text DEFAULT 'en' NOT NULL,
	`trauma_informed` integer DEFAULT false NOT NULL,
	`survivor_led` integer DEFAULT false NOT NULL,
	`walk_in` integer DEFAULT false NOT NULL,
	`verified_at` integer,
	`verified_by_role` text,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `services_slug_unique` ON `services` (`slug`);--> statement-breakpoint
CREATE INDEX `services_organization_idx` ON `services` (`organization_id`);--> statement-breakpoint
CREATE INDEX `services_verified_idx` ON `services` (`verified_at`);--> statement-breakpoint
CREATE TABLE `taxonomies` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`uri` text,
	`version` text
);
--> statement-breakpoint
CREATE TABLE `taxonomy_term_translations` (
	`taxonomy_term_id` text NOT NULL,
	`language` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	PRIMARY KEY(`taxonomy_term_id`, `language`),
	FOREIGN KEY (`taxonomy_term_id`) REFERENCES `taxonomy_terms`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `taxonomy_terms` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`parent_id` text,
	`taxonomy` text,
	`language` text,
	`taxonomy_id` text,
	`term_uri` text,
	FOREIGN KEY (`taxonomy_id`) REFERENCES `taxonomies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `taxonomy_terms_code_idx` ON `taxonomy_terms` (`code`);