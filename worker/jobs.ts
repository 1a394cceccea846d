import type { Database } from '../db/core/database';
import { DEFAULT_RETENTION, type RetentionSettings } from './config';
import { flushLocalOutbox, purgeMail } from '../db/mail/outbox';
import { purgeFormSubmissions } from '../db/core/form-submissions';
import { purgeRateLimits } from '../db/core/rate-limit';
import { purgeExpiredSessions } from '../db/accounts/sessions';
import { purgeSignInCodes } from '../db/accounts/sign-in';
import { campaignJobs } from './campaigns/jobs';
import { circleJobs } from './circles/jobs';
import { eraseEventContacts, sendEventReminders } from './events/jobs';
import { deliverDueMail, type MailTransport } from './mail/mailer';
import { runStoryConsentJobs } from './stories/jobs';

/** The site, as jobs that write emails need it: its name and the address links start with. */
export interface JobSite {
  name: string;
  /** SITE_URL, or on a local run the server's own address; unknown on a deployment without SITE_URL. */
  origin: string | undefined;
}

/** A periodic job: Workers' scheduled() and `npm start`'s interval run the same list. */
export type Job = (
  db: Database,
  now: Date,
  retention: RetentionSettings,
  site: JobSite,
) => Promise<void>;

/** Housekeeping every deployment needs; areas add their own jobs (reminders, purges) here. */
export const jobs: Job[] = [
  (db, now) => purgeExpiredSessions(db, now),
  (db, now) => purgeSignInCodes(db, now),
  (db, now) => purgeRateLimits(db, now),
  (db, now) => purgeFormSubmissions(db, now),
  async (db, now) => {
    const dropped = await purgeMail(db, now);
    if (dropped > 0)
      console.log(
        JSON.stringify({ level: 'warn', mailDroppedUnsent: dropped, reason: 'past its use' }),
      );
  },
  (db, now) => runStoryConsentJobs(db, now),
  ...campaignJobs(),
  async (db, now) => void (await sendEventReminders(db, now)),
  async (db, now, retention) => void (await eraseEventContacts(db, now, retention.rsvpDays)),
  ...circleJobs(),
];

/**
 * Runs every job once. A failing job is logged and does not stop the others. Mail delivery
 * retries run too when a provider is configured (the local outbox has nothing to retry).
 */
export const runScheduledJobs = async (
  db: Database,
  options: {
    now?: Date;
    mailTransport?: MailTransport;
    localOutbox?: boolean;
    retention?: RetentionSettings;
    site?: JobSite;
    log?: (line: string) => void;
  } = {},
): Promise<void> => {
  const now = options.now ?? new Date();
  const log = options.log ?? console.log;
  const all: Job[] = [...jobs];
  // Last, so that what the jobs above queued goes out in the same run.
  if (options.mailTransport) {
    const transport = options.mailTransport;
    all.push(async (database, at) => void (await deliverDueMail(database, transport, log, at)));
  } else if (options.localOutbox) {
    all.push(async (database, at) => {
      for (const mail of await flushLocalOutbox(database, at))
        log(`[outbox] To: ${mail.toAddress} | Subject: ${mail.subject}`);
    });
  }
  for (const [index, job] of all.entries()) {
    try {
      await job(
        db,
        now,
        options.retention ?? DEFAULT_RETENTION,
        options.site ?? { name: 'Hearth', origin: undefined },
      );
    } catch (error) {
      log(
        JSON.stringify({
          level: 'error',
          job: index,
          error: error instanceof Error ? error.name : 'unknown',
        }),
      );
    }
  }
};
