import type { Database } from '../../db/core/database';
import { createDueNudges, claimHeldOwnerMail, deliverDueNudges } from '../../db/circles/nudges';
import { enqueueMail } from '../../db/mail/outbox';
import type { Job, JobSite } from '../jobs';
import { circleMail, circleSignInLink } from './mail';

/**
 * Check-ins, on the Workers cron and the Node interval: nudges of the period are created once
 * per member, delivered once outside quiet hours (on the site, and by email when the owner chose
 * email), and owner emails held through quiet hours go when they end. Every email is queued in
 * the mail outbox with the one neutral circle mail; without a known site address (SITE_URL on a
 * deployment) the site notice still shows, and no email is written.
 */
export const sendCheckInNudges = async (db: Database, now: Date, site: JobSite) => {
  await createDueNudges(db, now);
  const nudged = await deliverDueNudges(db, now);
  const held = await claimHeldOwnerMail(db, now);
  if (!site.origin) return;
  const link = circleSignInLink(site.origin);
  for (const to of [...nudged, ...held])
    if (to.email)
      await enqueueMail(
        db,
        circleMail({ to: to.email, locale: to.locale, siteName: site.name, link }),
        now,
        false,
      );
};

export const circleCheckInJobs = (): Job[] => [
  (db, now, _retention, site) => sendCheckInNudges(db, now, site),
];
