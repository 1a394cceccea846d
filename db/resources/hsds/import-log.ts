/**
 * The change log of an HSDS import: each resource whose records the import added or changed gets
 * one "imported" row, naming what changed (its service, place, phones, hours…) and never a value,
 * as a moderator's edit does. The edit form's version then moves too, so a moderator's form
 * opened before the import cannot silently write over what it brought.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../../core/database';
import { resourceChanges } from '../../schema';

/** Ids looked up per query. Each list is bound as one JSON text, however often a query uses it (D1 binds at most 100 values a statement). */
const IDS_PER_QUERY = 500;

const list = (ids: string[]): SQL => sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;

/** A place's row: the services at that place. Each query answers pairs of (row_id, service_id). */
const atPlace = (table: string) => (ids: SQL) =>
  sql`SELECT x.id AS row_id, sal.service_id FROM ${sql.raw(table)} x JOIN service_at_location sal ON sal.location_id = x.location_id WHERE x.id IN ${ids}`;
/** A row of a service, or of a place when it names no service. */
const ofServiceOrPlace = (table: string) => (ids: SQL) =>
  sql`SELECT id AS row_id, service_id FROM ${sql.raw(table)} WHERE id IN ${ids} AND service_id IS NOT NULL
    UNION SELECT x.id, sal.service_id FROM ${sql.raw(table)} x JOIN service_at_location sal ON sal.location_id = x.location_id WHERE x.id IN ${ids} AND x.service_id IS NULL`;
const ofService = (table: string) => (ids: SQL) =>
  sql`SELECT id AS row_id, service_id FROM ${sql.raw(table)} WHERE id IN ${ids}`;

/** Per HSDS table: the name the log gives its part of a resource, and the services each of a set of its rows belongs to. */
const PARTS: Record<string, { field: string; services: (ids: SQL) => SQL }> = {
  organizations: {
    field: 'organization',
    services: (ids) =>
      sql`SELECT organization_id AS row_id, id AS service_id FROM services WHERE organization_id IN ${ids}`,
  },
  services: {
    field: 'service',
    services: (ids) => sql`SELECT id AS row_id, id AS service_id FROM services WHERE id IN ${ids}`,
  },
  locations: {
    field: 'place',
    services: (ids) =>
      sql`SELECT location_id AS row_id, service_id FROM service_at_location WHERE location_id IN ${ids}`,
  },
  service_at_location: { field: 'place', services: ofService('service_at_location') },
  addresses: { field: 'address', services: atPlace('addresses') },
  accessibility: { field: 'accessibility', services: atPlace('accessibility') },
  phones: { field: 'phones', services: ofServiceOrPlace('phones') },
  schedules: { field: 'hours', services: ofServiceOrPlace('schedules') },
  languages: { field: 'languages', services: ofServiceOrPlace('languages') },
  cost_options: { field: 'cost', services: ofService('cost_options') },
  required_documents: { field: 'documents', services: ofService('required_documents') },
  service_areas: { field: 'serviceArea', services: ofService('service_areas') },
  attributes: {
    field: 'categories',
    services: (ids) =>
      sql`SELECT id AS row_id, link_id AS service_id FROM attributes WHERE id IN ${ids} AND link_id IN (SELECT id FROM services)`,
  },
};
const FIELD_ORDER = [...new Set(Object.values(PARTS).map((part) => part.field))];

/** The services that rows of an HSDS table belong to now, per row id (none for a table no resource shows). */
export const servicesOfRows = async (
  db: Database,
  table: string,
  ids: string[],
): Promise<Map<string, string[]>> => {
  const owners = new Map<string, string[]>();
  const part = PARTS[table];
  if (!part) return owners;
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    for (const { row_id, service_id } of await db.all<{ row_id: string; service_id: string }>(
      part.services(list(ids.slice(i, i + IDS_PER_QUERY))),
    )) {
      owners.set(row_id, [...(owners.get(row_id) ?? []), service_id]);
    }
  }
  return owners;
};

/**
 * Logs the resources an import touched, given the ids it inserted or changed per HSDS table
 * (taxonomies are not part of a resource), and the services those rows belonged to before the
 * import (`before`, from servicesOfRows): a phone moved from one service to another changes both.
 * Returns how many resources were logged.
 */
export const logImportedResources = async (
  db: Database,
  written: Map<string, string[]>,
  now: Date,
  before = new Map<string, Map<string, string[]>>(),
): Promise<number> => {
  const fieldsOf = new Map<string, Set<string>>();
  const touch = (serviceId: string, field: string) =>
    fieldsOf.set(serviceId, (fieldsOf.get(serviceId) ?? new Set()).add(field));
  for (const [table, ids] of written) {
    const part = PARTS[table];
    if (!part) continue;
    for (const owners of (await servicesOfRows(db, table, ids)).values())
      for (const serviceId of owners) touch(serviceId, part.field);
    const formerly = before.get(table);
    if (formerly)
      for (const id of ids)
        for (const serviceId of formerly.get(id) ?? []) touch(serviceId, part.field);
  }
  // A former owner may since have been deleted; only services that exist get a row.
  const present = new Set<string>();
  const candidates = [...fieldsOf.keys()];
  for (let i = 0; i < candidates.length; i += IDS_PER_QUERY) {
    for (const { id } of await db.all<{ id: string }>(
      sql`SELECT id FROM services WHERE id IN ${list(candidates.slice(i, i + IDS_PER_QUERY))}`,
    ))
      present.add(id);
  }
  for (const serviceId of candidates) if (!present.has(serviceId)) fieldsOf.delete(serviceId);
  const rows = [...fieldsOf].map(([serviceId, fields]) =>
    db.insert(resourceChanges).values({
      id: crypto.randomUUID(),
      serviceId,
      changedAt: now,
      actorUserId: null,
      actorRole: 'import',
      action: 'imported',
      changedFields: FIELD_ORDER.filter((field) => fields.has(field)),
    }),
  );
  for (let i = 0; i < rows.length; i += 100) {
    const chunk = rows.slice(i, i + 100) as BatchItem<'sqlite'>[];
    await db.batch(chunk as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  }
  return fieldsOf.size;
};
