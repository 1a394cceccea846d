import type { Database } from '../../db/core/database';
import { listRsvpContacts } from '../../db/events/rsvps';
import type { EventRow } from '../../db/events/events';
import type { MailMessage } from '../../db/mail/outbox';
import { formatEventWhen } from '../../web/views/events/format';
import { format, type Catalog } from '../../web/i18n';
import { catalogFor } from '../catalogs';
import type { Mailer } from '../mail/mailer';

type Locale = 'en' | 'fr';

/** Where, in an email: the address, or "Online" (the link is added only for people with a place). */
const whereFor = (event: EventRow, t: Catalog) =>
  event.format === 'online'
    ? t.events.online
    : [event.address, event.city].filter(Boolean).join(', ');

const joinLine = (event: EventRow, t: Catalog) =>
  event.format === 'online' && event.onlineUrl
    ? `\n\n${format(t.events.mailJoinLink, { url: event.onlineUrl })}`
    : '';

interface Person {
  email: string;
  name: string;
  locale: Locale;
}

/** What the emails about a person's places fill in: who, what, when, where, how many, their link. */
const placeValues = (
  t: Catalog,
  event: EventRow,
  person: Person & { places: number },
  link: string,
) => ({
  name: person.name,
  title: event.title,
  when: formatEventWhen(event, person.locale, t),
  where: whereFor(event, t),
  places: person.places,
  link,
});

/**
 * The emails about events, each written in the person's language (their catalog, loaded when it
 * is French: worker/catalogs.ts) under a neutral subject that says nothing about what the site
 * is for.
 */
export const eventMail = {
  async rsvp(
    event: EventRow,
    person: Person & { places: number; status: 'confirmed' | 'waitlisted' },
    link: string,
  ): Promise<MailMessage> {
    const catalog = await catalogFor(person.locale);
    const t = catalog.events;
    const values = placeValues(catalog, event, person, link);
    return {
      to: person.email,
      subject: t.mailSubject,
      text:
        person.status === 'confirmed'
          ? format(t.mailConfirmed, values) + joinLine(event, catalog)
          : format(t.mailWaitlisted, values),
    };
  },
  /**
   * To the owner of an address someone RSVPed with again: their RSVP as it stands, and a link
   * to manage it. Under the subject a new RSVP's email has, with nothing the other person typed.
   */
  async alreadyHasRsvp(
    event: EventRow,
    owner: Person & { places: number; status: 'confirmed' | 'waitlisted' },
    link: string,
  ): Promise<MailMessage> {
    const catalog = await catalogFor(owner.locale);
    const t = catalog.events;
    const values = placeValues(catalog, event, owner, link);
    return {
      to: owner.email,
      subject: t.mailSubject,
      text: format(
        owner.status === 'confirmed' ? t.mailAlreadyConfirmed : t.mailAlreadyWaitlisted,
        values,
      ),
    };
  },
  async promoted(
    event: EventRow,
    person: Person & { places: number },
    link: string,
  ): Promise<MailMessage> {
    const catalog = await catalogFor(person.locale);
    const t = catalog.events;
    const values = placeValues(catalog, event, person, link);
    return {
      to: person.email,
      subject: t.mailSubject,
      text: format(t.mailPromoted, values) + joinLine(event, catalog),
    };
  },
  async changed(event: EventRow, person: Person & { status: string }): Promise<MailMessage> {
    const catalog = await catalogFor(person.locale);
    const t = catalog.events;
    const values = {
      name: person.name,
      title: event.title,
      when: formatEventWhen(event, person.locale, catalog),
      where: whereFor(event, catalog),
    };
    return {
      to: person.email,
      subject: t.mailUpdateSubject,
      text:
        format(t.mailChanged, values) +
        (person.status === 'confirmed' ? joinLine(event, catalog) : ''),
    };
  },
  async cancelled(event: EventRow, person: Person): Promise<MailMessage> {
    const catalog = await catalogFor(person.locale);
    const t = catalog.events;
    return {
      to: person.email,
      subject: t.mailUpdateSubject,
      text: format(t.mailCancelled, {
        name: person.name,
        title: event.title,
        when: formatEventWhen(event, person.locale, catalog),
      }),
    };
  },
  async reminder(event: EventRow, person: Person & { link: string | null }): Promise<MailMessage> {
    const catalog = await catalogFor(person.locale);
    const t = catalog.events;
    const values = {
      name: person.name,
      title: event.title,
      when: formatEventWhen(event, person.locale, catalog),
      where: whereFor(event, catalog),
      link: person.link ?? '',
    };
    return {
      to: person.email,
      subject: t.mailReminderSubject,
      text:
        format(person.link ? t.mailReminderWithLink : t.mailReminder, values) +
        joinLine(event, catalog),
    };
  },
  async message(event: EventRow, person: Person, message: string): Promise<MailMessage> {
    const catalog = await catalogFor(person.locale);
    const t = catalog.events;
    return {
      to: person.email,
      subject: t.mailMessageSubject,
      text: format(t.mailMessage, {
        name: person.name,
        title: event.title,
        when: formatEventWhen(event, person.locale, catalog),
        message,
      }),
    };
  },
  async decided(
    event: { title: string },
    organizer: { email: string; locale: Locale },
    decision: 'approved' | 'declined',
  ): Promise<MailMessage> {
    const catalog = await catalogFor(organizer.locale);
    const t = catalog.events;
    return {
      to: organizer.email,
      subject: t.mailOrganizerSubject,
      text: format(decision === 'approved' ? t.mailApproved : t.mailDeclined, {
        title: event.title,
      }),
    };
  },
};

/**
 * Sends many messages through the mailer's `sendMany`: stored in one write, so a long list
 * stays within one request's D1 queries and subrequests (the mailer delivers a few at once
 * and queues the rest). A provider's failure leaves them queued for retries.
 *
 * If the write itself fails, none of them is stored (one batch: all or nothing) and nobody is
 * told. The change they tell of is made already, so the request goes on, as every email
 * failure does here; the failure is logged (how many, and the error's name: never an address,
 * a text or the error's message, which may quote them) and `null` is returned so that the page
 * can say the people were not told.
 */
export const sendAll = async (
  mailer: Mailer,
  messages: MailMessage[],
  log: (line: string) => void,
): Promise<number | null> => {
  if (messages.length === 0) return 0;
  try {
    return await mailer.sendMany(messages);
  } catch (error) {
    log(
      JSON.stringify({
        level: 'error',
        mailNotStored: messages.length,
        error: error instanceof Error ? error.name : 'unknown',
      }),
    );
    return null;
  }
};

export type AttendeeMessage = (person: {
  email: string;
  name: string;
  locale: 'en' | 'fr';
  status: string;
}) => Promise<MailMessage>;

/**
 * Everyone with a place or on the waitlist gets this message, each in their own language.
 * Returns how many, or null when none could be sent (sendAll).
 */
export const tellEventAttendees = async (
  db: Database,
  mailer: Mailer,
  log: (line: string) => void,
  event: EventRow,
  write: AttendeeMessage,
): Promise<number | null> => {
  const people = await listRsvpContacts(db, event.id);
  return sendAll(
    mailer,
    await Promise.all(people.map((person) => write({ ...person, name: person.name ?? '' }))),
    log,
  );
};
