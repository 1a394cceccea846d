import type { Database } from '../../db/core/database';
import { enqueueMails, type MailMessage } from '../../db/mail/outbox';
import { claimConsentReminders, unpublishExpiredStories } from '../../db/stories/stories';
import { formatDate } from '../../web/components/format';
import { format } from '../../web/i18n';
import { catalogFor } from '../catalogs';

/**
 * Consent over time, run by the scheduled jobs: stories whose consent ended leave the site, and
 * authors whose consent ends within 14 days are emailed once, in their language, with a link to
 * renew (at most CONSENT_REMINDERS_PER_RUN a run, the rest the next run). Both claim their work
 * with one conditional update, so overlapping runs do nothing twice. The emails are queued in
 * one write, due at once for the mail job. Public pages also check the end date themselves, so a
 * late job never shows an expired story.
 */
export const runStoryConsentJobs = async (db: Database, now: Date): Promise<void> => {
  await unpublishExpiredStories(db, now);
  const messages: MailMessage[] = [];
  for (const reminder of await claimConsentReminders(db, now)) {
    const t = await catalogFor(reminder.locale);
    messages.push({
      to: reminder.email,
      subject: t.stories.mailSubject,
      text: format(t.stories.mailReminder, {
        date: formatDate(reminder.expiresAt, reminder.locale),
        link: `${reminder.siteOrigin}/my-stories/${reminder.storyId}`,
      }),
    });
  }
  await enqueueMails(db, messages, now, {});
};
