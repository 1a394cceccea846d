import type { OutboxRow } from '../../../db/mail/outbox';
import { formatDateTime } from '../../components/format';
import type { Locale } from '../../i18n';

/**
 * The local outbox: emails the app would have sent. A developer tool that exists only in local
 * runs, so its few labels are not in the catalogs.
 */
export const OutboxPage = ({ mail, locale }: { mail: OutboxRow[]; locale: Locale }) => (
  <>
    <h1>Outbox (local only)</h1>
    {mail.length === 0 ? <p>No email yet.</p> : null}
    {mail.map((message) => (
      <section class="queue-item" aria-labelledby={`mail-${message.id}`}>
        <h2 id={`mail-${message.id}`}>{message.subject}</h2>
        <p>
          To {message.toAddress} · {formatDateTime(message.createdAt, locale)}
        </p>
        <pre class="mail">{message.bodyText}</pre>
      </section>
    ))}
  </>
);
