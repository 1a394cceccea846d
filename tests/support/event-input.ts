import type { EventInput } from '../../db/events/events';

// No Node-only import here: the workers tests (inside workerd) use it as the Node tests do.
export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

/** A complete, valid event, starting in `days` days. */
export const eventInput = (over: Partial<EventInput> = {}, days = 10): EventInput => {
  const startsAt = new Date(Date.now() + days * DAY);
  startsAt.setUTCSeconds(0, 0);
  return {
    title: 'Test workshop',
    description: 'A short test event.',
    category: 'workshop',
    format: 'in_person',
    city: 'Lyon',
    address: '1 rue Test',
    directions: '',
    stepFree: false,
    seating: false,
    interpretation: false,
    quietRoom: false,
    childcare: false,
    accessNotes: '',
    onlineUrl: '',
    languages: 'fr',
    cost: '',
    capacity: null,
    timeZone: 'Europe/Paris',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * HOUR),
    reminderHours: 24,
    contentLanguage: 'en',
    ...over,
  };
};
