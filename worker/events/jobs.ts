import { claimDueReminders, eraseOldRsvpContacts } from '../../db/events/jobs';
import type { Database } from '../../db/core/database';
import { enqueueMails } from '../../db/mail/outbox';
import { eventMail } from './mail';
import { rsvpLink } from './rsvp-link';

/**
 * Sends the reminders now due, at most EVENT_REMINDERS_PER_RUN a run. Each is claimed in the
 * database first (one conditional update), then queued in the mail outbox in one write, due at
 * once for the mail job of the same run, which delivers and retries: two runs at once, or one
 * run twice, never send a second reminder for the same RSVP.
 */
export const sendEventReminders = async (db: Database, now: Date): Promise<number> => {
  const due = await claimDueReminders(db, now);
  const messages = await Promise.all(
    due.map((reminder) =>
      eventMail.reminder(reminder.event, {
        ...reminder,
        link: reminder.token ? rsvpLink(reminder.siteOrigin, reminder.token) : null,
      }),
    ),
  );
  await enqueueMails(db, messages, now, {});
  return due.length;
};

/** Erases RSVP contact details some days after each event ends (see db/events/jobs.ts). */
export const eraseEventContacts = (db: Database, now: Date, days: number) =>
  eraseOldRsvpContacts(db, now, days);
