import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { openD1Database } from '../../db/core/d1';
import { MAIL_DELIVERIES_PER_RUN, enqueueMail } from '../../db/mail/outbox';
import { deliverDueMail, MAIL_SENT_IN_REQUEST, providerMailer } from '../../worker/mail/mailer';

// The delivery run's claim is one update over a subquery with a LIMIT: on D1 it takes at most
// a run's share, oldest first, and leaves the rest for the next cron run.
describe('mail delivery on D1', () => {
  it('delivers at most MAIL_DELIVERIES_PER_RUN messages a run, the rest the next run', async () => {
    const db = openD1Database(env.DB);
    const queuedAt = Date.now() - 10 * 60_000;
    const total = MAIL_DELIVERIES_PER_RUN + 5;
    for (let i = 0; i < total; i++)
      await enqueueMail(
        db,
        { to: `p${i}@example.org`, subject: 'News', text: 'Body' },
        new Date(queuedAt + i * 1000),
        false,
      );
    const sent: string[] = [];
    const transport = async (message: { to: string }) => void sent.push(message.to);

    expect(await deliverDueMail(db, transport, () => {}, new Date())).toBe(MAIL_DELIVERIES_PER_RUN);
    expect(sent.slice(0, 3)).toEqual(['p0@example.org', 'p1@example.org', 'p2@example.org']);
    expect(await deliverDueMail(db, transport, () => {}, new Date())).toBe(5);
    expect(new Set(sent).size).toBe(total);
    const left = await env.DB.prepare('select count(*) as n from mail_outbox').first<{
      n: number;
    }>();
    expect(left!.n).toBe(0);
  });
});

// Many messages go in as multi-row inserts: each must stay within D1's 100 bound parameters.
describe('many messages sent together on D1', () => {
  it('stores them in one write, delivers a few at once and the rest in the next run', async () => {
    const db = openD1Database(env.DB);
    const total = 60;
    const sent: string[] = [];
    const transport = async (message: { to: string }) => void sent.push(message.to);
    const messages = Array.from({ length: total }, (_, i) => ({
      to: `m${i}@example.org`,
      subject: 'An update',
      text: 'Body',
    }));

    expect(await providerMailer(db, transport, () => {}).sendMany(messages)).toBe(total);
    expect(sent).toEqual(messages.slice(0, MAIL_SENT_IN_REQUEST).map((m) => m.to));
    expect(await deliverDueMail(db, transport, () => {}, new Date())).toBe(
      total - MAIL_SENT_IN_REQUEST,
    );
    expect(new Set(sent).size).toBe(total);
    expect(sent).toHaveLength(total);
    const left = await env.DB.prepare('select count(*) as n from mail_outbox').first<{
      n: number;
    }>();
    expect(left!.n).toBe(0);
  });
});
