CREATE TABLE `search_options_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
