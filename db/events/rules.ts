import type { EventStatus } from './events';

/** Whether anyone may see an event's page: published and cancelled ones (a cancellation is news). */
export const isPublicEvent = (event: { status: EventStatus }): boolean =>
  event.status === 'published' || event.status === 'cancelled';
