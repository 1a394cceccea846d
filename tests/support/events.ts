import { eq } from 'drizzle-orm';
import { createEvent, type EventInput } from '../../db/events/events';
import { listOutbox } from '../../db/mail/outbox';
import { events } from '../../db/schema';
import { findOrCreateUser, grantRole } from '../../db/accounts/users';
import { signIn, TestBrowser } from './browser';
import type { TestApp } from './app';
import { eventInput } from './event-input';

export { DAY, eventInput, HOUR } from './event-input';

/** An organizer account (signed in when a browser is wanted). */
export const organizer = async (t: TestApp, email = 'org@example.org') => {
  const user = await findOrCreateUser(t.db, email);
  await grantRole(t.db, user.id, 'organizer');
  return user;
};

export const signedInAs = async (
  t: TestApp,
  email: string,
  role: 'organizer' | 'moderator' | 'admin' | null,
) => {
  const user = await findOrCreateUser(t.db, email);
  if (role) await grantRole(t.db, user.id, role);
  return { user, browser: await signIn(t, email) };
};

/** A published event, straight through the data layer. */
export const publishedEvent = async (
  t: TestApp,
  over: Partial<EventInput> = {},
  organizerEmail = 'org@example.org',
) => {
  const user = await organizer(t, organizerEmail);
  const id = await createEvent(t.db, user.id, eventInput(over));
  await t.db.update(events).set({ status: 'published' }).where(eq(events.id, id));
  return id;
};

/** RSVPs through the public form, as a visitor without an account. */
export const rsvp = (
  t: TestApp,
  eventId: string,
  fields: Record<string, string>,
  client = '192.0.2.50',
  headers: Record<string, string> = {},
) =>
  new TestBrowser(t).post(
    `/events/${eventId}/rsvp`,
    { name: 'Ana', places: '1', wantsReminder: 'yes', ...fields },
    { 'x-test-client': client, ...headers },
  );

export const mailsTo = async (t: TestApp, email: string) =>
  (await listOutbox(t.db)).filter((m) => m.toAddress === email);

/** The private link token from the newest email to a person. */
export const privateToken = async (t: TestApp, email: string): Promise<string> => {
  const mail = (await mailsTo(t, email))[0];
  const token = mail?.bodyText.match(/\/rsvps\/([a-z2-7]{32})/)?.[1];
  if (!token) throw new Error(`no private link emailed to ${email}`);
  return token;
};

/** The organizer's event form, filled as a person would, with fields to change. */
export const eventForm = (over: Record<string, string> = {}) => ({
  title: 'Evening workshop',
  description: 'We meet to learn. Bring a friend.',
  category: 'workshop',
  format: 'in_person',
  city: 'Lyon',
  address: '3 place Test',
  timeZone: 'Europe/Paris',
  startDate: '2030-06-15',
  startTime: '18:30',
  endDate: '',
  endTime: '20:00',
  reminderHours: '24',
  repeat: 'none',
  capacity: '',
  language: 'en',
  ...over,
});

/** The event id from a redirect to /organize/events/:id. */
export const eventIdFrom = (location: string | null) =>
  location!.match(/\/organize\/events\/([a-z0-9]+)/)![1]!;
