import type { Database } from '../../db/core/database';
import { listRsvpContacts } from '../../db/events/rsvps';
import type { EventRow } from '../../db/events/events';
import type { MailMessage } from '../../db/mail/outbox';
import { formatEventWhen } from '../../web/views/events/format';
import { catalogFor, format } from '../../web/i18n';
import type { Mailer } from '../mail/mailer';

type Locale = 'en' | 'fr';

/** Where, in an email: the address, or "Online" (the link is added only for people with a place). */
const whereFor = (event: EventRow, locale: Locale) => {
  const t = catalogFor(locale).events;
  return event.format === 'online'
    ? t.online
    : [event.address, event.city].filter(Boolean).join(', ');
};

const joinLine = (event: EventRow, locale: Locale) =>
  event.format === 'online' && event.onlineUrl
    ? `\n\n${format(catalogFor(locale).events.mailJoinLink, { url: event.onlineUrl })}`
    : '';

interface Person {
  email: string;
  name: string;
  locale: Locale;
}

/** What the emails about a person's places fill in: who, what, when, where, how many, their link. */
const placeValues = (event: EventRow, person: Person & { places: number }, link: string) => ({
  name: person.name,
  title: event.title,
  when: formatEventWhen(event, person.locale),
  where: whereFor(event, person.locale),
  places: person.places,
  link,
});

/**
 * The emails about events, each written in the person's language under a neutral subject that
 * says nothing about what the site is for.
 */
export const eventMail = {
  rsvp(
    event: EventRow,
    person: Person & { places: number; status: 'confirmed' | 'waitlisted' },
    link: string,
  ): MailMessage {
    const t = catalogFor(person.locale).events;
    const values = placeValues(event, person, link);
    return {
      to: person.email,
      subject: t.mailSubject,
      text:
        person.status === 'confirmed'
          ? format(t.mailConfirmed, values) + joinLine(event, person.locale)
          : format(t.mailWaitlisted, values),
    };
  },
  /**
   * To the owner of an address someone RSVPed with again: their RSVP as it stands, and a link
   * to manage it. Under the subject a new RSVP's email has, with nothing the other person typed.
   */
  alreadyHasRsvp(
    event: EventRow,
    owner: Person & { places: number; status: 'confirmed' | 'waitlisted' },
    link: string,
  ): MailMessage {
    const t = catalogFor(owner.locale).events;
    const values = placeValues(event, owner, link);
    return {
      to: owner.email,
      subject: t.mailSubject,
      text: format(
        owner.status === 'confirmed' ? t.mailAlreadyConfirmed : t.mailAlreadyWaitlisted,
        values,
      ),
    };
  },
  promoted(event: EventRow, person: Person & { places: number }, link: string): MailMessage {
    const t = catalogFor(person.locale).events;
    const values = placeValues(event, person, link);
    return {
      to: person.email,
      subject: t.mailSubject,
      text: format(t.mailPromoted, values) + joinLine(event, person.locale),
    };
  },
  changed(event: EventRow, person: Person & { status: string }): MailMessage {
    const t = catalogFor(person.locale).events;
    const values = {
      name: person.name,
      title: event.title,
      when: formatEventWhen(event, person.locale),
      where: whereFor(event, person.locale),
    };
    return {
      to: person.email,
      subject: t.mailUpdateSubject,
      text:
        format(t.mailChanged, values) +
        (person.status === 'confirmed' ? joinLine(event, person.locale) : ''),
    };
  },
  cancelled(event: EventRow, person: Person): MailMessage {
    const t = catalogFor(person.locale).events;
    return {
      to: person.email,
      subject: t.mailUpdateSubject,
      text: format(t.mailCancelled, {
        name: person.name,
        title: event.title,
        when: formatEventWhen(event, person.locale),
      }),
    };
  },
  reminder(event: EventRow, person: Person & { link: string | null }): MailMessage {
    const t = catalogFor(person.locale).events;
    const values = {
      name: person.name,
      title: event.title,
      when: formatEventWhen(event, person.locale),
      where: whereFor(event, person.locale),
      link: person.link ?? '',
    };
    return {
      to: person.email,
      subject: t.mailReminderSubject,
      text:
        format(person.link ? t.mailReminderWithLink : t.mailReminder, values) +
        joinLine(event, person.locale),
    };
  },
  message(event: EventRow, person: Person, message: string): MailMessage {
    const t = catalogFor(person.locale).events;
    return {
      to: person.email,
      subject: t.mailMessageSubject,
      text: format(t.mailMessage, {
        name: person.name,
        title: event.title,
        when: formatEventWhen(event, person.locale),
        message,
      }),
    };
  },
  decided(
    event: { title: string },
    organizer: { email: string; locale: Locale },
    decision: 'approved' | 'declined',
  ): MailMessage {
    const t = catalogFor(organizer.locale).events;
    return {
      to: organizer.email,
      subject: t.mailOrganizerSubject,
      text: format(decision === 'approved' ? t.mailApproved : t.mailDeclined, {
        title: event.title,
      }),
    };
  },
};

/** Sends many messages, one by one: a failure for one person does not stop the others. */
export const sendAll = async (mailer: Mailer, messages: MailMessage[]): Promise<number> => {
  let sent = 0;
  for (const message of messages) {
    try {
      await mailer.send(message);
      sent++;
    } catch {
      // The mailer queues and retries on its own; nothing more to do here.
    }
  }
  return sent;
};

export type AttendeeMessage = (person: {
  email: string;
  name: string;
  locale: 'en' | 'fr';
  status: string;
}) => MailMessage;

/** Everyone with a place or on the waitlist gets this message, each in their own language. */
export const tellEventAttendees = async (
  db: Database,
  mailer: Mailer,
  event: EventRow,
  write: AttendeeMessage,
): Promise<number> => {
  const people = await listRsvpContacts(db, event.id);
  return sendAll(
    mailer,
    people.map((person) => write({ ...person, name: person.name ?? '' })),
  );
};
