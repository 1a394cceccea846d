/**
 * Opening hours: weekly HSDS schedules (RFC 5545 BYDAY + opens_at/closes_at in local time) read
 * in the location's IANA time zone with the Intl API, which knows daylight saving time.
 * closes_at before opens_at runs past midnight; opens_at equal to closes_at means all day.
 */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface WeeklyRule {
  /** Comma-separated weekdays; null means every day. */
  byday: string | null;
  opensAt: string;
  closesAt: string;
}

/** Parses "24/7" or "MO,TU 09:00-17:00; SA 10:00-14:00" (demo data and tests). */
export const parseWeeklyHours = (spec: string): WeeklyRule[] =>
  spec === '24/7'
    ? [{ byday: null, opensAt: '00:00', closesAt: '00:00' }]
    : spec.split(';').map((part) => {
        const match = part.trim().match(/^(?:([A-Z,]+) )?(\d\d:\d\d)-(\d\d:\d\d)$/);
        if (!match) throw new Error(`Unreadable hours: ${part}`);
        return { byday: match[1] ?? null, opensAt: match[2]!, closesAt: match[3]! };
      });

/** The wall-clock time at a place: what "open now" is decided on. */
export interface LocalTime {
  weekday: Weekday;
  previousWeekday: Weekday;
  /** "HH:MM", 24-hour. */
  time: string;
  /** "YYYY-MM-DD". */
  date: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

const SHORT_DAYS: Record<string, Weekday> = {
  Mon: 'MO',
  Tue: 'TU',
  Wed: 'WE',
  Thu: 'TH',
  Fri: 'FR',
  Sat: 'SA',
  Sun: 'SU',
};

// A zone's wall clock moves only from one minute to the next (every zone's offset has been whole
// minutes since 1972), so each zone's is worked out once a minute, not once a request: a search
// asks for every zone in use, a resource page for each of its places.
let keptMinute = Number.NaN;
const keptTimes = new Map<string, LocalTime>();

/** The local time in an IANA zone at an instant; an unknown zone is read as UTC. */
export const localTimeIn = (timeZone: string, now: Date): LocalTime => {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== keptMinute || keptTimes.size >= 1000) {
    keptMinute = minute;
    keptTimes.clear();
  }
  let time = keptTimes.get(timeZone);
  if (!time) keptTimes.set(timeZone, (time = wallClockIn(timeZone, now)));
  return time;
};

const wallClockIn = (timeZone: string, now: Date): LocalTime => {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatterFor(timeZone).formatToParts(now);
  } catch {
    parts = formatterFor('UTC').formatToParts(now);
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = SHORT_DAYS[get('weekday')] ?? 'MO';
  const index = WEEKDAYS.indexOf(weekday);
  return {
    weekday,
    previousWeekday: WEEKDAYS[(index + 6) % 7]!,
    time: `${get('hour')}:${get('minute')}`,
    date: `${get('year')}-${get('month')}-${get('day')}`,
  };
};

/** True when a rule's BYDAY list names the day (no list: every day). */
export const ruleHasDay = (byday: string | null, day: Weekday): boolean =>
  !byday ||
  byday
    .toUpperCase()
    .split(',')
    .map((d) => d.trim())
    .includes(day);

/** Is a weekly rule open at a local time? The JS twin of the SQL in resources-open-now.ts. */
export const isRuleOpen = (rule: WeeklyRule, at: LocalTime): boolean => {
  const opens = rule.opensAt.slice(0, 5);
  const closes = rule.closesAt.slice(0, 5);
  if (opens === closes) return ruleHasDay(rule.byday, at.weekday);
  if (opens < closes)
    return ruleHasDay(rule.byday, at.weekday) && opens <= at.time && at.time < closes;
  return (
    (ruleHasDay(rule.byday, at.weekday) && at.time >= opens) ||
    (ruleHasDay(rule.byday, at.previousWeekday) && at.time < closes)
  );
};
