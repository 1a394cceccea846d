-- Filters in the full-text index: services_fts gets a `facets` column holding one token per
-- filter a service passes, so a search by words with filters is one FTS5 intersection of
-- doclists instead of a lookup of every hit's search row (db/resources-search-facets.ts).
-- Each token starts with U+E000, a private-use character: the tokenizer keeps it in a token
-- (unicode61 counts private use as a letter), and a person's words are runs of letters and digits
-- (resources-text-query.ts), so no word typed can ever match a facet.
--   i inactive; w walk-in; t trauma-informed; s survivor-led; f free; o online only;
--   c<hex of a category code>, l<hex of a language code>, y<hex of a city>.
-- Hex keeps any code or city one token. The flags are those of service_search_values (migration
-- 0020), which the row checks read, and the lists come from the same tables with the same
-- conditions: the two never disagree. The facets column weighs 0 in bm25.
-- The view and the table are made anew with the column, and the triggers of 0010 that write the
-- index are made anew to write it. A change of a service's search row (which its own triggers
-- keep in step with statuses, languages, costs, places, addresses and categories) rewrites the
-- service's index row when a value the facets hold changed. Rebuild with `npm run fts:rebuild`.
DROP TABLE services_fts;
--> statement-breakpoint
DROP VIEW services_search_text;
--> statement-breakpoint
CREATE VIEW services_search_text AS
SELECT
  s.id AS service_id,
  s.name AS name,
  coalesce(s.alternate_name, '') AS alternate_name,
  coalesce(s.description, '') AS description,
  o.name || ' ' || coalesce(o.alternate_name, '') AS organization,
  coalesce((
    SELECT group_concat(t.name || ' ' || coalesce((
      SELECT group_concat(tr.name, ' ') FROM taxonomy_term_translations tr WHERE tr.taxonomy_term_id = t.id
    ), ''), ' ')
    FROM attributes a JOIN taxonomy_terms t ON t.id = a.taxonomy_term_id
    WHERE a.link_id = s.id
  ), '') AS terms,
  (SELECT trim(
      iif(v.active, '', ' ' || char(57344) || 'i') || iif(v.walk_in, ' ' || char(57344) || 'w', '')
      || iif(v.trauma_informed, ' ' || char(57344) || 't', '') || iif(v.survivor_led, ' ' || char(57344) || 's', '')
      || iif(v.free, ' ' || char(57344) || 'f', '') || iif(v.online, ' ' || char(57344) || 'o', '')
      || coalesce((SELECT ' ' || group_concat(char(57344) || 'c' || hex(tt.code), ' ') FROM attributes a JOIN taxonomy_terms tt ON tt.id = a.taxonomy_term_id
        WHERE a.link_id = s.id AND tt.code IS NOT NULL), '')
      || coalesce((SELECT ' ' || group_concat(char(57344) || 'l' || hex(lg.code), ' ') FROM languages lg
        WHERE lg.service_id = s.id AND lg.code IS NOT NULL), '')
      || coalesce((SELECT ' ' || group_concat(char(57344) || 'y' || hex(ad.city), ' ') FROM service_at_location sal JOIN addresses ad ON ad.location_id = sal.location_id
        WHERE sal.service_id = s.id AND ad.city IS NOT NULL), ''))
    FROM service_search_values v WHERE v.service_id = s.id) AS facets
FROM services s JOIN organizations o ON o.id = s.organization_id;
--> statement-breakpoint
CREATE VIRTUAL TABLE services_fts USING fts5(
  name, alternate_name, description, organization, terms, facets,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
--> statement-breakpoint
INSERT INTO services_fts(rowid, name, alternate_name, description, organization, terms, facets)
  SELECT m.rowid, v.name, v.alternate_name, v.description, v.organization, v.terms, v.facets
  FROM services_search_text v JOIN services_fts_map m ON m.service_id = v.service_id;
--> statement-breakpoint
INSERT INTO services_fts(services_fts) VALUES ('optimize');
--> statement-breakpoint
-- services_names_fts: each service's names alone (its own, its other name, its organization's),
-- by the same rowids, for the first tier of relevance: a search ranks the services with every
-- word in a name first, by bm25 over this table. Its doclists hold name hits only, so reading and
-- ranking them costs a fraction of a column filter on services_fts, whose doclists hold every
-- column's hits. `pad` holds one U+E001 token per word of the service's description and category
-- names: no query can match it and it weighs 0, but it makes a row about as long as the service's
-- whole text, so bm25 weighs a name hit by the length of all the service says, as services_fts
-- does (up to 20,000 words: past that the length changes nothing, and a row stays small). Without it, names of the same length tie by the thousand, and a page must then order a
-- whole tie by date and name. It is written by the triggers that write services_fts, but for a
-- change of facets alone (which leaves names and padding as they are).
CREATE VIEW services_names_text AS
SELECT
  service_id, name, alternate_name, organization,
  replace(hex(zeroblob(min(20000,
    length(description) - length(replace(description, ' ', '')) + 1
    + length(terms) - length(replace(terms, ' ', '')) + 1
  ))), '00', char(57345) || ' ') AS pad
FROM (
  -- Words are counted by their spaces: line breaks, tabs and no-break spaces count as spaces.
  SELECT service_id, name, alternate_name, organization,
    replace(replace(replace(replace(description, char(10), ' '), char(13), ' '), char(9), ' '), char(160), ' ') AS description,
    replace(replace(replace(replace(terms, char(10), ' '), char(13), ' '), char(9), ' '), char(160), ' ') AS terms
  FROM services_search_text
);
--> statement-breakpoint
CREATE VIRTUAL TABLE services_names_fts USING fts5(
  name, alternate_name, organization, pad,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
--> statement-breakpoint
INSERT INTO services_names_fts(rowid, name, alternate_name, organization, pad)
  SELECT m.rowid, v.name, v.alternate_name, v.organization, v.pad
  FROM services_names_text v JOIN services_fts_map m ON m.service_id = v.service_id;
--> statement-breakpoint
INSERT INTO services_names_fts(services_names_fts) VALUES ('optimize');
--> statement-breakpoint
DROP TRIGGER services_fts_after_insert;
--> statement-breakpoint
CREATE TRIGGER services_fts_after_insert AFTER INSERT ON services BEGIN
  INSERT OR IGNORE INTO services_fts_map(service_id) VALUES (new.id);
  DELETE FROM services_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (new.id));
  DELETE FROM services_names_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (new.id));
  INSERT INTO services_fts(rowid, name, alternate_name, description, organization, terms, facets)
    SELECT m.rowid, v.name, v.alternate_name, v.description, v.organization, v.terms, v.facets
    FROM services_search_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (new.id);
  INSERT INTO services_names_fts(rowid, name, alternate_name, organization, pad)
    SELECT m.rowid, v.name, v.alternate_name, v.organization, v.pad
    FROM services_names_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (new.id);
END;
--> statement-breakpoint
DROP TRIGGER services_fts_after_update;
--> statement-breakpoint
CREATE TRIGGER services_fts_after_update AFTER UPDATE OF id, name, alternate_name, description, organization_id ON services BEGIN
  DELETE FROM services_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id = old.id);
  DELETE FROM services_names_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id = old.id);
  UPDATE services_fts_map SET service_id = new.id WHERE service_id = old.id;
  DELETE FROM services_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (new.id));
  DELETE FROM services_names_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (new.id));
  INSERT INTO services_fts(rowid, name, alternate_name, description, organization, terms, facets)
    SELECT m.rowid, v.name, v.alternate_name, v.description, v.organization, v.terms, v.facets
    FROM services_search_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (new.id);
  INSERT INTO services_names_fts(rowid, name, alternate_name, organization, pad)
    SELECT m.rowid, v.name, v.alternate_name, v.organization, v.pad
    FROM services_names_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (new.id);
END;
--> statement-breakpoint
DROP TRIGGER services_fts_after_delete;
--> statement-breakpoint
CREATE TRIGGER services_fts_after_delete AFTER DELETE ON services BEGIN
  DELETE FROM services_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id = old.id);
  DELETE FROM services_names_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id = old.id);
  DELETE FROM services_fts_map WHERE service_id = old.id;
END;
--> statement-breakpoint
DROP TRIGGER organizations_fts_after_update;
--> statement-breakpoint
CREATE TRIGGER organizations_fts_after_update AFTER UPDATE OF name, alternate_name ON organizations BEGIN
  DELETE FROM services_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (SELECT id FROM services WHERE organization_id = new.id));
  DELETE FROM services_names_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (SELECT id FROM services WHERE organization_id = new.id));
  INSERT INTO services_fts(rowid, name, alternate_name, description, organization, terms, facets)
    SELECT m.rowid, v.name, v.alternate_name, v.description, v.organization, v.terms, v.facets
    FROM services_search_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (SELECT id FROM services WHERE organization_id = new.id);
  INSERT INTO services_names_fts(rowid, name, alternate_name, organization, pad)
    SELECT m.rowid, v.name, v.alternate_name, v.organization, v.pad
    FROM services_names_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (SELECT id FROM services WHERE organization_id = new.id);
END;
--> statement-breakpoint
DROP TRIGGER attributes_fts_after_insert;
--> statement-breakpoint
CREATE TRIGGER attributes_fts_after_insert AFTER INSERT ON attributes BEGIN
  DELETE FROM services_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (new.link_id));
  DELETE FROM services_names_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (new.link_id));
  INSERT INTO services_fts(rowid, name, alternate_name, description, organization, terms, facets)
    SELECT m.rowid, v.name, v.alternate_name, v.description, v.organization, v.terms, v.facets
    FROM services_search_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (new.link_id);
  INSERT INTO services_names_fts(rowid, name, alternate_name, organization, pad)
    SELECT m.rowid, v.name, v.alternate_name, v.organization, v.pad
    FROM services_names_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (new.link_id);
END;
--> statement-breakpoint
DROP TRIGGER attributes_fts_after_delete;
--> statement-breakpoint
CREATE TRIGGER attributes_fts_after_delete AFTER DELETE ON attributes BEGIN
  DELETE FROM services_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (old.link_id));
  DELETE FROM services_names_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (old.link_id));
  INSERT INTO services_fts(rowid, name, alternate_name, description, organization, terms, facets)
    SELECT m.rowid, v.name, v.alternate_name, v.description, v.organization, v.terms, v.facets
    FROM services_search_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (old.link_id);
  INSERT INTO services_names_fts(rowid, name, alternate_name, organization, pad)
    SELECT m.rowid, v.name, v.alternate_name, v.organization, v.pad
    FROM services_names_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (old.link_id);
END;
--> statement-breakpoint
DROP TRIGGER attributes_fts_after_update;
--> statement-breakpoint
CREATE TRIGGER attributes_fts_after_update AFTER UPDATE OF link_id, taxonomy_term_id ON attributes BEGIN
  DELETE FROM services_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (old.link_id, new.link_id));
  DELETE FROM services_names_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (old.link_id, new.link_id));
  INSERT INTO services_fts(rowid, name, alternate_name, description, organization, terms, facets)
    SELECT m.rowid, v.name, v.alternate_name, v.description, v.organization, v.terms, v.facets
    FROM services_search_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (old.link_id, new.link_id);
  INSERT INTO services_names_fts(rowid, name, alternate_name, organization, pad)
    SELECT m.rowid, v.name, v.alternate_name, v.organization, v.pad
    FROM services_names_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (old.link_id, new.link_id);
END;
--> statement-breakpoint
DROP TRIGGER taxonomy_terms_fts_after_update;
--> statement-breakpoint
CREATE TRIGGER taxonomy_terms_fts_after_update AFTER UPDATE OF name ON taxonomy_terms BEGIN
  DELETE FROM services_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (SELECT link_id FROM attributes WHERE taxonomy_term_id = new.id));
  DELETE FROM services_names_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (SELECT link_id FROM attributes WHERE taxonomy_term_id = new.id));
  INSERT INTO services_fts(rowid, name, alternate_name, description, organization, terms, facets)
    SELECT m.rowid, v.name, v.alternate_name, v.description, v.organization, v.terms, v.facets
    FROM services_search_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (SELECT link_id FROM attributes WHERE taxonomy_term_id = new.id);
  INSERT INTO services_names_fts(rowid, name, alternate_name, organization, pad)
    SELECT m.rowid, v.name, v.alternate_name, v.organization, v.pad
    FROM services_names_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (SELECT link_id FROM attributes WHERE taxonomy_term_id = new.id);
END;
--> statement-breakpoint
DROP TRIGGER term_translations_fts_after_insert;
--> statement-breakpoint
CREATE TRIGGER term_translations_fts_after_insert AFTER INSERT ON taxonomy_term_translations BEGIN
  DELETE FROM services_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (SELECT link_id FROM attributes WHERE taxonomy_term_id = new.taxonomy_term_id));
  DELETE FROM services_names_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (SELECT link_id FROM attributes WHERE taxonomy_term_id = new.taxonomy_term_id));
  INSERT INTO services_fts(rowid, name, alternate_name, description, organization, terms, facets)
    SELECT m.rowid, v.name, v.alternate_name, v.description, v.organization, v.terms, v.facets
    FROM services_search_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (SELECT link_id FROM attributes WHERE taxonomy_term_id = new.taxonomy_term_id);
  INSERT INTO services_names_fts(rowid, name, alternate_name, organization, pad)
    SELECT m.rowid, v.name, v.alternate_name, v.organization, v.pad
    FROM services_names_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (SELECT link_id FROM attributes WHERE taxonomy_term_id = new.taxonomy_term_id);
END;
--> statement-breakpoint
DROP TRIGGER term_translations_fts_after_update;
--> statement-breakpoint
CREATE TRIGGER term_translations_fts_after_update AFTER UPDATE ON taxonomy_term_translations BEGIN
  DELETE FROM services_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (SELECT link_id FROM attributes WHERE taxonomy_term_id IN (old.taxonomy_term_id, new.taxonomy_term_id)));
  DELETE FROM services_names_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (SELECT link_id FROM attributes WHERE taxonomy_term_id IN (old.taxonomy_term_id, new.taxonomy_term_id)));
  INSERT INTO services_fts(rowid, name, alternate_name, description, organization, terms, facets)
    SELECT m.rowid, v.name, v.alternate_name, v.description, v.organization, v.terms, v.facets
    FROM services_search_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (SELECT link_id FROM attributes WHERE taxonomy_term_id IN (old.taxonomy_term_id, new.taxonomy_term_id));
  INSERT INTO services_names_fts(rowid, name, alternate_name, organization, pad)
    SELECT m.rowid, v.name, v.alternate_name, v.organization, v.pad
    FROM services_names_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (SELECT link_id FROM attributes WHERE taxonomy_term_id IN (old.taxonomy_term_id, new.taxonomy_term_id));
END;
--> statement-breakpoint
DROP TRIGGER term_translations_fts_after_delete;
--> statement-breakpoint
CREATE TRIGGER term_translations_fts_after_delete AFTER DELETE ON taxonomy_term_translations BEGIN
  DELETE FROM services_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (SELECT link_id FROM attributes WHERE taxonomy_term_id = old.taxonomy_term_id));
  DELETE FROM services_names_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (SELECT link_id FROM attributes WHERE taxonomy_term_id = old.taxonomy_term_id));
  INSERT INTO services_fts(rowid, name, alternate_name, description, organization, terms, facets)
    SELECT m.rowid, v.name, v.alternate_name, v.description, v.organization, v.terms, v.facets
    FROM services_search_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (SELECT link_id FROM attributes WHERE taxonomy_term_id = old.taxonomy_term_id);
  INSERT INTO services_names_fts(rowid, name, alternate_name, organization, pad)
    SELECT m.rowid, v.name, v.alternate_name, v.organization, v.pad
    FROM services_names_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (SELECT link_id FROM attributes WHERE taxonomy_term_id = old.taxonomy_term_id);
END;
--> statement-breakpoint
CREATE TRIGGER services_fts_after_search_row_update AFTER UPDATE OF active, walk_in, trauma_informed, survivor_led, free, online, categories, languages, cities ON service_search_rows
WHEN old.active IS NOT new.active OR old.walk_in IS NOT new.walk_in OR old.trauma_informed IS NOT new.trauma_informed OR old.survivor_led IS NOT new.survivor_led OR old.free IS NOT new.free OR old.online IS NOT new.online OR old.categories IS NOT new.categories OR old.languages IS NOT new.languages OR old.cities IS NOT new.cities BEGIN
  DELETE FROM services_fts WHERE rowid = new.id;
  INSERT INTO services_fts(rowid, name, alternate_name, description, organization, terms, facets)
    SELECT m.rowid, v.name, v.alternate_name, v.description, v.organization, v.terms, v.facets
    FROM services_search_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE m.rowid = new.id;
END;
