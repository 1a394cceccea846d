-- The cities of upcoming events (the events list's filter) from an index alone, in order; and
-- the moderators' queue of resources to check again in keyset pages: never checked (0) first,
-- then the oldest check, by id within a date. The second is written by hand: drizzle-kit
-- quotes an expression index's parts as column names.
CREATE INDEX `events_status_city_idx` ON `events` (`status`,`city`,`ends_at`);--> statement-breakpoint
CREATE INDEX `services_verify_queue_idx` ON `services` (coalesce("verified_at", 0),`id`);
