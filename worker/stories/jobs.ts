import type { Database } from '../../db/core/database';
import { enqueueMail } from '../../db/mail/outbox';
import { claimConsentReminders, unpublishExpiredStories } from '../../db/stories/stories';
import { getUser, userLocale } from '../../db/accounts/users';
import { formatDate } from '../../web/components/format';
import { format } from '../../web/i18n';
import { catalogFor } from '../catalogs';

/**
 * Consent over time, run by the scheduled jobs: stories whose consent ended leave the site, and
 * authors whose consent ends within 14 days are emailed once, in their language, with a link to
 * renew. Both claim their work with one conditional update, so overlapping runs do nothing twice.
 * Public pages also check the end date themselves, so a late job never shows an expired story.
 */
export const runStoryConsentJobs = async (db: Database, now: Date): Promise<void> => {
  await unpublishExpiredStories(db, now);
  for (const reminder of await claimConsentReminders(db, now)) {
    const author = await getUser(db, reminder.authorId);
    if (!author) continue;
    const locale = await userLocale(db, author.id);
    const t = await catalogFor(locale);
    await enqueueMail(
      db,
      {
        to: author.email,
        subject: t.stories.mailSubject,
        text: format(t.stories.mailReminder, {
          date: formatDate(reminder.expiresAt, locale),
          link: `${reminder.siteOrigin}/my-stories/${reminder.storyId}`,
        }),
      },
      now,
      false,
    );
  }
};
