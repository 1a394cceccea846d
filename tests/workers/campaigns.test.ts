import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCampaign } from '../../db/campaigns/campaigns';
import { openD1Database } from '../../db/core/d1';
import { newToken } from '../../db/core/random';
import { campaigns } from '../../db/schema';
import { findOrCreateUser } from '../../db/accounts/users';
import { postCampaignUpdate } from '../../db/campaigns/updates';
import { mailCampaignUpdates } from '../../worker/campaigns/jobs';
import { countD1Queries } from './support/d1-queries';
import { form, newestMailTo, origin, request } from './support/http';

// Signing inside workerd over D1: the whole cycle, duplicates in parallel, CSRF, injection,
// mass assignment, the export and the retention job.

const addCampaign = async (id: string, status = 'published') => {
  await env.DB.prepare(
    `insert into campaigns (id, kind, status, title, ask, body, target_name, target_role, goal, created_at, published_at)
     values (?, 'petition', ?, 'Open the shelter', 'Open it all year.', 'Why it matters.', 'Robin', 'Mayor', 3, unixepoch(), unixepoch())`,
  )
    .bind(id, status)
    .run();
};
const signer = (over: Record<string, string> = {}) => ({
  firstName: 'Ana',
  email: 'ana@example.org',
  city: 'Lyon',
  display: 'full',
  ...over,
});
const count = async (id: string, confirmed = false) =>
  (await env.DB.prepare(
    `select count(*) as n from campaign_signatures where campaign_id = ?${confirmed ? ' and confirmed_at is not null' : ''}`,
  )
    .bind(id)
    .first<{ n: number }>())!.n;
const link = async (email: string, kind: string) =>
  new URL(
    (await newestMailTo(email)).match(
      new RegExp(`https://hearth\\.test/campaigns/signatures/[a-z0-9]+/${kind}`),
    )![0],
  ).pathname;

describe('campaigns on Workers with D1', () => {
  it('sign → confirm → counted → withdraw', async () => {
    await addCampaign('w-cycle');
    const signed = await request('/campaigns/w-cycle/signatures', form(signer()));
    expect(signed.status).toBe(303);
    expect(await count('w-cycle', true)).toBe(0);
    const confirm = await link('ana@example.org', 'confirmation');
    expect((await request(confirm)).status).toBe(200);
    expect((await request(confirm, form({}))).status).toBe(303);
    expect((await request(confirm, form({}))).status).toBe(404);
    expect(await count('w-cycle', true)).toBe(1);
    const page = await (await request('/campaigns/w-cycle')).text();
    expect(page).toContain('1 of 3 signatures');
    expect(page).not.toContain('ana@example.org');
    expect((await request(await link('ana@example.org', 'withdrawal'), form({}))).status).toBe(303);
    expect(await count('w-cycle')).toBe(0);
  });

  it('20 parallel attempts with one mailbox make one signature', async () => {
    await addCampaign('w-parallel');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        request(
          '/campaigns/w-parallel/signatures',
          form(signer({ email: i % 2 ? 'BO@example.org' : 'bo+x@example.org' })),
        ),
      ),
    );
    for (const res of results) expect([303, 429]).toContain(res.status);
    expect(await count('w-parallel')).toBe(1);
  });

  it('refuses other origins and no origin; shows injected markup as text; ignores mass assignment', async () => {
    await addCampaign('w-safe');
    expect(
      (
        await request(
          '/campaigns/w-safe/signatures',
          form(signer(), '', { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' }),
        )
      ).status,
    ).toBe(403);
    const bare = await request('/campaigns/w-safe/signatures', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(signer()).toString(),
    });
    expect(bare.status).toBe(403);
    expect(await count('w-safe')).toBe(0);

    await request(
      '/campaigns/w-safe/signatures',
      form({
        ...signer({
          email: 'x@example.org',
          firstName: '<b hx-get="/e">X</b>',
          city: '<script>1</script>',
        }),
        confirmed: '1',
        confirmed_at: '1',
      }),
    );
    expect(await count('w-safe', true)).toBe(0);
    await request(await link('x@example.org', 'confirmation'), form({}));
    const page = await (await request('/campaigns/w-safe')).text();
    expect(page).not.toContain('<b hx-get="/e">');
    expect(page).toContain('&lt;b hx-get=&quot;/e&quot;&gt;X&lt;/b&gt;');
    expect(page).not.toContain('<script>1</script>');
  });

  it('the scheduled job expires unconfirmed signatures and erases emails after a campaign ended', async () => {
    await addCampaign('w-jobs', 'closed');
    await env.DB.prepare(
      "update campaigns set ended_at = unixepoch() - 100 * 86400 where id = 'w-jobs'",
    ).run();
    await env.DB.batch([
      env.DB.prepare(
        "insert into campaign_signatures (campaign_id, email, email_key, first_name, display, locale, created_at, confirmed_at) values ('w-jobs', 'kept@example.org', 'kept@example.org', 'K', 'full', 'en', 0, 1)",
      ),
      env.DB.prepare(
        "insert into campaign_signatures (campaign_id, email, email_key, first_name, display, locale, wants_updates, created_at, confirmed_at) values ('w-jobs', 'news@example.org', 'news@example.org', 'N', 'full', 'en', 1, 0, 1)",
      ),
      env.DB.prepare(
        "insert into campaign_signatures (campaign_id, email, email_key, first_name, display, locale, created_at, expires_at) values ('w-jobs', 'late@example.org', 'late@example.org', 'L', 'full', 'en', 0, 1)",
      ),
    ]);
    const worker = (await import('../../worker')).default;
    await worker.scheduled(
      { scheduledTime: Date.now(), cron: '*/5 * * * *', noRetry() {} } as ScheduledController,
      env,
    );
    const rows = await env.DB.prepare(
      "select first_name, email from campaign_signatures where campaign_id = 'w-jobs' order by first_name",
    ).all<{ first_name: string; email: string | null }>();
    expect(rows.results).toEqual([
      { first_name: 'K', email: null },
      { first_name: 'N', email: 'news@example.org' },
    ]);
  });
});

describe('a campaign past its end date, on D1', () => {
  const yesterday = () => new Date(Date.now() - 24 * 3600_000).toISOString().slice(0, 10);

  it('refuses to confirm a pending signature with a plain message, and writes nothing', async () => {
    await addCampaign('w-ended');
    await request(
      '/campaigns/w-ended/signatures',
      form(signer({ email: 'late-signer@example.org' })),
    );
    const confirm = await link('late-signer@example.org', 'confirmation');
    await env.DB.prepare("update campaigns set ends_on = ? where id = 'w-ended'")
      .bind(yesterday())
      .run();
    const before = await env.DB.prepare(
      "select * from campaign_signatures where campaign_id = 'w-ended'",
    ).all();
    const page = await request(confirm);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('This link no longer works');
    const refused = await request(confirm, form({}));
    expect(refused.status).toBe(404);
    expect(await refused.text()).toContain('This link no longer works');
    expect(
      (
        await env.DB.prepare(
          "select * from campaign_signatures where campaign_id = 'w-ended'",
        ).all()
      ).results,
    ).toEqual(before.results);
    expect(await count('w-ended', true)).toBe(0);
  });

  it('does not count a call', async () => {
    await env.DB.prepare(
      `insert into campaigns (id, kind, status, title, ask, body, target_name, target_role, target_phone, letter_text, goal, ends_on, created_at, published_at)
       values ('w-call-ended', 'call', 'published', 'Call the mayor', 'Call.', 'Why.', 'Robin', 'Mayor', '+44 20 7946 0000', 'Hello.', 3, ?, unixepoch(), unixepoch())`,
    )
      .bind(yesterday())
      .run();
    const answer = await request(
      '/campaigns/w-call-ended/calls',
      form({}, '', { 'HX-Request': 'true' }),
    );
    expect(await answer.text()).toContain('This campaign is not open for signatures.');
    await request('/campaigns/w-call-ended/calls', form({}));
    expect(
      (await env.DB.prepare(
        "select call_count as n from campaigns where id = 'w-call-ended'",
      ).first<{ n: number }>())!.n,
    ).toBe(0);
  });
});

describe('campaign updates on D1', () => {
  it('queues an update for every confirmed signer who asked, in batches, once', async () => {
    await addCampaign('w-news');
    const statements = Array.from({ length: 30 }, (_, i) =>
      env.DB.prepare(
        "insert into campaign_signatures (campaign_id, email, email_key, first_name, display, locale, wants_updates, created_at, confirmed_at) values ('w-news', ?, ?, 'N', 'full', 'en', ?, 0, 1)",
      ).bind(`n${i}@example.org`, `n${i}@example.org`, i < 25 ? 1 : 0),
    );
    await env.DB.batch(statements);
    const { openD1Database } = await import('../../db/core/d1');
    const { postCampaignUpdate } = await import('../../db/campaigns/updates');
    const { mailCampaignUpdates } = await import('../../worker/campaigns/jobs');
    const db = openD1Database(env.DB);
    await postCampaignUpdate(db, 'w-news', 'News for you.', origin);
    expect(await mailCampaignUpdates(db, new Date(), { batchSize: 10 })).toBe(25);
    expect(await mailCampaignUpdates(db, new Date(Date.now() + 3600_000), { batchSize: 10 })).toBe(
      0,
    );
    const queued = await env.DB.prepare(
      "select count(distinct to_address) as n, count(*) as total from mail_outbox where body_text like '%News for you.%'",
    ).first<{ n: number; total: number }>();
    expect(queued).toEqual({ n: 25, total: 25 });
  });
});

describe('a create form sent many times at once, on D1', () => {
  it('makes one draft, and every answer is that draft', async () => {
    const d1 = openD1Database(env.DB);
    const owner = await findOrCreateUser(d1, 'twice@example.org');
    const key = newToken();
    const input = {
      kind: 'petition' as const,
      title: 'Twice',
      ask: 'Ask.',
      body: 'Body.',
      targetName: 'Robin',
      targetRole: 'Mayor',
      letterText: '',
      targetPhone: '',
      nextSteps: '',
      goal: 10,
      endsOn: null,
      contentLanguage: 'en' as const,
    };
    const ids = await Promise.all(
      Array.from({ length: 10 }, () => createCampaign(d1, owner.id, input, new Date(), key)),
    );
    expect(new Set(ids).size).toBe(1);
    expect(
      await d1.select().from(campaigns).where(eq(campaigns.ownerId, owner.id)).all(),
    ).toHaveLength(1);
  });
});

// An update to thousands of signers: each batch of 100 goes into the outbox as multi-row
// inserts within D1's 100 bound parameters, not one statement a message.
describe('a campaign update to many signers, on D1', () => {
  it('queues 250 messages in a bounded number of statements, each once', async () => {
    await addCampaign('w-many');
    const signers = Array.from({ length: 250 }, (_, i) =>
      env.DB.prepare(
        "insert into campaign_signatures (campaign_id, email, email_key, first_name, display, locale, wants_updates, created_at, confirmed_at) values ('w-many', ?, ?, 'N', 'full', 'en', 1, 0, 1)",
      ).bind(`m${i}@example.org`, `m${i}@example.org`),
    );
    await env.DB.batch(signers);
    const db = openD1Database(env.DB);
    await postCampaignUpdate(db, 'w-many', 'Many thanks.', origin);
    const { result: queued, queries } = await countD1Queries(env.DB, () =>
      mailCampaignUpdates(db, new Date()),
    );
    expect(queued).toBe(250);
    // 3 batches, each a read and 10 inserts of 10 rows (the last 5) and the cursor, and the
    // mailing's claim and reads: about 40, where one insert a message made over 260.
    expect(queries).toBeLessThanOrEqual(45);
    const rows = await env.DB.prepare(
      "select count(distinct to_address) as n, count(*) as total from mail_outbox where body_text like '%Many thanks.%'",
    ).first<{ n: number; total: number }>();
    expect(rows).toEqual({ n: 250, total: 250 });
  });
});
