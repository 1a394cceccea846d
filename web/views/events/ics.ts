import ical, { ICalEventStatus } from 'ical-generator';
import type { EventRow } from '../../../db/events/events';

/** Characters of description kept per event in a feed. */
export const FEED_DESCRIPTION = 280;

/**
 * iCalendar (RFC 5545) for events, written by ical-generator rather than by hand. Times are in
 * UTC (allowed by the RFC, and every calendar converts them to the reader's zone). The UID is the
 * event's id, so it is stable across edits; SEQUENCE is the event's change counter; a cancelled
 * event says STATUS:CANCELLED so subscribed calendars strike it out. The joining link of an
 * online event is never included: only people with a place get it.
 */
export const eventsCalendar = (
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
      start: event.startsAt,
      end: event.endsAt,
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
