-- Full-text search over services (SQLite FTS5), kept in step by triggers.
-- What is indexed is defined once, by the view services_search_text: the service's name,
-- alternate name and description, its organization's names, and its taxonomy terms in every
-- language. services_fts_map gives each service a stable integer rowid for the FTS table (a text
-- primary key's implicit rowid may change on VACUUM). Rebuild with `npm run fts:rebuild`.
CREATE VIRTUAL TABLE services_fts USING fts5(
  name, alternate_name, description, organization, terms,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
--> statement-breakpoint
CREATE TABLE services_fts_map (
  rowid INTEGER PRIMARY KEY,
  service_id TEXT NOT NULL UNIQUE
);
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
  ), '') AS terms
FROM services s JOIN organizations o ON o.id = s.organization_id;
--> statement-breakpoint
CREATE TRIGGER services_fts_after_insert AFTER INSERT ON services BEGIN
  INSERT OR IGNORE INTO services_fts_map(service_id) VALUES (new.id);
  DELETE FROM services_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (new.id));
  INSERT INTO services_fts(rowid, name, alternate_name, description, organization, terms)
    SELECT m.rowid, v.name, v.alternate_name, v.description, v.organization, v.terms
    FROM services_search_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (new.id);
END;
--> statement-breakpoint
CREATE TRIGGER services_fts_after_update AFTER UPDATE OF id, name, alternate_name, description, organization_id ON services BEGIN
  DELETE FROM services_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id = old.id);
  UPDATE services_fts_map SET service_id = new.id WHERE service_id = old.id;
  DELETE FROM services_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (new.id));
  INSERT INTO services_fts(rowid, name, alternate_name, description, organization, terms)
    SELECT m.rowid, v.name, v.alternate_name, v.description, v.organization, v.terms
    FROM services_search_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (new.id);
END;
--> statement-breakpoint
CREATE TRIGGER services_fts_after_delete AFTER DELETE ON services BEGIN
  DELETE FROM services_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id = old.id);
  DELETE FROM services_fts_map WHERE service_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER organizations_fts_after_update AFTER UPDATE OF name, alternate_name ON organizations BEGIN
  DELETE FROM services_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (SELECT id FROM services WHERE organization_id = new.id));
  INSERT INTO services_fts(rowid, name, alternate_name, description, organization, terms)
    SELECT m.rowid, v.name, v.alternate_name, v.description, v.organization, v.terms
    FROM services_search_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (SELECT id FROM services WHERE organization_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER attributes_fts_after_insert AFTER INSERT ON attributes BEGIN
  DELETE FROM services_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (new.link_id));
  INSERT INTO services_fts(rowid, name, alternate_name, description, organization, terms)
    SELECT m.rowid, v.name, v.alternate_name, v.description, v.organization, v.terms
    FROM services_search_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (new.link_id);
END;
--> statement-breakpoint
CREATE TRIGGER attributes_fts_after_delete AFTER DELETE ON attributes BEGIN
  DELETE FROM services_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (old.link_id));
  INSERT INTO services_fts(rowid, name, alternate_name, description, organization, terms)
    SELECT m.rowid, v.name, v.alternate_name, v.description, v.organization, v.terms
    FROM services_search_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (old.link_id);
END;
--> statement-breakpoint
CREATE TRIGGER attributes_fts_after_update AFTER UPDATE OF link_id, taxonomy_term_id ON attributes BEGIN
  DELETE FROM services_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (old.link_id, new.link_id));
  INSERT INTO services_fts(rowid, name, alternate_name, description, organization, terms)
    SELECT m.rowid, v.name, v.alternate_name, v.description, v.organization, v.terms
    FROM services_search_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (old.link_id, new.link_id);
END;
--> statement-breakpoint
CREATE TRIGGER taxonomy_terms_fts_after_update AFTER UPDATE OF name ON taxonomy_terms BEGIN
  DELETE FROM services_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (SELECT link_id FROM attributes WHERE taxonomy_term_id = new.id));
  INSERT INTO services_fts(rowid, name, alternate_name, description, organization, terms)
    SELECT m.rowid, v.name, v.alternate_name, v.description, v.organization, v.terms
    FROM services_search_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (SELECT link_id FROM attributes WHERE taxonomy_term_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER term_translations_fts_after_insert AFTER INSERT ON taxonomy_term_translations BEGIN
  DELETE FROM services_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (SELECT link_id FROM attributes WHERE taxonomy_term_id = new.taxonomy_term_id));
  INSERT INTO services_fts(rowid, name, alternate_name, description, organization, terms)
    SELECT m.rowid, v.name, v.alternate_name, v.description, v.organization, v.terms
    FROM services_search_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (SELECT link_id FROM attributes WHERE taxonomy_term_id = new.taxonomy_term_id);
END;
--> statement-breakpoint
CREATE TRIGGER term_translations_fts_after_update AFTER UPDATE ON taxonomy_term_translations BEGIN
  DELETE FROM services_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (SELECT link_id FROM attributes WHERE taxonomy_term_id = new.taxonomy_term_id));
  INSERT INTO services_fts(rowid, name, alternate_name, description, organization, terms)
    SELECT m.rowid, v.name, v.alternate_name, v.description, v.organization, v.terms
    FROM services_search_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (SELECT link_id FROM attributes WHERE taxonomy_term_id = new.taxonomy_term_id);
END;
--> statement-breakpoint
CREATE TRIGGER term_translations_fts_after_delete AFTER DELETE ON taxonomy_term_translations BEGIN
  DELETE FROM services_fts WHERE rowid IN (SELECT rowid FROM services_fts_map WHERE service_id IN (SELECT link_id FROM attributes WHERE taxonomy_term_id = old.taxonomy_term_id));
  INSERT INTO services_fts(rowid, name, alternate_name, description, organization, terms)
    SELECT m.rowid, v.name, v.alternate_name, v.description, v.organization, v.terms
    FROM services_search_text v JOIN services_fts_map m ON m.service_id = v.service_id
    WHERE v.service_id IN (SELECT link_id FROM attributes WHERE taxonomy_term_id = old.taxonomy_term_id);
END;
