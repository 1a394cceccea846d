import type * as Ical from 'ical-generator';
import type { EventRow } from '../../../db/events/events';
import { dayIn, isAllDay, lastDayOf } from './format';

/**
 * ical-generator, as the routes pass it: they load it on demand (worker/on-demand.ts), so the
 * Worker reads it only for an .ics request.
 */
export type IcalLibrary = Pick<typeof Ical, 'default' | 'ICalEventStatus'>;

/** Characters of description kept per event in a feed. */
export const FEED_DESCRIPTION = 280;

/** A day (YYYY-MM-DD) as ical-generator writes a date-only value: from the UTC date. */
const dateValue = (day: string, plusDays = 0) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + plusDays * 86400_000);

const whenOf = (event: EventRow) =>
  isAllDay(event)
    ? {
        allDay: true,
        start: dateValue(dayIn(event.startsAt, event.timeZone)),
        end: dateValue(lastDayOf(event), 1),
      }
    : { start: event.startsAt, end: event.endsAt };

/**
 * iCalendar (RFC 5545) for events, written by ical-generator rather than by hand. Times are in
 * UTC (allowed by the RFC, and every calendar converts them to the reader's zone). The UID is the
 * event's id, so it is stable across edits; SEQUENCE is the event's change counter; a cancelled
 * event says STATUS:CANCELLED so subscribed calendars strike it out. The joining link of an
 * online event is never included: only people with a place get it. An all-day event is written
 * with dates (VALUE=DATE), its DTEND the day after its last day, as RFC 5545 counts an end.
 */
export const eventsCalendar = (
  { default: ical, ICalEventStatus }: IcalLibrary,
  options: {
    siteName: string;
    origin: string;
    name: string;
    host: string;
    shortDescriptions?: boolean;
  },
  list: readonly EventRow[],
): string => {
  // In feeds of many events, descriptions are cut short (the URL leads to the whole text):
  // ical-generator folds lines character by character, which costs CPU time on Workers.
  const describe = (text: string) =>
    options.shortDescriptions && text.length > FEED_DESCRIPTION
      ? `${text.slice(0, FEED_DESCRIPTION)}…`
      : text;
  const calendar = ical({
    name: options.name,
    prodId: { company: options.siteName, product: 'events', language: 'EN' },
  });
  for (const event of list) {
    calendar.createEvent({
      id: `${event.id}@${options.host}`,
      sequence: event.sequence,
      ...whenOf(event),
      stamp: event.updatedAt,
      lastModified: event.updatedAt,
      created: event.createdAt,
      summary: event.title,
      description: describe(event.description),
      location:
        event.format === 'online' ? null : [event.address, event.city].filter(Boolean).join(', '),
      url: `${options.origin}/events/${event.slug}`,
      status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
};
