import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../core/database';
import { fixedSql } from '../core/fixed-sql';
import { WEEKDAYS, localTimeIn } from './hours';
import { locations } from '../schema';

/**
 * "Open now" in SQL. Each location has its own time zone, so the local weekday, time and date
 * are worked out in JavaScript (Intl) once per zone in use, then handed to SQL as a small table
 * `zone_now`, which the schedule test joins on. Same rules as isRuleOpen in resources-hours.ts.
 * The zones in use are read with the filter options and kept with them (db/resources/options.ts).
 */
export const zonesInUseQuery = (db: Database) =>
  db.selectDistinct({ zone: locations.timeZone }).from(locations);

/**
 * The CTE `zone_now(time_zone, day_bit, previous_day_bit, local_minute, local_date)`, bound as one
 * JSON text: a directory's places may span more zones than D1 binds parameters in a statement
 * (100, db/core/bound-parameters.ts), and a value or two per zone would fail every search there.
 * JSON keeps the whole numbers integers (a bound JS number arrives as REAL; bits need integers).
 * MATERIALIZED: read once a statement; as a plain view the JSON was parsed again at every use
 * (the searches' CPU time 20 % higher than with VALUES).
 */
export const zoneNowTable = (zones: string[], now: Date): SQL => {
  const rows = [...new Set(['UTC', ...zones])].map((zone) => {
    const at = localTimeIn(zone, now);
    const [hours, minutes] = at.time.split(':').map(Number);
    return [
      zone,
      1 << WEEKDAYS.indexOf(at.weekday),
      1 << WEEKDAYS.indexOf(at.previousWeekday),
      hours! * 60 + minutes!,
      at.date,
    ];
  });
  return sql`zone_now(time_zone, day_bit, previous_day_bit, local_minute, local_date) AS MATERIALIZED (
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(${JSON.stringify(rows)}))`;
};

/**
 * The schedules (alias sc) open at this moment in their location's zone. Needs zone_now. Works on
 * the integer twins of byday/opens_at/closes_at (day_mask, opens_minute, closes_minute) that
 * migration 0005 keeps in step: arithmetic, where the text fields would need string functions.
 */
// Joined on the schedule's own location_id (kept filled: see schema.ts). Always asked of one
// service, so CROSS JOIN fixes the order: its few schedules, their place's zone, then that zone's
// time (SQLite would otherwise start from the zones and look the schedules up once per zone).
const openSchedules = (where: SQL): SQL => sql`schedules sc
    CROSS JOIN locations lz ON lz.id = sc.location_id
    CROSS JOIN zone_now z ON z.time_zone = lz.time_zone
    WHERE ${where}
      AND sc.opens_minute IS NOT NULL AND sc.closes_minute IS NOT NULL
      AND (sc.valid_from IS NULL OR sc.valid_from <= z.local_date)
      AND (sc.valid_to IS NULL OR sc.valid_to >= z.local_date)
      AND ${openAt('sc')}`;

/**
 * Whether the weekly rule in columns day_mask, opens_minute and closes_minute of `table` is open
 * at the moment of zone_now `z`. Shared by the schedules and the search rows, which copy one.
 */
const openAtIn = (table: 'sc' | 'r'): SQL => {
  const [mask, opens, closes] = ['day_mask', 'opens_minute', 'closes_minute'].map((column) =>
    sql.raw(`${table}.${column}`),
  );
  const today = sql`(${mask} & z.day_bit) <> 0`;
  const yesterday = sql`(${mask} & z.previous_day_bit) <> 0`;
  return sql`(
        (${opens} = ${closes} AND ${today})
        OR (${opens} < ${closes} AND ${today} AND ${opens} <= z.local_minute AND z.local_minute < ${closes})
        OR (${opens} > ${closes} AND ((${today} AND z.local_minute >= ${opens}) OR (${yesterday} AND z.local_minute < ${closes})))
      )`;
};
// Written out once (fixedSql): every search uses them.
const OPEN_AT = { sc: fixedSql(openAtIn('sc')), r: fixedSql(openAtIn('r')) };
export const openAt = (table: 'sc' | 'r'): SQL => OPEN_AT[table];

/** The columns a service id is read from: the searches' aliases. */
export type ServiceIdColumn = 's.id' | 'page.id' | 'r.service_id';

const openNowOf = new Map<ServiceIdColumn, SQL>();

/** True (1) when one service has a schedule open now (a filter, and the badge of each result). */
export const openNowExpression = (serviceId: ServiceIdColumn): SQL => {
  let expression = openNowOf.get(serviceId);
  if (!expression) {
    expression = fixedSql(
      sql`EXISTS (SELECT 1 FROM ${openSchedules(sql`sc.service_id = ${sql.raw(serviceId)}`)})`,
    );
    openNowOf.set(serviceId, expression);
  }
  return expression;
};
