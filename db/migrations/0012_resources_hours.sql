-- "Open now" in integers: each schedule's BYDAY as bits (MO = 1 … SU = 64; none = every day) and
-- its opening and closing times in minutes after midnight, kept in step with the HSDS text fields
-- by triggers, so the open-now test is arithmetic instead of string work on every schedule.
-- iif() rather than CASE … END: wrangler's SQL splitter would take that END for the trigger's.
CREATE TRIGGER schedules_hours_after_insert AFTER INSERT ON schedules BEGIN
  UPDATE schedules SET
    day_mask = iif(new.byday IS NULL OR trim(new.byday) = '', 127, (instr(upper(new.byday), 'MO') > 0) * 1 + (instr(upper(new.byday), 'TU') > 0) * 2 + (instr(upper(new.byday), 'WE') > 0) * 4 + (instr(upper(new.byday), 'TH') > 0) * 8 + (instr(upper(new.byday), 'FR') > 0) * 16 + (instr(upper(new.byday), 'SA') > 0) * 32 + (instr(upper(new.byday), 'SU') > 0) * 64),
    opens_minute = iif(new.opens_at GLOB '[0-2][0-9]:[0-5][0-9]*', CAST(substr(new.opens_at, 1, 2) AS INTEGER) * 60 + CAST(substr(new.opens_at, 4, 2) AS INTEGER), NULL),
    closes_minute = iif(new.closes_at GLOB '[0-2][0-9]:[0-5][0-9]*', CAST(substr(new.closes_at, 1, 2) AS INTEGER) * 60 + CAST(substr(new.closes_at, 4, 2) AS INTEGER), NULL)
  WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER schedules_hours_after_update AFTER UPDATE OF byday, opens_at, closes_at ON schedules BEGIN
  UPDATE schedules SET
    day_mask = iif(new.byday IS NULL OR trim(new.byday) = '', 127, (instr(upper(new.byday), 'MO') > 0) * 1 + (instr(upper(new.byday), 'TU') > 0) * 2 + (instr(upper(new.byday), 'WE') > 0) * 4 + (instr(upper(new.byday), 'TH') > 0) * 8 + (instr(upper(new.byday), 'FR') > 0) * 16 + (instr(upper(new.byday), 'SA') > 0) * 32 + (instr(upper(new.byday), 'SU') > 0) * 64),
    opens_minute = iif(new.opens_at GLOB '[0-2][0-9]:[0-5][0-9]*', CAST(substr(new.opens_at, 1, 2) AS INTEGER) * 60 + CAST(substr(new.opens_at, 4, 2) AS INTEGER), NULL),
    closes_minute = iif(new.closes_at GLOB '[0-2][0-9]:[0-5][0-9]*', CAST(substr(new.closes_at, 1, 2) AS INTEGER) * 60 + CAST(substr(new.closes_at, 4, 2) AS INTEGER), NULL)
  WHERE id = new.id;
END;
--> statement-breakpoint
UPDATE schedules SET
    day_mask = iif(schedules.byday IS NULL OR trim(schedules.byday) = '', 127, (instr(upper(schedules.byday), 'MO') > 0) * 1 + (instr(upper(schedules.byday), 'TU') > 0) * 2 + (instr(upper(schedules.byday), 'WE') > 0) * 4 + (instr(upper(schedules.byday), 'TH') > 0) * 8 + (instr(upper(schedules.byday), 'FR') > 0) * 16 + (instr(upper(schedules.byday), 'SA') > 0) * 32 + (instr(upper(schedules.byday), 'SU') > 0) * 64),
    opens_minute = iif(schedules.opens_at GLOB '[0-2][0-9]:[0-5][0-9]*', CAST(substr(schedules.opens_at, 1, 2) AS INTEGER) * 60 + CAST(substr(schedules.opens_at, 4, 2) AS INTEGER), NULL),
    closes_minute = iif(schedules.closes_at GLOB '[0-2][0-9]:[0-5][0-9]*', CAST(substr(schedules.closes_at, 1, 2) AS INTEGER) * 60 + CAST(substr(schedules.closes_at, 4, 2) AS INTEGER), NULL);
--> statement-breakpoint
CREATE INDEX schedules_open_idx ON schedules (location_id, day_mask, opens_minute, closes_minute);
