import type { EventRow } from '../../../db/events/events';
import { keptIntl, keptText, regionTag } from '../../components/intl';
import type { Catalog, Locale } from '../../i18n';

const tag = regionTag;

// Formatters are kept (one home: components/intl.ts): a list of 200 events would build 400.

type EventTimes = Pick<EventRow, 'startsAt' | 'endsAt' | 'timeZone'>;

// The same "HH:MM" in both languages (two digits, 24 hours), so one formatter per zone.
const clockIn = (date: Date, timeZone: string): string =>
  keptIntl(
    `event-clock:${timeZone}`,
    () =>
      new Intl.DateTimeFormat('en-GB', {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone,
      }),
  ).format(date);

/**
 * All day: from midnight to midnight on the event's own wall clock (one day or several). It is
 * read from the times themselves, so there is no flag to disagree with them; the form's "All
 * day" box writes exactly these times (worker/events/form.ts).
 */
export const isAllDay = (event: EventTimes): boolean =>
  event.endsAt > event.startsAt &&
  clockIn(event.startsAt, event.timeZone) === '00:00' &&
  clockIn(event.endsAt, event.timeZone) === '00:00';

/** The last calendar day an event is on (its end is exclusive: ending at midnight is the day before). */
export const lastDayOf = (event: EventTimes): string =>
  dayIn(new Date(Math.max(event.startsAt.getTime(), event.endsAt.getTime() - 1)), event.timeZone);

/**
 * When an event happens, in its own time zone and the reader's language, e.g.
 * "Saturday 12 December 2026, 18:30 – 20:00 (Europe/Paris)". A multi-day event shows both dates;
 * an all-day one its days only ("Saturday 12 December 2026 – Sunday 13 December 2026, all day").
 */
export const formatEventWhen = (event: EventTimes, locale: Locale, t: Catalog): string =>
  // Lists and the month draw this for every row, on every request: kept once written (the
  // catalog is the locale's own, so the locale names it in the key).
  keptText(
    `event-when:${locale}:${event.timeZone}:${event.startsAt.getTime()}:${event.endsAt.getTime()}`,
    () => writeEventWhen(event, locale, t),
  );

const writeEventWhen = (event: EventTimes, locale: Locale, t: Catalog): string => {
  // The formatters are looked up by a short key (not the options serialised) and each instant
  // is formatted once.
  const zone = event.timeZone;
  const date = keptIntl(
    `event-day:${locale}:${zone}`,
    () =>
      new Intl.DateTimeFormat(tag(locale), {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: zone,
      }),
  );
  const startClock = clockIn(event.startsAt, zone);
  const endClock = clockIn(event.endsAt, zone);
  const startDay = date.format(event.startsAt);
  if (event.endsAt > event.startsAt && startClock === '00:00' && endClock === '00:00') {
    const last = new Date(event.endsAt.getTime() - 1);
    const days =
      dayIn(event.startsAt, zone) === dayIn(last, zone)
        ? startDay
        : `${startDay} – ${date.format(last)}`;
    return `${days}, ${t.events.allDay}`;
  }
  const endDay = date.format(event.endsAt);
  const range =
    startDay === endDay
      ? `${startDay}, ${startClock} – ${endClock}`
      : `${startDay}, ${startClock} – ${endDay}, ${endClock}`;
  return `${range} (${zone.replace(/_/g, ' ')})`;
};

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
export const dayIn = (date: Date, timeZone: string): string =>
  keptText(`iso-day:${timeZone}:${date.getTime()}`, () =>
    keptIntl(
      `iso-day:${timeZone}`,
      () =>
        new Intl.DateTimeFormat('en-CA', {
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          timeZone,
        }),
    ).format(date),
  );

/** "December 2026" / "décembre 2026". */
export const formatMonth = (year: number, month: number, locale: Locale): string =>
  keptIntl(
    `month:${locale}`,
    () =>
      new Intl.DateTimeFormat(regionTag(locale), {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }),
  ).format(new Date(Date.UTC(year, month - 1, 1)));

/** "Tuesday 1 December 2026" for a YYYY-MM-DD day (each day of a month's grid, kept once written). */
export const formatDay = (day: string, locale: Locale): string =>
  keptText(`event-day:${locale}:${day}`, () =>
    keptIntl(
      `event-day:${locale}:UTC`,
      () =>
        new Intl.DateTimeFormat(regionTag(locale), {
          weekday: 'long',
          day: 'numeric',
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        }),
    ).format(new Date(`${day}T00:00:00Z`)),
  );
