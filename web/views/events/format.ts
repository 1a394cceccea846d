import type { EventRow } from '../../../db/events/events';
import { keptIntl, regionTag } from '../../components/intl';
import type { Locale } from '../../i18n';

/**
 * When an event happens, in its own time zone and the reader's language, e.g.
 * "Saturday 12 December 2026, 18:30 – 20:00 (Europe/Paris)". A multi-day event shows both dates.
 */
export const formatEventWhen = (
  event: Pick<EventRow, 'startsAt' | 'endsAt' | 'timeZone'>,
  locale: Locale,
): string => {
  const date = keptIntl(
    `event-day:${locale}:${event.timeZone}`,
    () =>
      new Intl.DateTimeFormat(regionTag(locale), {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: event.timeZone,
      }),
  );
  const time = keptIntl(
    `event-time:${locale}:${event.timeZone}`,
    () =>
      new Intl.DateTimeFormat(regionTag(locale), {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: event.timeZone,
      }),
  );
  const sameDay = date.format(event.startsAt) === date.format(event.endsAt);
  const range = sameDay
    ? `${date.format(event.startsAt)}, ${time.format(event.startsAt)} – ${time.format(event.endsAt)}`
    : `${date.format(event.startsAt)}, ${time.format(event.startsAt)} – ${date.format(event.endsAt)}, ${time.format(event.endsAt)}`;
  return `${range} (${event.timeZone.replace(/_/g, ' ')})`;
};

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
export const dayIn = (date: Date, timeZone: string): string =>
  keptIntl(
    `iso-day:${timeZone}`,
    () =>
      new Intl.DateTimeFormat('en-CA', {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        timeZone,
      }),
  ).format(date);

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

/** "Tuesday 1 December 2026" for a YYYY-MM-DD day. */
export const formatDay = (day: string, locale: Locale): string =>
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
  ).format(new Date(`${day}T00:00:00Z`));
