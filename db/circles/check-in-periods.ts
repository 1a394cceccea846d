import { TZDate } from '@date-fns/tz';
import type { CheckInPace } from './circles';

/**
 * The owner's check-in pace cut into periods, in the circle's zone: weeks start on Monday,
 * fortnights are every other week counted from Monday 5 January 1970, months are calendar
 * months. A member is nudged at most once per period and may send at most one check-in per
 * period. A key names its pace too, so changing the pace starts afresh.
 */
export type Pace = Exclude<CheckInPace, 'never'>;

export interface CheckInPeriod {
  /** e.g. "weekly:2026-05-11", "fortnightly:2026-05-04", "monthly:2026-05". */
  key: string;
  /** When the next period starts (a member may check in again from then). */
  nextStartsAt: Date;
}

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const dayKey = (date: Date) =>
  `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
// Monday 5 January 1970, the first Monday of the Unix epoch: fortnights count from it.
const EPOCH_MONDAY_DAY = 4;

/** The period `now` falls in, for a pace, in the circle's zone. */
export const checkInPeriod = (pace: Pace, now: Date, timeZone: string): CheckInPeriod => {
  const local = new TZDate(now.getTime(), timeZone);
  // The local calendar day as a UTC date: arithmetic on days without zone shifts.
  const day = Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()) / DAY_MS;
  const startOfLocalDay = (utcDay: number) => {
    const d = new Date(utcDay * DAY_MS);
    return new Date(
      new TZDate(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 0, 0, 0, timeZone).getTime(),
    );
  };
  if (pace === 'monthly') {
    const next = new TZDate(local.getFullYear(), local.getMonth() + 1, 1, 0, 0, 0, timeZone);
    return {
      key: `monthly:${local.getFullYear()}-${pad(local.getMonth() + 1)}`,
      nextStartsAt: new Date(next.getTime()),
    };
  }
  const length = pace === 'weekly' ? 7 : 14;
  const start = day - ((((day - EPOCH_MONDAY_DAY) % length) + length) % length);
  return {
    key: `${pace}:${dayKey(new Date(start * DAY_MS))}`,
    nextStartsAt: startOfLocalDay(start + length),
  };
};
