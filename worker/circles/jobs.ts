import type { Database } from '../../db/core/database';
import { createDueNudges, claimHeldOwnerMail, deliverDueNudges } from '../../db/circles/nudges';
import { eraseEndedNeedPlaces } from '../../db/circles/needs';
import { purgeClosedCircles } from '../../db/circles/close';
import { claimCircleReminders } from '../../db/circles/reminders';
import { enqueueMails } from '../../db/mail/outbox';
import type { Job, JobSite } from '../jobs';
import { circleMail, circleSignInLink } from './mail';

/**
 * Queues the one neutral circle email (a sign-in link, nothing more) to each address, all in one
 * write, due at once for the mail job.
 */
const queueCircleMail = async (
  db: Database,
  now: Date,
  origin: string,
  siteName: string,
  recipients: { email: string | null; locale: 'en' | 'fr' }[],
) => {
  const link = circleSignInLink(origin);
  const messages = await Promise.all(
    recipients.flatMap((to) =>
      to.email ? [circleMail({ to: to.email, locale: to.locale, siteName, link })] : [],
    ),
  );
  await enqueueMails(db, messages, now, {});
};

/**
 * Sends the helpers' reminders now due (24 hours and 2 hours before a need), at most
 * CIRCLE_REMINDERS_PER_RUN a run (db/circles/reminders.ts). Each is claimed in
 * the database first (db/circles/reminders.ts), then queued in the mail outbox, which the mail
 * job delivers and retries: overlapping runs never send one twice. Without a known site address
 * (SITE_URL on a deployment) nothing is claimed, so the reminders wait until it is set.
 */
export const sendCircleReminders = async (
  db: Database,
  now: Date,
  site: JobSite,
): Promise<number> => {
  if (!site.origin) return 0;
  const due = await claimCircleReminders(db, now);
  await queueCircleMail(db, now, site.origin, site.name, due);
  return due.length;
};

/**
 * Check-ins: nudges of the period are created once per member, delivered once outside quiet
 * hours (each step at most CHECK_IN_NUDGES_PER_RUN a run: db/circles/nudges.ts) (on the site, and by email when the owner chose email), and owner emails held through
 * quiet hours go when they end. Without a known site address the site notice still shows, and
 * no email is written.
 */
export const sendCheckInNudges = async (db: Database, now: Date, site: JobSite) => {
  await createDueNudges(db, now);
  const nudged = await deliverDueNudges(db, now);
  const held = await claimHeldOwnerMail(db, now);
  if (site.origin) await queueCircleMail(db, now, site.origin, site.name, [...nudged, ...held]);
};

/**
 * The circles area's scheduled work: reminders, nudges, erasing places 7 days after a need, and
 * purging circles closed CLOSED_CIRCLE_KEEP_DAYS ago.
 */
export const circleJobs = (): Job[] => [
  (db, now, _retention, site) => sendCircleReminders(db, now, site).then(() => {}),
  (db, now, _retention, site) => sendCheckInNudges(db, now, site),
  (db, now) => eraseEndedNeedPlaces(db, now).then(() => {}),
  (db, now) => purgeClosedCircles(db, now).then(() => {}),
];
