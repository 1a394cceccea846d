import { sql, type SQL } from 'drizzle-orm';
import type { Database } from './database';
import { localTimeIn } from './resources-hours';
import { locations } from './schema';

/**
 * "Open now" in SQL. Each location has its own time zone, so the local weekday, time and date
 * are worked out in JavaScript (Intl) once per zone in use, then handed to SQL as a small table
 * `zone_now`, which the schedule test joins on. Same rules as isRuleOpen in resources-hours.ts.
 */
export const zonesInUse = async (db: Database): Promise<string[]> =>
  (await db.selectDistinct({ zone: locations.timeZone }).from(locations).all()).map((row) => row.zone);

/** The CTE `zone_now(time_zone, weekday, previous_weekday, local_time, local_date)`. */
export const zoneNowTable = (zones: string[], now: Date): SQL => {
  const rows = [...new Set(['UTC', ...zones])].map((zone) => {
    const at = localTimeIn(zone, now);
    return sql`(${zone}, ${at.weekday}, ${at.previousWeekday}, ${at.time}, ${at.date})`;
  });
  return sql`zone_now(time_zone, weekday, previous_weekday, local_time, local_date) AS (VALUES ${sql.join(rows, sql`, `)})`;
};

const hasDay = (day: SQL) =>
  sql`(sc.byday IS NULL OR sc.byday = '' OR instr(',' || replace(upper(sc.byday), ' ', '') || ',', ',' || ${day} || ',') > 0)`;

/** The schedules (alias sc) open at this moment in their location's zone. Needs zone_now. */
const openSchedules = (where: SQL): SQL => {
  const opens = sql`substr(sc.opens_at, 1, 5)`;
  const closes = sql`substr(sc.closes_at, 1, 5)`;
  const today = hasDay(sql`z.weekday`);
  const yesterday = hasDay(sql`z.previous_weekday`);
  // Joined on the schedule's own location_id (kept filled: see schema.ts), which lets SQLite start
  // from the few zones and walk the indexes, rather than test every schedule against every zone.
  return sql`schedules sc
    JOIN locations lz ON lz.id = sc.location_id
    JOIN zone_now z ON z.time_zone = lz.time_zone
    WHERE ${where}
      AND sc.opens_at IS NOT NULL AND sc.closes_at IS NOT NULL
      AND (sc.valid_from IS NULL OR sc.valid_from <= z.local_date)
      AND (sc.valid_to IS NULL OR sc.valid_to >= z.local_date)
      AND (
        (${opens} = ${closes} AND ${today})
        OR (${opens} < ${closes} AND ${today} AND ${opens} <= z.local_time AND z.local_time < ${closes})
        OR (${opens} > ${closes} AND ((${today} AND z.local_time >= ${opens}) OR (${yesterday} AND z.local_time < ${closes})))
      )`;
};

/** True (1) when one service has a schedule open now: for the few rows of a page. */
export const openNowExpression = (serviceId: SQL): SQL => sql`EXISTS (SELECT 1 FROM ${openSchedules(sql`sc.service_id = ${serviceId}`)})`;

/** The ids of every service open now, in one pass over the schedules: for the "open now" filter. */
export const openServiceIds = (): SQL => sql`SELECT sc.service_id FROM ${openSchedules(sql`sc.service_id IS NOT NULL`)}`;
