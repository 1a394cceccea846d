import type { Database } from '../../db/core/database';
import {
  claimDueMail,
  enqueueMail,
  enqueueMails,
  getMail,
  markMailAttemptFailed,
  markMailDelivered,
  type MailMessage,
  type OutboxRow,
} from '../../db/mail/outbox';

export type { MailMessage } from '../../db/mail/outbox';

/** The one way the app sends email. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /**
   * Many messages at once (everyone with an RSVP to an event), stored in one write. Returns
   * how many were accepted: delivered or queued for delivery.
   */
  sendMany(messages: readonly MailMessage[]): Promise<number>;
}

/** Hands one message to a provider; throws when the provider does not accept it. */
export type MailTransport = (message: MailMessage) => Promise<void>;

/**
 * Local runs (`npm start`, `wrangler dev`): every message goes to the outbox table, shown at
 * /dev/outbox, and is printed to the console so a developer can read sign-in codes.
 */
export const outboxMailer = (
  db: Database,
  print: (line: string) => void = console.log,
): Mailer => ({
  async send(message) {
    await enqueueMail(db, message, new Date(), true);
    printMessage(print, message);
  },
  async sendMany(messages) {
    await enqueueMails(db, messages, new Date(), { sent: true });
    for (const message of messages) printMessage(print, message);
    return messages.length;
  },
});

const printMessage = (print: (line: string) => void, message: MailMessage) =>
  print(`[outbox] To: ${message.to} | Subject: ${message.subject}\n${message.text}\n`);

/**
 * Of many messages sent together, how many the request delivers itself; the rest wait for
 * `deliverDueMail` (every 5 minutes). Each costs a fetch and a D1 write inside the request
 * that sends them, which has its own budget beside: at most 50 subrequests and 50 D1 queries
 * an invocation on Workers Free (1,000 queries on Paid). 20 leaves room for the request's own
 * reads and writes, and the first people hear at once.
 */
export const MAIL_SENT_IN_REQUEST = 20;

/**
 * Deployed: a message is stored first, then handed to the provider. If the provider fails, the
 * message stays queued and `deliverDueMail` (a scheduled job) retries it with back-off; after
 * the last try it is marked failed and an error is logged. Nothing is lost silently.
 */
export const providerMailer = (
  db: Database,
  transport: MailTransport,
  log: (line: string) => void,
): Mailer => ({
  async send(message) {
    const now = new Date();
    // Stored first and claimed by this request, then delivered straight away by its id.
    const id = await enqueueMail(db, message, now, false);
    const row = await getMail(db, id);
    if (row) await deliverOne(db, transport, row, now, log);
  },
  async sendMany(messages) {
    const now = new Date();
    // All stored in one write; the first few claimed by this request, the rest due at once.
    const claimed = await enqueueMails(db, messages, now, { claimed: MAIL_SENT_IN_REQUEST });
    for (const row of claimed) await deliverOne(db, transport, row, now, log);
    return messages.length;
  },
});

const deliverOne = async (
  db: Database,
  transport: MailTransport,
  row: OutboxRow,
  now: Date,
  log: (line: string) => void,
): Promise<boolean> => {
  try {
    await transport({ to: row.toAddress, subject: row.subject, text: row.bodyText });
    await markMailDelivered(db, row.id);
    return true;
  } catch (error) {
    const outcome = await markMailAttemptFailed(db, row, now);
    // Never the address or the text: only which message and what happened.
    log(
      JSON.stringify({
        level: outcome === 'failed' ? 'error' : 'warn',
        mail: row.id,
        outcome,
        error: error instanceof Error ? error.message.slice(0, 200) : 'unknown',
      }),
    );
    return false;
  }
};

/**
 * Retries the messages whose time has come, at most MAIL_DELIVERIES_PER_RUN of them, so one
 * cron invocation stays within Workers' subrequest and D1 query limits; the rest go next run.
 * Returns how many were delivered.
 */
export const deliverDueMail = async (
  db: Database,
  transport: MailTransport,
  log: (line: string) => void = console.log,
  now = new Date(),
): Promise<number> => {
  let delivered = 0;
  for (const row of await claimDueMail(db, now))
    if (await deliverOne(db, transport, row, now, log)) delivered++;
  return delivered;
};

export interface HttpProviderConfig {
  /** The provider's "send one email" endpoint (JSON body: from, to, subject, text). */
  apiUrl: string;
  apiKey: string;
  from: string;
}

/**
 * A transactional email provider over fetch, with a JSON API in the common shape
 * (`{ from, to: [..], subject, text }`, bearer key), as Resend's is.
 */
export const httpTransport =
  (config: HttpProviderConfig, fetcher: typeof fetch = fetch): MailTransport =>
  async (message) => {
    const res = await fetcher(config.apiUrl, {
      method: 'POST',
      headers: { Authorization: `Bearer ${config.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        from: config.from,
        to: [message.to],
        subject: message.subject,
        text: message.text,
      }),
    });
    if (!res.ok) throw new Error(`mail provider answered ${res.status}`);
  };
