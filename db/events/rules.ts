import { slugify } from '../core/slug';
import type { EventStatus } from './events';

/** Whether anyone may see an event's page: published and cancelled ones (a cancellation is news). */
export const isPublicEvent = (event: { status: EventStatus }): boolean =>
  event.status === 'published' || event.status === 'cancelled';

/**
 * An event's readable address: the words of its title, then its id (`evening-workshop-<id>`).
 * Nothing is stored: the id alone finds the event, so a new title changes the address without
 * breaking the old one, and links with the bare id keep working.
 */
export const eventSlug = (event: { id: string; title: string }): string =>
  `${slugify(event.title, 'event')}-${event.id}`;

/** The id in an address from `eventSlug`, or in a bare id: what follows the last hyphen (ids have none). */
export const eventIdFromSlug = (slugOrId: string): string =>
  slugOrId.slice(slugOrId.lastIndexOf('-') + 1);

/** A row with its readable address, for the pages that link to it. */
export const withSlug = <T extends { id: string; title: string }>(
  event: T,
): T & { slug: string } => ({
  ...event,
  slug: eventSlug(event),
});
