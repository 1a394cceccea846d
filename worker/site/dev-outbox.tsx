import { Hono } from 'hono';
import { listOutbox } from '../../db/mail/outbox';
import { OutboxPage } from '../../web/views/site/outbox';
import type { AppEnv } from '../env';
import { localToolsAllowed } from '../http/local-tools';
import { renderPage } from '../http/render';

/**
 * The local outbox: the emails the app would have sent. Exists only in local runs
 * (`npm start`, `wrangler dev`) and only for requests that did not come through a proxy; a
 * deployed worker answers 404, as for any unknown page.
 */
export const devOutboxRoutes = new Hono<AppEnv>()
  .use('/dev/*', async function localOnly(c, next) {
    if (!localToolsAllowed(c)) return c.notFound();
    c.header('Cache-Control', 'no-store');
    await next();
  })
  .get('/dev/outbox.json', async function dev_outbox_json_get(c) {
    const mail = await listOutbox(c.get('db'));
    return c.json(
      mail.map((m) => ({
        to: m.toAddress,
        subject: m.subject,
        text: m.bodyText,
        sentAt: (m.sentAt ?? m.createdAt).toISOString(),
      })),
    );
  })
  .get('/dev/outbox', async function dev_outbox_get(c) {
    return renderPage(c, {
      title: 'Outbox',
      body: <OutboxPage mail={await listOutbox(c.get('db'))} locale={c.get('locale')} />,
    });
  });
