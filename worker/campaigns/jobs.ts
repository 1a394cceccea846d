import {
  expireUnconfirmedSignatures,
  eraseEndedCampaignEmails,
} from '../../db/campaigns/signatures';
import { unsubscribeTokens } from '../../db/campaigns/links';
import { getCampaign } from '../../db/campaigns/campaigns';
import {
  claimUpdateMailing,
  nextUpdateRecipients,
  queueUpdateBatch,
  releaseUpdateMailing,
} from '../../db/campaigns/updates';
import type { RetentionSettings } from '../config';
import type { Database } from '../../db/core/database';
import type { MailMessage } from '../../db/mail/outbox';
import { format } from '../../web/i18n';
import { catalogFor } from '../catalogs';

/**
 * Messages queued per batch, and batches per job run: a big list is sent over several runs. A
 * batch costs 12 D1 queries (its read, 10 outbox inserts and the cursor), so 10 batches are
 * about 125 of a scheduled run's budget (worker/jobs.ts); 1,000 messages a run is already five
 * times what the mail job delivers in one (MAIL_DELIVERIES_PER_RUN), so more would only queue.
 */
export const UPDATE_MAILING = { batchSize: 100, batchesPerRun: 10 } as const;

/**
 * Queues campaign updates for confirmed signers who asked for news, batch by batch, into the
 * mail queue (the provider takes them from there; locally they show in the outbox).
 * Overlapping runs are safe: each update is leased by one run, and each batch moves the cursor
 * in the same atomic write that queues it.
 */
export const mailCampaignUpdates = async (
  db: Database,
  now: Date,
  options: { batchSize?: number; batchesPerRun?: number } = {},
): Promise<number> => {
  const batchSize = options.batchSize ?? UPDATE_MAILING.batchSize;
  let budget = options.batchesPerRun ?? UPDATE_MAILING.batchesPerRun;
  let queued = 0;
  while (budget > 0) {
    const update = await claimUpdateMailing(db, now);
    if (!update) break;
    const campaign = await getCampaign(db, update.campaignId);
    const unsubscribeToken = await unsubscribeTokens(db);
    let cursor = update;
    let done = false;
    while (budget-- > 0) {
      const recipients = await nextUpdateRecipients(db, cursor, batchSize);
      const messages: MailMessage[] = [];
      for (const person of recipients) {
        const t = await catalogFor(person.locale);
        messages.push({
          to: person.email!,
          subject: t.campaigns.mailUpdateSubject,
          text: format(t.campaigns.mailUpdateBody, {
            title: campaign?.title ?? '',
            body: update.body,
            campaignUrl: `${update.siteOrigin}/campaigns/${update.campaignId}`,
            unsubscribeUrl: `${update.siteOrigin}/campaigns/subscriptions/${unsubscribeToken(person.id)}/cancellation`,
          }),
        });
      }
      done = recipients.length < batchSize;
      const through = recipients.at(-1)?.id ?? cursor.mailedThrough;
      await queueUpdateBatch(db, cursor, messages, through, done, now);
      queued += messages.length;
      cursor = { ...cursor, mailedThrough: through };
      if (done) break;
    }
    if (!done) await releaseUpdateMailing(db, update.id);
  }
  return queued;
};

/** The campaigns area's scheduled work. */
export const campaignJobs = () => [
  async (db: Database, now: Date) => void (await expireUnconfirmedSignatures(db, now)),
  async (db: Database, now: Date, settings: RetentionSettings) =>
    void (await eraseEndedCampaignEmails(db, now, settings.campaignDays)),
  async (db: Database, now: Date) => void (await mailCampaignUpdates(db, now)),
];
