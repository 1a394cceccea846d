-- Lists in keyset pages (db/core/keyset.ts) walk an index in their own order and stop after a
-- page: the events list by (start, id), a series' first occurrence by (series, start, id),
-- /stories by (published, id), the stories review queue by (submitted, id).
CREATE INDEX `events_starts_id_idx` ON `events` (`starts_at`,`id`);--> statement-breakpoint
CREATE INDEX `events_series_starts_idx` ON `events` (`series_id`,`starts_at`,`id`);--> statement-breakpoint
CREATE INDEX `stories_published_at_idx` ON `stories` (`published_at`,`id`);--> statement-breakpoint
CREATE INDEX `stories_submitted_at_idx` ON `stories` (`submitted_at`,`id`);