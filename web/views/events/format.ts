import type { EventRow } from '../../../db/events/events';
import type { Locale } from '../../i18n';

const tag = (locale: Locale) => (locale === 'fr' ? 'fr-FR' : 'en-GB');

// Building an Intl formatter is slow; a list of 200 events would build 400. Keep them.
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatter = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const key = locale + JSON.stringify(options);
  let found = formatters.get(key);
  if (!found) formatters.set(key, (found = new Intl.DateTimeFormat(locale, options)));
  return found;
};

/**
 * When an event happens, in its own time zone and the reader's language, e.g.
 * "Saturday 12 December 2026, 18:30 – 20:00 (Europe/Paris)". A multi-day event shows both dates.
 */
export const formatEventWhen = (
  event: Pick<EventRow, 'startsAt' | 'endsAt' | 'timeZone'>,
  locale: Locale,
): string => {
  const date = formatter(tag(locale), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: event.timeZone,
  });
  const time = formatter(tag(locale), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: event.timeZone,
  });
  const sameDay = date.format(event.startsAt) === date.format(event.endsAt);
  const range = sameDay
    ? `${date.format(event.startsAt)}, ${time.format(event.startsAt)} – ${time.format(event.endsAt)}`
    : `${date.format(event.startsAt)}, ${time.format(event.startsAt)} – ${date.format(event.endsAt)}, ${time.format(event.endsAt)}`;
  return `${range} (${event.timeZone.replace(/_/g, ' ')})`;
};

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
export const dayIn = (date: Date, timeZone: string): string =>
  formatter('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(date);

/** "December 2026" / "décembre 2026". */
export const formatMonth = (year: number, month: number, locale: Locale): string =>
  new Intl.DateTimeFormat(tag(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );

/** "Tuesday 1 December 2026" for a YYYY-MM-DD day. */
export const formatDay = (day: string, locale: Locale): string =>
  new Intl.DateTimeFormat(tag(locale), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
