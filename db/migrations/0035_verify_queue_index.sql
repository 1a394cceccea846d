-- The moderators' queue of resources to check again (/moderation/resources) in keyset pages:
-- never checked (0) first, then the oldest check, by id within a date. Written by hand:
-- drizzle-kit quotes an expression index's parts as column names.
CREATE INDEX `services_verify_queue_idx` ON `services` (coalesce("verified_at", 0),`id`);
