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
import { EVENT_REMINDERS_PER_RUN } from '../db/events/jobs';
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
  /** The run's log: one JSON line, never an address or a text. */
  log: (line: string) => void,
) => Promise<void>;

/**
 * D1 queries one scheduled run may make, every job together, at most. All the jobs run in one
 * Workers invocation (`scheduled()` in worker/index.ts, every 5 minutes), and D1 allows 1,000
 * queries an invocation on Workers Paid (50 on Free: too few for these jobs once there is any
 * work, so a deployment with real use needs Paid). Each job that grows with data takes at most
 * its bound a run and leaves the rest for the next, so the worst case is the sum of the bounds:
 *
 *   purges and erasures (sessions, codes, rate limits, forms, mail, RSVPs, need places)  ~12
 *   consent reminders, CONSENT_REMINDERS_PER_RUN = 50 (db/stories/stories.ts)            ~13
 *   campaign updates, UPDATE_MAILING 10 batches of 100 (worker/campaigns/jobs.ts)        ~130
 *   event reminders, EVENT_REMINDERS_PER_RUN = 100 (db/events/jobs.ts)                   ~13
 *   helpers' reminders, CIRCLE_REMINDERS_PER_RUN = 50 (db/circles/reminders.ts)          ~13
 *   check-in nudges and held owner emails, CHECK_IN_NUDGES_PER_RUN = 50 each
 *     (db/circles/nudges.ts): made ~7, delivered ~52, owner emails ~101                  ~165
 *   closed circles, CLOSED_CIRCLE_PURGES_PER_RUN = 200 (db/circles/close.ts): a read and
 *     12 deletes for each 100 circles (D1's bound parameters)                            ~25
 *   mail delivery, MAIL_DELIVERIES_PER_RUN = 200 (db/mail/outbox.ts): claim + one each    ~201
 *
 * about 575; 572 measured by tests/node/site/scheduled-budget.test.ts with more work
 * due than every bound, against this budget of 700: the rest of the 1,000 is margin for what a
 * job adds later and for the subrequests of the same invocation (each D1 query is one, and
 * each delivered email one more fetch: about 750 of Workers Paid's 10,000).
 *
 * Does a `db.batch()` count as one query or as one per statement? Cloudflare's D1 limits page
 * (https://developers.cloudflare.com/d1/platform/limits/) gives "Queries per Worker
 * invocation: 1000 (Workers Paid) / 50 (Free)" and, under "Batch limits", says that the limits
 * for individual queries apply to each statement inside a `db.batch()` (its example: the 100 KB
 * statement length); it does not say how a batch counts toward the queries of an invocation.
 * Undocumented, so every figure here counts each statement of a batch as one query.
 */
export const SCHEDULED_RUN_QUERY_BUDGET = 700;

/** Housekeeping every deployment needs; areas add their own jobs (reminders, purges) here. */
export const jobs: Job[] = [
  (db, now) => purgeExpiredSessions(db, now),
  (db, now) => purgeSignInCodes(db, now),
  (db, now) => purgeRateLimits(db, now),
  (db, now) => purgeFormSubmissions(db, now),
  async (db, now, _retention, _site, log) => {
    const dropped = await purgeMail(db, now);
    if (dropped > 0)
      log(JSON.stringify({ level: 'warn', mailDroppedUnsent: dropped, reason: 'past its use' }));
  },
  (db, now) => runStoryConsentJobs(db, now),
  ...campaignJobs(),
  async (db, now, _retention, _site, log) => {
    // A full run may leave reminders due: the next run takes them, but past about 2,400 due in
    // one event's last two hours (24 runs of 100) some would come after it starts. Said, so it
    // shows in the logs before anyone misses one.
    const sent = await sendEventReminders(db, now);
    if (sent >= EVENT_REMINDERS_PER_RUN)
      log(JSON.stringify({ level: 'warn', eventRemindersAtBound: sent }));
  },
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
        log,
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
