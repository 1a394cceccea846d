import type { Database } from '../../db/core/database';
import { eraseEndedNeedPlaces } from '../../db/circles/needs';
import { claimCircleReminders } from '../../db/circles/reminders';
import { enqueueMail } from '../../db/mail/outbox';
import type { JobSite } from '../jobs';
import { circleMail, circleSignInLink } from './mail';

/**
 * Sends the helpers' reminders now due (24 hours and 2 hours before a need). Each is claimed in
 * the database first (db/circles/reminders.ts), then queued in the mail outbox, which the mail
 * job delivers and retries: overlapping runs never send one twice. The email is the one neutral
 * circle email: a sign-in link and nothing about the need.
 */
export const sendCircleReminders = async (
  db: Database,
  now: Date,
  site: JobSite,
): Promise<number> => {
  const due = await claimCircleReminders(db, now);
  for (const reminder of due)
    await enqueueMail(
      db,
      circleMail({
        to: reminder.email,
        locale: reminder.locale,
        siteName: site.name,
        link: circleSignInLink(site.origin),
      }),
      now,
      false,
    );
  return due.length;
};

/** The needs area's scheduled work: reminders, and erasing places 7 days after each need. */
export const circleNeedJobs = () => [
  async (db: Database, now: Date, _retention: unknown, site: JobSite) =>
    void (await sendCircleReminders(db, now, site)),
  async (db: Database, now: Date) => void (await eraseEndedNeedPlaces(db, now)),
];
