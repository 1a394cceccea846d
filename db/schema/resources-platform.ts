/**
 * The platform's own tables about resources (HSDS has none of them): what a search reads of a
 * service, when the search options last changed, problems reported, and who changed what.
 */

import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';
import { services } from './resources-hsds';

/**
 * platform: what a search checks of one service, in one row, kept in step by triggers (migration
 * 0020_service_search_rows_triggers) and rebuilt with the full-text index. `id` is the service's
 * rowid in services_fts, so a full-text hit reaches its row by integer key; a count or a filter
 * then tests a candidate with one lookup instead of one per filter. Lists hold codes and cities
 * between char(31) marks, so `instr` finds a whole value.
 */
export const serviceSearchRows = sqliteTable(
  'service_search_rows',
  {
    id: integer('id').primaryKey(),
    serviceId: text('service_id').notNull(),
    /** status = 'active' */
    active: integer('active').notNull(),
    walkIn: integer('walk_in').notNull(),
    traumaInformed: integer('trauma_informed').notNull(),
    survivorLed: integer('survivor_led').notNull(),
    /** It has cost options, all of them 0. */
    free: integer('free').notNull(),
    /** It has no place other than virtual ones. */
    online: integer('online').notNull(),
    categories: text('categories').notNull(),
    languages: text('languages').notNull(),
    cities: text('cities').notNull(),
    /**
     * "Open now" without reading the schedules, when they allow it: the zone and the one schedule
     * that counts (day_mask, opens_minute, closes_minute as in schedules); 'UTC' and day_mask 0
     * when none counts. Null zone when several schedules or valid dates count: then they are read.
     */
    hoursZone: text('hours_zone'),
    dayMask: integer('day_mask'),
    opensMinute: integer('opens_minute'),
    closesMinute: integer('closes_minute'),
    /** How many places with a position it has (locations.search_latitude/longitude). */
    placeCount: integer('place_count'),
    /** The position of its place when it has exactly one, so "within a radius" reads the row alone. */
    latitude: real('latitude'),
    longitude: real('longitude'),
  },
  (table) => [
    uniqueIndex('service_search_rows_service_idx').on(table.serviceId),
    // Holds what a radius count without words checks first (place, status, the hours of "open
    // now"), so a candidate that fails them costs no lookup of its row.
    index('service_search_rows_position_idx').on(
      table.latitude,
      table.longitude,
      table.placeCount,
      table.active,
      table.hoursZone,
      table.dayMask,
      table.opensMinute,
      table.closesMinute,
      table.serviceId,
    ),
  ],
);

/**
 * platform: a counter that triggers (migration 0026) raise whenever something the search page
 * lists or the "open now" test reads changes: taxonomy terms and their translations, service
 * languages, cities of addresses, time zones of places. The filter options and the zones in use
 * are kept per database handle and read again only when it moved (db/resources/options-cache.ts).
 */
export const searchOptionsVersion = sqliteTable('search_options_version', {
  id: integer('id').primaryKey(),
  version: integer('version').notNull(),
});

/**
 * platform: "Report a problem" with a resource, for moderators. No account and no client data:
 * only what the person wrote, and a contact only if they chose to give one.
 */
export const resourceReports = sqliteTable(
  'resource_reports',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    problem: text('problem').notNull(),
    contact: text('contact'),
    /** open, resolved or dismissed. */
    status: text('status').notNull().default('open'),
    /** How many times the same problem was sent again while open (duplicates are counted, not stored). */
    repeats: integer('repeats').notNull().default(0),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
    resolvedAt: integer('resolved_at', { mode: 'timestamp' }),
  },
  (table) => [
    index('resource_reports_status_idx').on(table.status, table.createdAt),
    index('resource_reports_service_idx').on(table.serviceId),
  ],
);

/**
 * platform: who changed a resource, and which fields — never the values, so the log holds no
 * personal data. The person is kept only while their account exists; the role stays.
 */
export const resourceChanges = sqliteTable(
  'resource_changes',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    changedAt: integer('changed_at', { mode: 'timestamp_ms' }).notNull(),
    actorUserId: text('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** moderator or admin. */
    actorRole: text('actor_role').notNull(),
    /** created, edited, verified, report-resolved, report-dismissed. */
    action: text('action').notNull(),
    /** JSON array of field names, e.g. ["name","hours"]. */
    changedFields: text('changed_fields', { mode: 'json' }).$type<string[]>().notNull(),
  },
  (table) => [index('resource_changes_service_idx').on(table.serviceId, table.changedAt)],
);
