import { describe, expect, it } from 'vitest';
import { checkInPeriod } from '../../../db/circles/check-in-periods';
import { deliverableAt, isQuietTime } from '../../../db/circles/quiet-hours';

const at = (iso: string) => new Date(iso);

describe('check-in periods, in the circle’s zone', () => {
  it('weeks start on Monday in the circle’s zone, not in UTC', () => {
    // Sunday 23:30 in UTC is already Monday 00:30 in Paris (summer time, UTC+2 → 01:30).
    const sundayNight = at('2026-05-17T23:30:00Z');
    expect(checkInPeriod('weekly', sundayNight, 'UTC').key).toBe('weekly:2026-05-11');
    expect(checkInPeriod('weekly', sundayNight, 'Europe/Paris').key).toBe('weekly:2026-05-18');
    expect(checkInPeriod('weekly', at('2026-05-11T00:00:00Z'), 'UTC')).toEqual({
      key: 'weekly:2026-05-11',
      nextStartsAt: at('2026-05-18T00:00:00Z'),
    });
  });

  it('fortnights are pairs of weeks that never overlap', () => {
    const keys = Array.from(
      { length: 42 },
      (_, day) => checkInPeriod('fortnightly', new Date(Date.UTC(2026, 4, 1 + day, 12)), 'UTC').key,
    );
    const runs = keys.filter((key, i) => key !== keys[i - 1]);
    expect(new Set(runs).size).toBe(runs.length);
    for (const key of runs.slice(1, -1)) expect(keys.filter((k) => k === key)).toHaveLength(14);
  });

  it('months are calendar months; the next one starts at local midnight', () => {
    expect(checkInPeriod('monthly', at('2026-05-31T22:30:00Z'), 'Europe/Paris')).toEqual({
      key: 'monthly:2026-06',
      nextStartsAt: at('2026-06-30T22:00:00Z'),
    });
    expect(checkInPeriod('monthly', at('2026-12-31T12:00:00Z'), 'UTC').nextStartsAt).toEqual(
      at('2027-01-01T00:00:00Z'),
    );
  });
});

describe('quiet hours', () => {
  const circle = {
    timeZone: 'America/Montreal',
    quietStartMinute: 21 * 60,
    quietEndMinute: 8 * 60,
  };

  it('wrap around midnight in the circle’s zone', () => {
    // 01:00 UTC is 21:00 in Montreal (UTC-4 in May).
    expect(isQuietTime(circle, at('2026-05-12T00:59:00Z'))).toBe(false);
    expect(isQuietTime(circle, at('2026-05-12T01:00:00Z'))).toBe(true);
    expect(isQuietTime(circle, at('2026-05-12T11:59:00Z'))).toBe(true);
    expect(isQuietTime(circle, at('2026-05-12T12:00:00Z'))).toBe(false);
  });

  it('hold what falls due until they end, before or after midnight', () => {
    expect(deliverableAt(circle, at('2026-05-12T02:00:00Z'))).toEqual(at('2026-05-12T12:00:00Z'));
    expect(deliverableAt(circle, at('2026-05-12T06:00:00Z'))).toEqual(at('2026-05-12T12:00:00Z'));
    const noon = at('2026-05-12T16:00:00Z');
    expect(deliverableAt(circle, noon)).toBe(noon);
  });

  it('are none when they start and end at the same minute', () => {
    const none = { timeZone: 'UTC', quietStartMinute: 0, quietEndMinute: 0 };
    expect(isQuietTime(none, at('2026-05-12T00:00:00Z'))).toBe(false);
  });
});
