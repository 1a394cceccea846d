import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeCampaign, countCall } from '../../../db/campaigns/campaigns';
import {
  eraseEndedCampaignEmails,
  expireUnconfirmedSignatures,
  mailboxKey,
  signCampaign,
} from '../../../db/campaigns/signatures';
import { unsubscribeToken } from '../../../db/campaigns/links';
import { postCampaignUpdate } from '../../../db/campaigns/updates';
import { listOutbox } from '../../../db/mail/outbox';
import { campaignSignatures, campaignUpdates } from '../../../db/schema';
import { mailCampaignUpdates } from '../../../worker/campaigns/jobs';
import { readConfig } from '../../../worker/config';
import { runScheduledJobs } from '../../../worker/jobs';
import { TestBrowser } from '../../support/browser';
import { publishedCampaign } from '../../support/campaigns';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

const DAY = 86400_000;
const sign = (
  campaignId: string,
  email: string,
  over: Partial<Parameters<typeof signCampaign>[2]> = {},
  now = new Date(),
) =>
  signCampaign(
    t.db,
    campaignId,
    {
      email,
      firstName: 'Ana',
      lastName: '',
      city: '',
      message: '',
      display: 'full',
      wantsUpdates: false,
      shareEmail: false,
      locale: 'en',
      ...over,
    },
    now,
  );
const confirmAll = async () =>
  t.db
    .update(campaignSignatures)
    .set({ confirmedAt: new Date(), confirmTokenHash: null, expiresAt: null });

describe('mailboxKey', () => {
  it('treats case, spaces and +tags of one mailbox as one', () => {
    expect(mailboxKey('  Ana+News@Example.ORG ')).toBe('ana@example.org');
    expect(mailboxKey('ana@example.org')).toBe('ana@example.org');
    expect(mailboxKey('+x@example.org')).toBe('+x@example.org');
    expect(mailboxKey('ana.b@example.org')).not.toBe(mailboxKey('anab@example.org'));
  });
});

describe('scheduled campaign jobs', () => {
  it('deletes signatures not confirmed within 7 days, keeps the others, and is safe to run twice', async () => {
    const id = await publishedCampaign(t);
    const start = new Date('2026-11-01T00:00:00Z');
    await sign(id, 'old@example.org', {}, start);
    await sign(id, 'kept@example.org', {}, start);
    await t.db
      .update(campaignSignatures)
      .set({ confirmedAt: start, confirmTokenHash: null, expiresAt: null })
      .where((await import('drizzle-orm')).eq(campaignSignatures.email, 'kept@example.org'));
    await sign(id, 'new@example.org', {}, new Date(start.getTime() + 6 * DAY));
    const later = new Date(start.getTime() + 7 * DAY + 1000);
    await Promise.all([
      runScheduledJobs(t.db, { now: later }),
      runScheduledJobs(t.db, { now: later }),
    ]);
    const left = (await t.db.select().from(campaignSignatures).all()).map((r) => r.email).sort();
    expect(left).toEqual(['kept@example.org', 'new@example.org']);
    expect(await expireUnconfirmedSignatures(t.db, later)).toBe(0);
  });

  it('erases emails 90 days after the campaign ended, except for signers who want news; counts and names stay', async () => {
    const id = await publishedCampaign(t);
    await sign(id, 'a@example.org');
    await sign(id, 'b@example.org', { wantsUpdates: true });
    await confirmAll();
    const ended = new Date('2026-01-01T00:00:00Z');
    const { campaigns } = await import('../../../db/schema');
    const { eq } = await import('drizzle-orm');
    await t.db
      .update(campaigns)
      .set({ status: 'closed', endedAt: ended })
      .where(eq(campaigns.id, id));
    expect(await eraseEndedCampaignEmails(t.db, new Date(ended.getTime() + 89 * DAY))).toBe(0);
    expect(await eraseEndedCampaignEmails(t.db, new Date(ended.getTime() + 90 * DAY))).toBe(1);
    const rows = await t.db.select().from(campaignSignatures).orderBy(campaignSignatures.id).all();
    expect(rows.map((r) => r.email)).toEqual([null, 'b@example.org']);
    expect(rows.map((r) => r.emailKey)).toEqual([null, 'b@example.org']);
    expect(rows[0]!.firstName).toBe('Ana');
    expect(visibleText(await (await new TestBrowser(t).get(`/campaigns/${id}`)).text())).toContain(
      '2 of 5 signatures',
    );
    // After unsubscribing, the next run erases that address too.
    await t.db.update(campaignSignatures).set({ wantsUpdates: false });
    expect(await eraseEndedCampaignEmails(t.db, new Date(ended.getTime() + 91 * DAY))).toBe(1);
  });

  it('CAMPAIGN_RETENTION_DAYS sets the retention period the scheduled job uses', async () => {
    const id = await publishedCampaign(t);
    await sign(id, 'a@example.org');
    await confirmAll();
    const ended = new Date('2026-01-01T00:00:00Z');
    const { campaigns } = await import('../../../db/schema');
    const { eq } = await import('drizzle-orm');
    await t.db
      .update(campaigns)
      .set({ status: 'closed', endedAt: ended })
      .where(eq(campaigns.id, id));
    const { retention } = readConfig({ CAMPAIGN_RETENTION_DAYS: '30' });
    expect(retention.campaignDays).toBe(30);
    await runScheduledJobs(t.db, { now: new Date(ended.getTime() + 29 * DAY), retention });
    expect((await t.db.select().from(campaignSignatures).get())!.email).toBe('a@example.org');
    await runScheduledJobs(t.db, { now: new Date(ended.getTime() + 30 * DAY), retention });
    expect((await t.db.select().from(campaignSignatures).get())!.email).toBeNull();
    expect(readConfig({ CAMPAIGN_RETENTION_DAYS: '-1' }).retention.campaignDays).toBe(90);
    expect(readConfig({ CAMPAIGN_RETENTION_DAYS: 'soon' }).retention.campaignDays).toBe(90);
  });

  it('the privacy page states the configured retention', async () => {
    const other = await makeTestApp({ CAMPAIGN_RETENTION_DAYS: '45', RSVP_RETENTION_DAYS: '14' });
    const text = visibleText(await (await other.app.request('/privacy')).text());
    expect(text).toContain('45 days after the campaign is closed or delivered');
    expect(text).toContain('14 days after the event ends');
    other.close();
  });

  it('the privacy page states how long signers\u2019 data is kept, in both languages', async () => {
    expect(visibleText(await (await new TestBrowser(t).get('/privacy')).text())).toContain(
      '90 days after the campaign is closed or delivered',
    );
    const fr = visibleText(
      await (
        await new TestBrowser(t, 'http://localhost', { 'Accept-Language': 'fr' }).get('/privacy')
      ).text(),
    );
    expect(fr).toContain('90 jours après la fermeture ou la remise de la campagne');
  });

  it('emails an update in batches, once, only to confirmed signers who asked, each with a working stop link', async () => {
    const id = await publishedCampaign(t);
    for (let i = 0; i < 7; i++)
      await sign(id, `yes${i}@example.org`, { wantsUpdates: true, locale: i === 0 ? 'fr' : 'en' });
    await sign(id, 'no@example.org');
    await confirmAll();
    await sign(id, 'pending@example.org', { wantsUpdates: true });
    await postCampaignUpdate(t.db, id, 'We met the minister.', 'http://localhost');
    const now = new Date();
    // Two overlapping runs, three per batch: every one of the 7 gets exactly one email.
    const [a, b] = await Promise.all([
      mailCampaignUpdates(t.db, now, { batchSize: 3 }),
      mailCampaignUpdates(t.db, now, { batchSize: 3 }),
    ]);
    expect(a + b).toBe(7);
    expect(
      await mailCampaignUpdates(t.db, new Date(now.getTime() + 3600_000), { batchSize: 3 }),
    ).toBe(0);
    const mails = (await listOutbox(t.db)).filter((m) =>
      m.bodyText.includes('We met the minister.'),
    );
    expect(mails.map((m) => m.toAddress).sort()).toEqual(
      Array.from({ length: 7 }, (_, i) => `yes${i}@example.org`).sort(),
    );
    expect(mails.find((m) => m.toAddress === 'yes0@example.org')!.subject).toBe(
      'Les nouvelles que vous avez demandées',
    );
    expect((await t.db.select().from(campaignUpdates).get())!.mailingDoneAt).not.toBeNull();

    const stop = new URL(
      mails
        .find((m) => m.toAddress === 'yes1@example.org')!
        .bodyText.match(/http:\/\/localhost\/campaigns\/subscriptions\/\S+/)![0],
    ).pathname;
    expect((await new TestBrowser(t).get(stop)).status).toBe(200);
    expect((await new TestBrowser(t).post(stop)).status).toBe(303);
    expect(
      (await new TestBrowser(t).post(stop.replace(/.-/, (m) => (m[0] === '9' ? '8' : '9') + '-')))
        .status,
    ).toBe(404);
    expect(
      (await new TestBrowser(t).post(stop.slice(0, -1) + (stop.endsWith('a') ? 'b' : 'a'))).status,
    ).toBe(404);

    await postCampaignUpdate(t.db, id, 'Second news.', 'http://localhost');
    await mailCampaignUpdates(t.db, new Date(now.getTime() + 7200_000));
    const second = (await listOutbox(t.db))
      .filter((m) => m.bodyText.includes('Second news.'))
      .map((m) => m.toAddress);
    expect(second).toHaveLength(6);
    expect(second).not.toContain('yes1@example.org');
  });

  // On Workers one invocation may make only so many D1 queries: a mailing's reads must not
  // grow with its list (the link key was once read again for every recipient).
  it('reads as often for a mailing to 12 signers as for one to 2', async () => {
    await unsubscribeToken(t.db, 1); // the link key made first, so neither run makes it
    const reads: number[] = [];
    for (const count of [2, 12]) {
      const id = await publishedCampaign(t);
      for (let i = 0; i < count; i++)
        await sign(id, `c${count}-${i}@example.org`, { wantsUpdates: true });
      await confirmAll();
      await postCampaignUpdate(t.db, id, 'News.', 'http://localhost');
      let selects = 0;
      const counted = new Proxy(t.db, {
        get(target, prop, receiver) {
          if (prop === 'select') selects++;
          return Reflect.get(target, prop, receiver);
        },
      });
      expect(await mailCampaignUpdates(counted, new Date(), { batchesPerRun: 1 })).toBe(count);
      reads.push(selects);
    }
    expect(reads[1]).toBe(reads[0]);
  });

  // D1 counts every statement of a batch toward an invocation's 1,000 queries (worker/jobs.ts):
  // a batch of 100 messages is 10 multi-row inserts and the cursor, not an insert a message.
  it('queues an update to 250 signers in a statement per ten messages', async () => {
    const id = await publishedCampaign(t);
    for (let i = 0; i < 250; i++) await sign(id, `s${i}@example.org`, { wantsUpdates: true });
    await confirmAll();
    await postCampaignUpdate(t.db, id, 'Thanks to all.', 'http://localhost');
    const before = t.statements!();
    expect(await mailCampaignUpdates(t.db, new Date())).toBe(250);
    // 3 batches of a read, 10 (3 for the last) inserts and the cursor; the claim and its reads.
    expect(t.statements!() - before).toBeLessThanOrEqual(45);
    const to = (await listOutbox(t.db, 1000))
      .filter((m) => m.bodyText.includes('Thanks to all.'))
      .map((m) => m.toAddress);
    expect(new Set(to).size).toBe(250);
    expect(to).toHaveLength(250);
  });

  it('a run out of batches leaves the rest to the next run, which goes on where it stopped', async () => {
    const id = await publishedCampaign(t);
    for (let i = 0; i < 5; i++) await sign(id, `n${i}@example.org`, { wantsUpdates: true });
    await confirmAll();
    await postCampaignUpdate(t.db, id, 'News.', 'http://localhost');
    const now = new Date();
    expect(await mailCampaignUpdates(t.db, now, { batchSize: 2, batchesPerRun: 1 })).toBe(2);
    expect(await mailCampaignUpdates(t.db, now, { batchSize: 2, batchesPerRun: 1 })).toBe(2);
    expect(await mailCampaignUpdates(t.db, now, { batchSize: 2, batchesPerRun: 1 })).toBe(1);
    expect(await mailCampaignUpdates(t.db, now, { batchSize: 2, batchesPerRun: 1 })).toBe(0);
    const to = (await listOutbox(t.db)).map((m) => m.toAddress).sort();
    expect(to).toEqual([
      'n0@example.org',
      'n1@example.org',
      'n2@example.org',
      'n3@example.org',
      'n4@example.org',
    ]);
  });

  it('posting an update shows it on the page', async () => {
    const id = await publishedCampaign(t);
    await postCampaignUpdate(t.db, id, 'Thank you all <3', 'http://localhost');
    const html = await (await new TestBrowser(t).get(`/campaigns/${id}`)).text();
    expect(html).toContain('Thank you all &lt;3');
  });
});

describe('the call action', () => {
  it('counts calls without keeping anything about the caller, limited per client, only while open', async () => {
    const id = await publishedCampaign(t, {
      kind: 'call',
      letterText: 'Hello, please act.',
      targetPhone: '+44 20 7946 0000',
    });
    const page = await (await new TestBrowser(t).get(`/campaigns/${id}`)).text();
    expect(page).toContain('href="tel:+442079460000"');
    expect(visibleText(page)).toContain('Hello, please act.');
    const browser = new TestBrowser(t, 'http://localhost', { 'x-test-client': '198.51.100.7' });
    const first = await browser.post(`/campaigns/${id}/calls`);
    expect(first.status).toBe(303);
    expect(visibleText(await (await browser.get(first.headers.get('location')!)).text())).toContain(
      '1 people called so far.',
    );
    const hx = await browser.post(`/campaigns/${id}/calls`, {}, { 'HX-Request': 'true' });
    expect(hx.status).toBe(200);
    const fragment = await hx.text();
    expect(fragment).not.toContain('<html');
    expect(visibleText(fragment)).toContain('2 people called so far.');
    for (let i = 0; i < 3; i++) await browser.post(`/campaigns/${id}/calls`);
    expect((await browser.post(`/campaigns/${id}/calls`)).status).toBe(429);
    expect(await countCall(t.db, id)).toBe(6);
    expect(await t.db.select().from(campaignSignatures).all()).toEqual([]);
    const owner = (await (await import('../../../db/campaigns/campaigns')).getCampaign(t.db, id))!
      .ownerId!;
    await closeCampaign(t.db, id, owner);
    expect(await countCall(t.db, id)).toBeNull();
    const closed = await new TestBrowser(t).post(`/campaigns/${id}/calls`);
    expect(closed.status).toBe(409);
    expect(visibleText(await closed.text())).toContain('This campaign is not open for signatures.');
  });
});
