-- Story versions are a record of exactly what was written and approved: never changed in place.
CREATE TRIGGER `story_versions_immutable` BEFORE UPDATE ON `story_versions`
BEGIN
  SELECT RAISE(ABORT, 'story versions are never changed');
END;
