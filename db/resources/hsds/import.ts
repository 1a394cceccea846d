/**
 * HSDS 3.0 import: rows of the tabular package (or JSON flattened into the same rows) checked,
 * then upserted by HSDS id, one row per statement, in db.batch() chunks (D1 has no interactive
 * transactions and caps bound values per statement). Running an import twice changes nothing.
 *
 * What an import never does: set verified_at / verified_by_role (only a person verifies), touch
 * the platform fields of an existing record (slug, trauma_informed, survivor_led, walk_in,
 * confidential_location, time_zone), or blank the position, name or transit notes of a
 * confidential location (our own export leaves them out). It never deletes either.
 */
import zoneAtPosition from '@photostructure/tz-lookup';
import { getTableName, inArray, sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { slicesForD1 } from '../../core/bound-parameters';
import type { Database } from '../../core/database';
import { rebuildResourceSearchIndex } from '../search/fts';
import { logImportedResources, servicesOfRows } from './import-log';
import * as t from '../../schema';
import { serviceSlug } from '../slug';

/** The IANA time zone at a position, or null when none is found. */
const zoneAt = (latitude: number, longitude: number): string | null => {
  try {
    return zoneAtPosition(latitude, longitude);
  } catch {
    return null;
  }
};

/** One input row: HSDS column names to raw values (CSV strings, or JSON values). */
export interface SourceRow {
  file: string;
  /** CSV: the line the record starts on. JSON: null (see `at`). */
  line: number | null;
  /** JSON: where in the document (a JSON pointer). */
  at?: string;
  values: Record<string, unknown>;
}

export interface ImportIssue {
  file: string;
  line: number | null;
  at?: string;
  table: string;
  id?: string;
  reason: string;
}

export interface ImportResult {
  /** Per table: rows inserted, rows updated (already there and changed), rows already there as imported, rows rejected. */
  counts: Record<
    string,
    { inserted: number; updated: number; unchanged: number; rejected: number }
  >;
  rejected: ImportIssue[];
  /** Rows imported with a value left out (e.g. a reference to a record that does not exist). */
  warnings: ImportIssue[];
  indexed: number;
  /** Resources whose records this import added or changed: each got an "imported" row in its change log. */
  logged: number;
}

export interface ImportOptions {
  /** Called after each written chunk: table, rows done in it, rows in it. */
  onProgress?: (table: string, done: number, total: number) => void;
  /** Statements per batch. */
  chunkSize?: number;
  /** When the import ran, for the change log (tests pass a fixed moment). */
  now?: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'];

type Kind = 'text' | 'int' | 'real' | 'date';
interface Column {
  hsds: string;
  key: string;
  kind?: Kind;
  required?: boolean;
  /** A reference: the HSDS table it points to. `need` means the row is rejected when it is broken. */
  ref?: { table: string; need?: boolean };
  default?: string;
}
interface Spec {
  name: string;
  table: SQLiteTable & Record<string, unknown>;
  columns: Column[];
}

const c = (hsds: string, extra: Partial<Column> = {}): Column => ({
  hsds,
  key: hsds.replace(/_(\w)/g, (_, ch: string) => ch.toUpperCase()).replace(/_(\d)/g, '$1'),
  ...extra,
});

/** The HSDS tables this platform stores, in the order they are written (referenced tables first). */
export const IMPORT_TABLES: Spec[] = [
  {
    name: 'taxonomies',
    table: t.taxonomies as never,
    columns: [
      c('id'),
      c('name', { required: true }),
      c('description', { required: true }),
      c('uri'),
      c('version'),
    ],
  },
  {
    name: 'taxonomy_terms',
    table: t.taxonomyTerms as never,
    columns: [
      c('id'),
      c('code'),
      c('name', { required: true }),
      c('description', { required: true }),
      c('parent_id'),
      c('taxonomy'),
      c('language'),
      c('taxonomy_id', { ref: { table: 'taxonomies' } }),
      c('term_uri'),
    ],
  },
  {
    name: 'organizations',
    table: t.organizations as never,
    columns: [
      c('id'),
      c('name', { required: true }),
      c('alternate_name'),
      c('description'),
      c('email'),
      c('website'),
      c('tax_status'),
      c('tax_id'),
      c('year_incorporated', { kind: 'int' }),
      c('legal_status'),
      c('logo'),
      c('uri'),
      c('parent_organization_id'),
    ],
  },
  {
    name: 'services',
    table: t.services as never,
    columns: [
      c('id'),
      c('organization_id', { ref: { table: 'organizations', need: true } }),
      c('program_id'),
      c('name', { required: true }),
      c('alternate_name'),
      c('description'),
      c('url'),
      c('email'),
      c('status', { default: 'active' }),
      c('interpretation_services'),
      c('application_process'),
      c('fees_description'),
      c('wait_time'),
      c('fees'),
      c('accreditations'),
      c('eligibility_description'),
      c('minimum_age', { kind: 'int' }),
      c('maximum_age', { kind: 'int' }),
      c('assured_date'),
      c('assurer_email'),
      c('licenses'),
      c('alert'),
      c('last_modified', { kind: 'date' }),
    ],
  },
  {
    name: 'locations',
    table: t.locations as never,
    columns: [
      c('id'),
      c('location_type', { default: 'physical' }),
      c('url'),
      c('organization_id', { ref: { table: 'organizations' } }),
      c('name'),
      c('alternate_name'),
      c('description'),
      c('transportation'),
      c('latitude', { kind: 'real' }),
      c('longitude', { kind: 'real' }),
      c('external_identifier'),
      c('external_identifier_type'),
    ],
  },
  {
    name: 'service_at_location',
    table: t.serviceAtLocation as never,
    columns: [
      c('id'),
      c('service_id', { ref: { table: 'services', need: true } }),
      c('location_id', { ref: { table: 'locations', need: true } }),
      c('description'),
    ],
  },
  {
    name: 'addresses',
    table: t.addresses as never,
    columns: [
      c('id'),
      c('location_id', { ref: { table: 'locations', need: true } }),
      c('attention'),
      { hsds: 'address_1', key: 'address1', required: true },
      { hsds: 'address_2', key: 'address2' },
      c('city', { required: true }),
      c('region'),
      c('state_province', { required: true }),
      c('postal_code', { required: true }),
      c('country', { required: true }),
      c('address_type', { default: 'physical' }),
    ],
  },
  {
    name: 'phones',
    table: t.phones as never,
    columns: [
      c('id'),
      c('location_id', { ref: { table: 'locations' } }),
      c('service_id', { ref: { table: 'services' } }),
      c('organization_id', { ref: { table: 'organizations' } }),
      c('contact_id'),
      c('service_at_location_id'),
      c('number', { required: true }),
      c('extension', { kind: 'int' }),
      c('type'),
      c('description'),
    ],
  },
  {
    name: 'schedules',
    table: t.schedules as never,
    columns: [
      c('id'),
      c('service_id', { ref: { table: 'services' } }),
      c('location_id', { ref: { table: 'locations' } }),
      c('service_at_location_id'),
      c('valid_from'),
      c('valid_to'),
      c('dtstart'),
      c('timezone', { kind: 'real' }),
      c('until'),
      c('count', { kind: 'int' }),
      c('wkst'),
      c('freq'),
      c('interval', { kind: 'int' }),
      c('byday'),
      c('byweekno'),
      c('bymonthday'),
      c('byyearday'),
      c('description'),
      c('opens_at'),
      c('closes_at'),
      c('schedule_link'),
      c('attending_type'),
      c('notes'),
    ],
  },
  {
    name: 'languages',
    table: t.languages as never,
    columns: [
      c('id'),
      c('service_id', { ref: { table: 'services' } }),
      c('location_id', { ref: { table: 'locations' } }),
      c('phone_id'),
      c('name'),
      c('code'),
      c('note'),
    ],
  },
  {
    name: 'accessibility',
    table: t.accessibility as never,
    columns: [
      c('id'),
      c('location_id', { ref: { table: 'locations', need: true } }),
      c('description'),
      c('details'),
      c('url'),
    ],
  },
  {
    name: 'cost_options',
    table: t.costOptions as never,
    columns: [
      c('id'),
      c('service_id', { ref: { table: 'services', need: true } }),
      c('valid_from'),
      c('valid_to'),
      c('option'),
      c('currency'),
      c('amount', { kind: 'real' }),
      c('amount_description'),
    ],
  },
  {
    name: 'required_documents',
    table: t.requiredDocuments as never,
    columns: [
      c('id'),
      c('service_id', { ref: { table: 'services', need: true } }),
      c('document'),
      c('uri'),
    ],
  },
  {
    name: 'service_areas',
    table: t.serviceAreas as never,
    columns: [
      c('id'),
      c('service_id', { ref: { table: 'services', need: true } }),
      c('name'),
      c('description'),
      c('extent'),
      c('extent_type'),
      c('uri'),
    ],
  },
  {
    name: 'attributes',
    table: t.attributes as never,
    columns: [
      c('id'),
      c('link_id', { required: true }),
      c('taxonomy_term_id', { ref: { table: 'taxonomy_terms', need: true } }),
      c('link_type'),
      c('link_entity'),
      c('value'),
    ],
  },
];

export const IMPORT_TABLE_NAMES = IMPORT_TABLES.map((s) => s.name);

/** Rows whose references all point nowhere are orphans: rejected. */
const NEEDS_ONE_OF: Record<string, string[]> = {
  phones: ['location_id', 'service_id', 'organization_id'],
  schedules: ['service_id', 'location_id'],
  languages: ['service_id', 'location_id'],
};

const text = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  const s =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value);
  return s.trim() === '' ? null : s;
};

const col = (table: SQLiteTable, key: string) =>
  (table as unknown as Record<string, SQLiteColumn>)[key]!;

/** The ON CONFLICT … DO UPDATE condition: some column of the stored row differs from what it would become. */
const differs = (spec: Spec, set: Record<string, SQL>): SQL =>
  sql.join(
    Object.entries(set).map(
      ([key, value]) =>
        sql`${sql.raw(`"${getTableName(spec.table)}"."${col(spec.table, key).name}"`)} IS NOT ${value}`,
    ),
    sql` OR `,
  );

/** The ON CONFLICT … DO UPDATE SET list: every HSDS column takes the incoming value. */
const updateSet = (spec: Spec): Record<string, SQL> => {
  const set: Record<string, SQL> = {};
  for (const column of spec.columns) {
    if (column.hsds === 'id') continue;
    const name = col(spec.table, column.key).name;
    set[column.key] =
      spec.name === 'locations' &&
      [
        'name',
        'alternate_name',
        'transportation',
        'latitude',
        'longitude',
        'description',
        'url',
        'external_identifier',
        'external_identifier_type',
      ].includes(name)
        ? // A confidential place keeps what our own export leaves out.
          sql.raw(
            `iif("locations"."confidential_location", coalesce(excluded."${name}", "locations"."${name}"), excluded."${name}")`,
          )
        : sql.raw(`excluded."${name}"`);
  }
  return set;
};

/**
 * Checks and writes HSDS rows, grouped by HSDS table name. Unknown tables are ignored (the caller
 * reports them). Returns counts, every rejected row with its reason, and warnings.
 */
export const importHsdsRows = async (
  db: Database,
  rowsByTable: Map<string, SourceRow[]>,
  options: ImportOptions = {},
): Promise<ImportResult> => {
  const chunkSize = options.chunkSize ?? 100;
  const result: ImportResult = { counts: {}, rejected: [], warnings: [], indexed: 0, logged: 0 };
  // Per HSDS table, the ids of the rows this import inserted or changed: what the change log records;
  // and, for rows that were already there, the services they belonged to before (a row may move).
  const written = new Map<string, string[]>();
  const ownersBefore = new Map<string, Map<string, string[]>>();

  // Ids already in the database, per table: for references and to count inserts and updates.
  const existing = new Map<string, Set<string>>();
  for (const spec of IMPORT_TABLES) {
    const ids = await db
      .select({ id: col(spec.table, 'id') })
      .from(spec.table)
      .all();
    existing.set(spec.name, new Set(ids.map((r) => String((r as { id: unknown }).id))));
  }
  const slugRows = await db
    .select({ id: t.services.id, slug: t.services.slug })
    .from(t.services)
    .all();
  const slugs = new Set(slugRows.map((r) => r.slug));
  const slugOf = new Map(slugRows.map((r) => [r.id, r.slug]));
  const accepted = new Map<string, Set<string>>(
    IMPORT_TABLES.map((s) => [s.name, new Set<string>()]),
  );
  const salRows = new Map<string, { serviceId: string; locationId: string }>(
    (
      await db
        .select({
          id: t.serviceAtLocation.id,
          serviceId: t.serviceAtLocation.serviceId,
          locationId: t.serviceAtLocation.locationId,
        })
        .from(t.serviceAtLocation)
        .all()
    ).map((r) => [r.id, { serviceId: r.serviceId, locationId: r.locationId }]),
  );
  const known = (table: string, id: string) =>
    accepted.get(table)!.has(id) || existing.get(table)!.has(id);

  for (const spec of IMPORT_TABLES) {
    const source = rowsByTable.get(spec.name) ?? [];
    const counts = { inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
    result.counts[spec.name] = counts;
    const seen = new Map<string, SourceRow>();
    const ready: { row: SourceRow; id: string; values: Record<string, unknown> }[] = [];
    const reject = (row: SourceRow, reason: string, id?: string) => {
      counts.rejected += 1;
      result.rejected.push({
        file: row.file,
        line: row.line,
        ...(row.at ? { at: row.at } : {}),
        table: spec.name,
        ...(id ? { id } : {}),
        reason,
      });
    };
    const warn = (row: SourceRow, reason: string, id: string) =>
      result.warnings.push({
        file: row.file,
        line: row.line,
        ...(row.at ? { at: row.at } : {}),
        table: spec.name,
        id,
        reason,
      });

    // A CSV file without some HSDS columns updates only the columns it has: an existing record
    // keeps the others (they are read back first, in slices within D1's bound parameters).
    const stored = new Map<string, Record<string, unknown>>();
    const partialIds = [
      ...new Set(
        source
          .filter(
            (r) => r.line !== null && spec.columns.some((column) => !(column.hsds in r.values)),
          )
          .map((r) => text(r.values.id)?.trim())
          .filter((id): id is string => !!id && existing.get(spec.name)!.has(id)),
      ),
    ];
    for (const slice of slicesForD1(partialIds)) {
      const found = await db
        .select()
        .from(spec.table)
        .where(inArray(col(spec.table, 'id'), slice))
        .all();
      for (const record of found as Record<string, unknown>[])
        stored.set(String(record.id), record);
    }

    rows: for (const row of source) {
      const id = text(row.values.id)?.trim();
      if (!id) {
        reject(row, 'missing id');
        continue;
      }
      if (!UUID.test(id)) {
        reject(row, `id "${id.slice(0, 60)}" is not a UUID (HSDS 3.0 ids are UUIDs)`, id);
        continue;
      }
      const before = seen.get(id);
      if (before) {
        reject(
          row,
          `duplicate id ${id} (first on ${before.file}${before.line ? ` line ${before.line}` : ''})`,
          id,
        );
        continue;
      }
      const values: Record<string, unknown> = { id };
      for (const column of spec.columns) {
        if (column.hsds === 'id') continue;
        const kept = row.line !== null && !(column.hsds in row.values) ? stored.get(id) : undefined;
        if (kept) {
          values[column.key] = kept[column.key];
          continue;
        }
        const raw = text(row.values[column.hsds]);
        let value: unknown = raw ?? column.default ?? null;
        if ((column.required || column.ref?.need) && value === null) {
          reject(row, `missing ${column.hsds}`, id);
          continue rows;
        }
        if (raw !== null && column.kind === 'int') {
          const n = Number(raw);
          value = Number.isInteger(n) ? n : null;
          if (value === null)
            warn(row, `${column.hsds} "${raw.slice(0, 40)}" is not a whole number: left empty`, id);
        } else if (raw !== null && column.kind === 'real') {
          const n = Number(raw);
          value = Number.isFinite(n) ? n : null;
          if (value === null)
            warn(row, `${column.hsds} "${raw.slice(0, 40)}" is not a number: left empty`, id);
        } else if (raw !== null && column.kind === 'date') {
          const d = new Date(raw);
          value = Number.isNaN(d.getTime()) ? null : d;
          if (value === null)
            warn(row, `${column.hsds} "${raw.slice(0, 40)}" is not a date: left empty`, id);
        }
        if (column.ref && value !== null && !known(column.ref.table, String(value))) {
          const why = `${column.hsds} ${String(value)} matches no ${column.ref.table} record (in this import or the database)`;
          if (column.ref.need) {
            reject(row, why, id);
            continue rows;
          }
          warn(row, `${why}: left empty`, id);
          value = null;
        }
        values[column.key] = value;
      }
      // Table-specific rules.
      if (spec.name === 'services' && !STATUSES.includes(String(values.status))) {
        reject(row, `status "${String(values.status)}" is not one of ${STATUSES.join(', ')}`, id);
        continue;
      }
      if (spec.name === 'locations') {
        const lat = values.latitude as number | null;
        const lon = values.longitude as number | null;
        if (
          (lat !== null && Math.abs(lat) > 90) ||
          (lon !== null && Math.abs(lon) > 180) ||
          (lat === null) !== (lon === null)
        ) {
          warn(
            row,
            `position ${String(lat)}, ${String(lon)} is not a valid latitude and longitude: left empty`,
            id,
          );
          values.latitude = null;
          values.longitude = null;
        }
        // "Open now" needs the place's own clock. HSDS has only UTC offsets, which summer time
        // makes wrong half the year, so a new place gets the IANA zone found at its position.
        if (!existing.get('locations')!.has(id)) {
          values.timeZone =
            values.latitude === null
              ? null
              : zoneAt(values.latitude as number, values.longitude as number);
          if (!values.timeZone) {
            values.timeZone = 'UTC';
            warn(
              row,
              'no position, so no time zone: "open now" reads its hours as UTC until a moderator sets the zone',
              id,
            );
          }
        }
      }
      if (spec.name === 'schedules' && !values.locationId && values.serviceAtLocationId) {
        // "Open now" needs the place: take it from the service_at_location record.
        const link = salRows.get(String(values.serviceAtLocationId));
        if (link) {
          values.locationId = link.locationId;
          values.serviceId ??= link.serviceId;
        }
      }
      const oneOf = NEEDS_ONE_OF[spec.name];
      if (
        oneOf &&
        oneOf.every((hsds) => values[c(hsds).key] === null || values[c(hsds).key] === undefined)
      ) {
        reject(row, `links to nothing: needs a valid ${oneOf.join(' or ')}`, id);
        continue;
      }
      if (spec.name === 'attributes') {
        const link = String(values.linkId);
        if (!IMPORT_TABLES.some((s) => known(s.name, link))) {
          reject(row, `link_id ${link} matches no record (in this import or the database)`, id);
          continue;
        }
      }
      if (spec.name === 'services' && slugOf.has(id)) values.slug = slugOf.get(id);
      else if (spec.name === 'services') {
        // A new service gets a readable address; an existing one keeps its own.
        let slug = serviceSlug(String(values.name));
        if (slugs.has(slug)) slug = `${slug}-${id.slice(0, 8)}`;
        if (slugs.has(slug)) slug = id;
        slugs.add(slug);
        values.slug = slug;
      }
      seen.set(id, row);
      accepted.get(spec.name)!.add(id);
      if (spec.name === 'service_at_location')
        salRows.set(id, {
          serviceId: String(values.serviceId),
          locationId: String(values.locationId),
        });
      ready.push({ row, id, values });
    }

    // Write: one row per statement, chunks in one batch each. A chunk that fails is retried row
    // by row, so one bad row is reported and the others still go in. An existing row is rewritten
    // only when a value differs, and RETURNING names the rows written: running an import twice
    // writes and logs nothing the second time.
    ownersBefore.set(
      spec.name,
      await servicesOfRows(
        db,
        spec.name,
        ready.filter((r) => existing.get(spec.name)!.has(r.id)).map((r) => r.id),
      ),
    );
    const set = updateSet(spec);
    const statement = (values: Record<string, unknown>) =>
      db
        .insert(spec.table)
        .values(values as never)
        .onConflictDoUpdate({
          target: col(spec.table, 'id'),
          set: set as never,
          setWhere: differs(spec, set),
        })
        .returning({ id: col(spec.table, 'id') });
    const changed = new Set<string>();
    for (let start = 0; start < ready.length; start += chunkSize) {
      const chunk = ready.slice(start, start + chunkSize);
      const statements = chunk.map((r) => statement(r.values)) as unknown as BatchItem<'sqlite'>[];
      let done = chunk;
      try {
        const answers = (await db.batch(
          statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]],
        )) as unknown as { id: unknown }[][];
        for (const rows of answers) for (const row of rows) changed.add(String(row.id));
      } catch {
        done = [];
        for (const r of chunk) {
          try {
            for (const row of (await statement(r.values)) as { id: unknown }[])
              changed.add(String(row.id));
            done.push(r);
          } catch (error) {
            accepted.get(spec.name)!.delete(r.id);
            const cause =
              error instanceof Error
                ? ((error.cause as Error | undefined)?.message ?? error.message)
                : String(error);
            reject(r.row, `the database refused it: ${cause.split('\n')[0]!.slice(0, 200)}`, r.id);
          }
        }
      }
      for (const r of done) {
        if (!existing.get(spec.name)!.has(r.id)) counts.inserted += 1;
        else if (changed.has(r.id)) counts.updated += 1;
        else counts.unchanged += 1;
      }
      options.onProgress?.(spec.name, Math.min(start + chunkSize, ready.length), ready.length);
    }
    written.set(spec.name, [...changed]);
  }
  result.logged = await logImportedResources(db, written, options.now ?? new Date(), ownersBefore);
  result.indexed = await rebuildResourceSearchIndex(db);
  return result;
};
