import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAIL_DELIVERIES_PER_RUN, MAIL_RETRY, enqueueMail } from '../../../db/mail/outbox';
import { mailOutbox } from '../../../db/schema';
import { deliverDueMail, httpTransport, providerMailer } from '../../../worker/mail/mailer';
import { TestBrowser } from '../../support/browser';
import { makeTestApp, type TestApp } from '../../support/app';

let t: TestApp;
afterEach(() => t.close());

describe('the local outbox', () => {
  beforeEach(async () => {
    t = await makeTestApp({ APP_ENV: 'local' });
  });

  it('lists what the app would have sent, as a page and as JSON', async () => {
    await new TestBrowser(t).post('/sign-in', { email: 'ana@example.org' });
    const json = (await (await t.app.request('/dev/outbox.json')).json()) as any[];
    expect(json).toHaveLength(1);
    expect(Object.keys(json[0]).sort()).toEqual(['sentAt', 'subject', 'text', 'to']);
    expect(json[0]).toMatchObject({ to: 'ana@example.org', subject: 'Your sign-in code' });
    expect(json[0].text).toMatch(/\d{8}/);
    expect(new Date(json[0].sentAt).getTime()).toBeGreaterThan(0);
    const page = await t.app.request('/dev/outbox');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('ana@example.org');
  });

  // A request that came through a reverse proxy is, by that fact, not from this machine: a
  // local run wrongly put behind one must not hand every sign-in code to the internet.
  it.each([
    ['X-Forwarded-For', '203.0.113.9'],
    ['Forwarded', 'for=203.0.113.9'],
    ['X-Real-IP', '203.0.113.9'],
    ['Via', '1.1 proxy.example'],
    ['x-forwarded-host', 'hearth.example.org'],
  ])('is not there for a request that came through a proxy (%s)', async (header, value) => {
    await new TestBrowser(t).post('/sign-in', { email: 'ana@example.org' });
    for (const path of ['/dev/outbox.json', '/dev/outbox']) {
      const res = await t.app.request(path, { headers: { [header]: value } });
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('ana@example.org');
    }
  });
});

describe('a deployed app', () => {
  beforeEach(async () => {
    t = await makeTestApp({ APP_ENV: 'production' });
  });

  it('has no outbox pages', async () => {
    expect((await t.app.request('/dev/outbox')).status).toBe(404);
    expect((await t.app.request('/dev/outbox.json')).status).toBe(404);
  });
});

describe('the provider mailer', () => {
  let server: Server;
  let received: { auth: string | undefined; body: Record<string, unknown> }[];
  let failuresLeft: number;
  let url: string;

  // A local stand-in for the provider's HTTP API (no network here): it fails on demand.
  beforeEach(async () => {
    t = await makeTestApp();
    received = [];
    failuresLeft = 0;
    server = createServer((req, res) => {
      let data = '';
      req.on('data', (chunk) => (data += chunk));
      req.on('end', () => {
        if (failuresLeft > 0) {
          failuresLeft--;
          res.writeHead(503).end();
          return;
        }
        received.push({ auth: req.headers.authorization, body: JSON.parse(data) });
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"id":"x"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/emails`;
  });
  afterEach(() => server.close());

  const transport = () =>
    httpTransport({ apiUrl: url, apiKey: 'key-123', from: 'Hearth <hello@example.org>' });

  it('sends at once, and keeps nothing once the provider has it', async () => {
    const logs: string[] = [];
    await providerMailer(t.db, transport(), (l) => logs.push(l)).send({
      to: 'ana@example.org',
      subject: 'Hi',
      text: 'Body',
    });
    expect(received).toEqual([
      {
        auth: 'Bearer key-123',
        body: {
          from: 'Hearth <hello@example.org>',
          to: ['ana@example.org'],
          subject: 'Hi',
          text: 'Body',
        },
      },
    ]);
    expect(await t.db.select().from(mailOutbox).all()).toEqual([]);
    expect(logs).toEqual([]);
  });

  it('keeps a message the provider refused and retries it later, with back-off', async () => {
    failuresLeft = 2;
    const logs: string[] = [];
    await providerMailer(t.db, transport(), (l) => logs.push(l)).send({
      to: 'ana@example.org',
      subject: 'Hi',
      text: 'Body',
    });
    const [queued] = await t.db.select().from(mailOutbox).all();
    expect(queued).toMatchObject({ attempts: 1, sentAt: null, failedAt: null });
    expect(logs.join()).not.toContain('ana@example.org');

    // Too early: nothing is due.
    expect(await deliverDueMail(t.db, transport(), () => {}, new Date(Date.now() + 10_000))).toBe(
      0,
    );
    // Due: fails once more, then is delivered.
    expect(
      await deliverDueMail(t.db, transport(), () => {}, new Date(Date.now() + 2 * 60_000)),
    ).toBe(0);
    expect(
      await deliverDueMail(t.db, transport(), () => {}, new Date(Date.now() + 10 * 60_000)),
    ).toBe(1);
    expect(received).toHaveLength(1);
    expect(await t.db.select().from(mailOutbox).all()).toEqual([]);
  });

  it('marks a message failed after the last try and logs an error, never silently', async () => {
    failuresLeft = 1000;
    const logs: string[] = [];
    await providerMailer(t.db, transport(), (l) => logs.push(l)).send({
      to: 'ana@example.org',
      subject: 'Hi',
      text: 'Body',
    });
    let at = Date.now();
    for (let i = 1; i < MAIL_RETRY.maxAttempts; i++) {
      at += MAIL_RETRY.baseDelayMs * 2 ** i;
      await deliverDueMail(t.db, transport(), (l) => logs.push(l), new Date(at));
    }
    const [row] = await t.db.select().from(mailOutbox).all();
    expect(row!.attempts).toBe(MAIL_RETRY.maxAttempts);
    expect(row!.failedAt).not.toBeNull();
    expect(logs.at(-1)).toContain('"level":"error"');
  });
});

describe('a delivery run', () => {
  beforeEach(async () => {
    t = await makeTestApp({ APP_ENV: 'production' });
  });

  // On Workers each message is a fetch and a D1 write, and one invocation has a cap on both:
  // a long queue goes over several cron runs, oldest first, never all in one.
  it('sends at most MAIL_DELIVERIES_PER_RUN messages, and the rest on the next run', async () => {
    const queuedAt = new Date(Date.now() - 10 * 60_000);
    const total = MAIL_DELIVERIES_PER_RUN + 30;
    for (let i = 0; i < total; i++)
      await enqueueMail(
        t.db,
        { to: `p${i}@example.org`, subject: 'News', text: 'Body' },
        new Date(queuedAt.getTime() + i * 1000),
        false,
      );
    const sent: string[] = [];
    const transport = async (message: { to: string }) => void sent.push(message.to);

    expect(await deliverDueMail(t.db, transport, () => {}, new Date())).toBe(
      MAIL_DELIVERIES_PER_RUN,
    );
    expect(sent).toEqual(
      Array.from({ length: MAIL_DELIVERIES_PER_RUN }, (_, i) => `p${i}@example.org`),
    );
    expect(await t.db.select().from(mailOutbox).all()).toHaveLength(30);

    expect(await deliverDueMail(t.db, transport, () => {}, new Date())).toBe(30);
    expect(new Set(sent).size).toBe(total);
    expect(await t.db.select().from(mailOutbox).all()).toEqual([]);
  });
});

describe('mail queued by jobs in a local run', () => {
  beforeEach(async () => {
    t = await makeTestApp({ APP_ENV: 'local' });
  });

  it('counts as delivered to the outbox in the same run', async () => {
    const { enqueueMail, listOutbox } = await import('../../../db/mail/outbox');
    const { runScheduledJobs } = await import('../../../worker/jobs');
    await enqueueMail(
      t.db,
      { to: 'ana@example.org', subject: 'Reminder', text: 'Tomorrow.' },
      new Date(),
      false,
    );
    const lines: string[] = [];
    await runScheduledJobs(t.db, { localOutbox: true, log: (line) => lines.push(line) });
    const [row] = await listOutbox(t.db);
    expect(row!.sentAt).not.toBeNull();
    expect(lines).toContain('[outbox] To: ana@example.org | Subject: Reminder');
  });
});
