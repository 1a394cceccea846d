import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCampaign, submitCampaign } from '../../../db/campaigns/campaigns';
import { listOutbox } from '../../../db/mail/outbox';
import { campaignSignatures, rateLimits } from '../../../db/schema';
import { findOrCreateUser } from '../../../db/accounts/users';
import { TestBrowser } from '../../support/browser';
import { campaignInput, publishedCampaign, signerForm } from '../../support/campaigns';
import { areaLinks } from '../../../worker/area-links';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

/** The link of a kind from the newest email to an address. */
const linkFor = async (email: string, kind: 'confirmation' | 'withdrawal') => {
  const mail = (await listOutbox(t.db)).find((m) => m.toAddress === email);
  const match = mail?.bodyText.match(
    new RegExp(`https?://[^\\s]+/campaigns/signatures/([a-z0-9]+)/${kind}`),
  );
  if (!match) throw new Error(`no ${kind} link for ${email}`);
  return new URL(match[0]).pathname;
};

describe('signing a campaign', () => {
  it('sign → check email → confirm → counted and shown → withdraw → gone', async () => {
    const id = await publishedCampaign(t);
    const browser = new TestBrowser(t);
    const signed = await browser.post(`/campaigns/${id}/signatures`, signerForm());
    expect(signed.status).toBe(303);
    expect(signed.headers.get('location')).toBe(`/campaigns/${id}?done=sent#sign`);
    const sentPage = visibleText(await (await browser.get(`/campaigns/${id}?done=sent`)).text());
    expect(sentPage).toContain('Check your email');
    expect(sentPage).toContain('0 of 2 signatures');

    const confirm = await linkFor('ana@example.org', 'confirmation');
    const page = await browser.get(confirm);
    expect(page.status).toBe(200);
    expect(visibleText(await page.text())).toContain('Confirm my signature');
    // Opening the link confirms nothing.
    expect((await t.db.select().from(campaignSignatures).get())!.confirmedAt).toBeNull();

    const done = await browser.post(confirm);
    expect(done.status).toBe(303);
    const after = visibleText(await (await browser.get(done.headers.get('location')!)).text());
    expect(after).toContain('Your signature is confirmed');
    expect(after).toContain('1 of 2 signatures');
    expect(after).toContain('Ana, Lyon');
    expect(after).not.toContain('ana@example.org');

    // One use only.
    expect((await browser.post(confirm)).status).toBe(404);

    const withdraw = await linkFor('ana@example.org', 'withdrawal');
    expect((await browser.post(withdraw)).status).toBe(303);
    const gone = visibleText(await (await browser.get(`/campaigns/${id}`)).text());
    expect(gone).toContain('0 of 2 signatures');
    expect(gone).not.toContain('Ana, Lyon');
    expect(await t.db.select().from(campaignSignatures).all()).toEqual([]);
  });
});

const countRows = async () => (await t.db.select().from(campaignSignatures).all()).length;

describe('one signature per mailbox', () => {
  it('a second attempt (case, spaces, +tag) gets the same answer, writes nothing, and emails the owner', async () => {
    const id = await publishedCampaign(t);
    const browser = new TestBrowser(t);
    const first = await browser.post(`/campaigns/${id}/signatures`, signerForm());
    await browser.post(await linkFor('ana@example.org', 'confirmation'));
    const before = (await listOutbox(t.db)).length;

    const again = await new TestBrowser(t).post(
      `/campaigns/${id}/signatures`,
      signerForm({ email: '  ANA+news@Example.org ', firstName: 'Mallory' }),
    );
    expect(again.status).toBe(first.status);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(await countRows()).toBe(1);
    const [row] = await t.db.select().from(campaignSignatures).all();
    expect(row!.firstName).toBe('Ana');

    const mails = await listOutbox(t.db);
    expect(mails.length).toBe(before + 1);
    // The owner of the address is told; nothing goes to the +tag address that was typed.
    expect(mails[0]!.toAddress).toBe('ana@example.org');
    expect(mails[0]!.subject).toBe('About your signature');
    expect(mails[0]!.bodyText).toContain('already counts');
    expect(mails.some((m) => m.toAddress.includes('+news'))).toBe(false);
  });

  it('with htmx, the duplicate answer is the same fragment as a first signature', async () => {
    const id = await publishedCampaign(t);
    const hx = { 'HX-Request': 'true' };
    const first = await new TestBrowser(t).post(`/campaigns/${id}/signatures`, signerForm(), hx);
    const second = await new TestBrowser(t).post(`/campaigns/${id}/signatures`, signerForm(), hx);
    expect(first.status).toBe(200);
    const [a, b] = [await first.text(), await second.text()];
    expect(a).not.toContain('<html');
    expect(a).toContain('id="sign"');
    expect(a).toContain('Check your email');
    expect(b).toBe(a);
  });

  it('20 parallel attempts with one email make exactly one signature', async () => {
    const id = await publishedCampaign(t);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        new TestBrowser(t, 'http://localhost', { 'x-test-client': `198.51.100.${i}` }).post(
          `/campaigns/${id}/signatures`,
          signerForm({ email: i % 2 ? 'bo@example.org' : 'Bo+x@example.org' }),
        ),
      ),
    );
    // The per-address limit may turn some away; none fails, and exactly one row exists.
    for (const res of results) expect([303, 429]).toContain(res.status);
    expect(await countRows()).toBe(1);
  });

  it('an unconfirmed duplicate gets a fresh confirmation link, sent to the owner', async () => {
    const id = await publishedCampaign(t);
    await new TestBrowser(t).post(`/campaigns/${id}/signatures`, signerForm());
    const oldLink = await linkFor('ana@example.org', 'confirmation');
    await new TestBrowser(t).post(`/campaigns/${id}/signatures`, signerForm());
    const newLink = await linkFor('ana@example.org', 'confirmation');
    expect(newLink).not.toBe(oldLink);
    expect((await new TestBrowser(t).post(oldLink)).status).toBe(404);
    expect((await new TestBrowser(t).post(newLink)).status).toBe(303);
    expect(visibleText(await (await new TestBrowser(t).get(`/campaigns/${id}`)).text())).toContain(
      '1 of 2 signatures',
    );
  });
});

describe('the sign form refuses or defuses bad input', () => {
  it('re-shows the form with plain errors and what was typed (400), writing nothing', async () => {
    const id = await publishedCampaign(t);
    const res = await new TestBrowser(t).post(
      `/campaigns/${id}/signatures`,
      signerForm({ firstName: '  ', email: 'not-an-email', city: 'Lille' }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(visibleText(html)).toContain('Enter your first name.');
    expect(visibleText(html)).toContain('Enter an email address like name@example.org.');
    expect(html).toContain('value="Lille"');
    expect(html).toContain('aria-invalid="true"');
    expect(await countRows()).toBe(0);
    expect(await listOutbox(t.db)).toEqual([]);
  });

  it('needs only first name, email and a display choice', async () => {
    const id = await publishedCampaign(t);
    const res = await new TestBrowser(t).post(`/campaigns/${id}/signatures`, {
      firstName: 'Ana',
      email: 'ana@example.org',
      display: 'initials',
    });
    expect(res.status).toBe(303);
    expect(await countRows()).toBe(1);
  });

  it('an empty POST is a 400, never a 500', async () => {
    const id = await publishedCampaign(t);
    const res = await new TestBrowser(t).post(`/campaigns/${id}/signatures`, {});
    expect(res.status).toBe(400);
    expect(await countRows()).toBe(0);
  });

  it('refuses 50 KB of text with a clear message', async () => {
    const id = await publishedCampaign(t);
    const res = await new TestBrowser(t).post(
      `/campaigns/${id}/signatures`,
      signerForm({ firstName: 'x'.repeat(50_000), message: 'y'.repeat(50_000) }),
    );
    expect(res.status).toBe(400);
    expect(visibleText(await res.text())).toContain('This is too long. Use at most 80 characters.');
    expect(await countRows()).toBe(0);
  });

  it('stores HTML, htmx attributes and RTL overrides safely and shows them as text', async () => {
    const id = await publishedCampaign(t);
    const hostile =
      '<img src=x onerror=alert(1)><b hx-get="/evil" hx-trigger="load">Eve</b>\u202Egnp.exe';
    await new TestBrowser(t).post(
      `/campaigns/${id}/signatures`,
      signerForm({ firstName: hostile.slice(0, 80), city: '<script>alert(1)</script>' }),
    );
    await new TestBrowser(t).post(await linkFor('ana@example.org', 'confirmation'));
    const [row] = await t.db.select().from(campaignSignatures).all();
    expect(row!.firstName).not.toContain('\u202E');
    const html = await (await new TestBrowser(t).get(`/campaigns/${id}`)).text();
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('hx-get="/evil"');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('\u202E');
  });

  it('ignores fields it does not offer (mass assignment: confirmed, counts)', async () => {
    const id = await publishedCampaign(t);
    await new TestBrowser(t).post(`/campaigns/${id}/signatures`, {
      ...signerForm(),
      confirmed: '1',
      confirmedAt: '1700000000',
      count: '9999',
      callCount: '9999',
      campaignId: 'other',
      id: '42',
    });
    const [row] = await t.db.select().from(campaignSignatures).all();
    expect(row!.confirmedAt).toBeNull();
    expect(row!.campaignId).toBe(id);
    expect(visibleText(await (await new TestBrowser(t).get(`/campaigns/${id}`)).text())).toContain(
      '0 of 2 signatures',
    );
  });

  it('a filled honeypot gets the normal answer and nothing is kept or sent', async () => {
    const id = await publishedCampaign(t);
    const res = await new TestBrowser(t).post(`/campaigns/${id}/signatures`, {
      ...signerForm(),
      website: 'http://spam.example',
    });
    expect(res.status).toBe(303);
    expect(await countRows()).toBe(0);
    expect(await listOutbox(t.db)).toEqual([]);
  });

  it('a honeypot sent twice, filled in either value, is still a filled honeypot', async () => {
    const id = await publishedCampaign(t);
    for (const website of [
      ['', 'http://spam.example'],
      ['http://spam.example', ''],
    ]) {
      const form = new URLSearchParams(signerForm());
      for (const value of website) form.append('website', value);
      expect((await new TestBrowser(t).post(`/campaigns/${id}/signatures`, form)).status).toBe(303);
    }
    expect(await countRows()).toBe(0);
    expect(await listOutbox(t.db)).toEqual([]);
  });

  it('refuses a form from another site, or with no origin at all', async () => {
    const id = await publishedCampaign(t);
    const browser = new TestBrowser(t);
    expect(
      (
        await browser.post(`/campaigns/${id}/signatures`, signerForm(), {
          'Sec-Fetch-Site': 'cross-site',
          Origin: 'https://evil.example',
        })
      ).status,
    ).toBe(403);
    const bare = await t.app.request(`http://localhost/campaigns/${id}/signatures`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(signerForm()).toString(),
    });
    expect(bare.status).toBe(403);
    expect(await countRows()).toBe(0);
  });

  it('one sign counts one hit on each limit, keeps one signature and sends one email', async () => {
    const id = await publishedCampaign(t);
    expect(
      (await new TestBrowser(t).post(`/campaigns/${id}/signatures`, signerForm())).status,
    ).toBe(303);
    const counters = (await t.db.select().from(rateLimits).all()).map((row) => [
      row.key.split(':').slice(0, 2).join(':'),
      row.count,
    ]);
    expect(counters.sort()).toEqual([
      ['campaign-sign:client', 1],
      ['campaign-sign:email', 1],
      ['campaign-sign:email-client', 1],
    ]);
    // Subjects are keyed hashes, never the address typed.
    expect(JSON.stringify(await t.db.select().from(rateLimits).all())).not.toContain('ana');
    expect(await countRows()).toBe(1);
    expect((await listOutbox(t.db)).map((m) => m.toAddress)).toEqual(['ana@example.org']);
  });

  it('limits attempts per address and per client: a plain message, no email, nothing written', async () => {
    const id = await publishedCampaign(t);
    for (let i = 0; i < 5; i++)
      await new TestBrowser(t).post(`/campaigns/${id}/signatures`, signerForm());
    const mails = (await listOutbox(t.db)).length;
    const over = await new TestBrowser(t).post(`/campaigns/${id}/signatures`, signerForm());
    expect(over.status).toBe(429);
    expect(visibleText(await over.text())).toContain('Too many tries');
    expect((await listOutbox(t.db)).length).toBe(mails);

    // +tag variants of the same mailbox share its limit: the owner's inbox cannot be flooded.
    const tagged = await new TestBrowser(t).post(
      `/campaigns/${id}/signatures`,
      signerForm({ email: 'ana+flood@example.org' }),
    );
    expect(tagged.status).toBe(429);
    expect((await listOutbox(t.db)).length).toBe(mails);

    const client = { 'x-test-client': '203.0.113.9' };
    let last = 0;
    for (let i = 0; i < 31; i++)
      last = (
        await new TestBrowser(t, 'http://localhost', client).post(
          `/campaigns/${id}/signatures`,
          signerForm({ email: `p${i}@example.org` }),
        )
      ).status;
    expect(last).toBe(429);
    expect(await countRows()).toBe(1 + 30);
  });
});

describe('signing limits cannot be turned against someone', () => {
  it('a stranger signing with someone\u2019s address does not stop its owner signing from their own client', async () => {
    const [first, other] = [await publishedCampaign(t), await publishedCampaign(t)];
    const abuser = new TestBrowser(t, 'http://localhost', { 'x-test-client': '203.0.113.66' });
    for (let i = 0; i < 5; i++) await abuser.post(`/campaigns/${first}/signatures`, signerForm());
    expect((await abuser.post(`/campaigns/${other}/signatures`, signerForm())).status).toBe(429);

    const owner = new TestBrowser(t, 'http://localhost', { 'x-test-client': '198.51.100.1' });
    expect((await owner.post(`/campaigns/${other}/signatures`, signerForm())).status).toBe(303);
    const confirmed = await owner.post(await linkFor('ana@example.org', 'confirmation'));
    expect(confirmed.headers.get('location')).toContain(`/campaigns/${other}`);
    expect(
      (await t.db
        .select()
        .from(campaignSignatures)
        .where(eq(campaignSignatures.campaignId, other))
        .get())!.confirmedAt,
    ).not.toBeNull();
  });

  it('many strangers together reach one mailbox at most 50 times an hour', async () => {
    const campaigns = [await publishedCampaign(t), await publishedCampaign(t)];
    const statuses: number[] = [];
    for (let client = 0; client < 11; client++) {
      const browser = new TestBrowser(t, 'http://localhost', {
        'x-test-client': `203.0.113.${client}`,
      });
      for (let i = 0; i < 5; i++)
        statuses.push(
          (await browser.post(`/campaigns/${campaigns[i % 2]}/signatures`, signerForm())).status,
        );
    }
    expect(statuses.filter((s) => s === 303)).toHaveLength(50);
    expect(statuses.slice(50).every((s) => s === 429)).toBe(true);
    expect((await listOutbox(t.db)).filter((m) => m.toAddress === 'ana@example.org')).toHaveLength(
      50,
    );
  });
});

describe('what the public can see', () => {
  it('drafts and campaigns waiting for review are not found, nor can they be signed', async () => {
    const owner = await findOrCreateUser(t.db, 'o@example.org');
    const draft = await createCampaign(t.db, owner.id, campaignInput());
    expect((await new TestBrowser(t).get(`/campaigns/${draft}`)).status).toBe(404);
    expect(
      (await new TestBrowser(t).post(`/campaigns/${draft}/signatures`, signerForm())).status,
    ).toBe(404);
    await submitCampaign(t.db, draft, owner.id);
    expect((await new TestBrowser(t).get(`/campaigns/${draft}`)).status).toBe(404);
    expect(visibleText(await (await new TestBrowser(t).get('/campaigns')).text())).not.toContain(
      'Safe beds now',
    );
    expect(await countRows()).toBe(0);
  });

  it('shows names only as each signer chose, and never an email', async () => {
    const id = await publishedCampaign(t, { goal: 10 });
    const people = [
      signerForm({
        email: 'a@example.org',
        firstName: 'Alma',
        lastName: 'Berg',
        city: 'Nantes',
        display: 'full',
      }),
      signerForm({
        email: 'b@example.org',
        firstName: 'Bruno',
        lastName: 'Costa',
        city: 'Lille',
        display: 'initials',
      }),
      signerForm({
        email: 'c@example.org',
        firstName: 'Chloé',
        lastName: 'Dupont',
        city: 'Metz',
        display: 'hidden',
      }),
    ];
    for (const person of people) {
      await new TestBrowser(t).post(`/campaigns/${id}/signatures`, person);
      await new TestBrowser(t).post(await linkFor(person.email, 'confirmation'));
    }
    const text = visibleText(await (await new TestBrowser(t).get(`/campaigns/${id}`)).text());
    expect(text).toContain('3 of 10 signatures');
    expect(text).toContain('Alma, Nantes');
    expect(text).toContain('B. C.');
    expect(text).not.toContain('Bruno');
    expect(text).not.toContain('Lille');
    expect(text).not.toContain('Chloé');
    expect(text).not.toContain('Metz');
    expect(text).not.toMatch(/@example\.org/);
    const list = visibleText(await (await new TestBrowser(t).get('/campaigns')).text());
    expect(list).toContain('Petition · Open');
    expect(list).toContain('3 of 10 signatures');
  });

  it('the goal rises when reached, and the page says so', async () => {
    const id = await publishedCampaign(t, { goal: 2 });
    for (const email of ['a@example.org', 'b@example.org']) {
      await new TestBrowser(t).post(`/campaigns/${id}/signatures`, signerForm({ email }));
      await new TestBrowser(t).post(await linkFor(email, 'confirmation'));
    }
    const html = await (await new TestBrowser(t).get(`/campaigns/${id}`)).text();
    expect(html).toMatch(/<progress id="campaign-progress-bar" max="5" value="2"/);
    expect(visibleText(html)).toContain('We reached our goal of 2 signatures. Our new goal is 5.');
  });

  it('shows each campaign card in the list with the same progress as its page, in both languages', async () => {
    const raised = await publishedCampaign(t, { goal: 2, title: 'Raised goal' });
    const fresh = await publishedCampaign(t, { goal: 40, title: 'Fresh goal' });
    for (const email of ['a@example.org', 'b@example.org']) {
      await new TestBrowser(t).post(`/campaigns/${raised}/signatures`, signerForm({ email }));
      await new TestBrowser(t).post(await linkFor(email, 'confirmation'));
    }
    const html = await (await new TestBrowser(t).get('/campaigns')).text();
    // One bar per card, each with its own ids, so labels and descriptions point at the right one.
    expect(html).toMatch(
      new RegExp(
        `<progress id="campaign-${raised}-progress-bar" max="5" value="2" aria-describedby="campaign-${raised}-progress-text"`,
      ),
    );
    expect(html).toMatch(new RegExp(`<label for="campaign-${fresh}-progress-bar"`));
    expect(html).toMatch(
      new RegExp(`<progress id="campaign-${fresh}-progress-bar" max="40" value="0"`),
    );
    const text = visibleText(html);
    expect(text).toContain('2 of 5 signatures');
    expect(text).toContain('0 of 40 signatures');
    const french = visibleText(
      await (await new TestBrowser(t).get('/campaigns', { 'Accept-Language': 'fr' })).text(),
    );
    expect(french).toContain('2 signatures sur 5');
    expect(french).toContain('0 signatures sur 40');
  });

  it('draws what other areas add to a campaign page (events, stories) through its slots', async () => {
    const slot = async (_c: unknown, campaign: { id: string }) => (
      <section>
        <h2>Upcoming events for {campaign.id}</h2>
      </section>
    );
    t.close();
    t = await makeTestApp({ APP_ENV: 'local' }, { ...areaLinks, campaignPageSlots: [slot] });
    const id = await publishedCampaign(t);
    expect(visibleText(await (await new TestBrowser(t).get(`/campaigns/${id}`)).text())).toContain(
      `Upcoming events for ${id}`,
    );
  });

  it('has plain share links and no third-party widget', async () => {
    const id = await publishedCampaign(t);
    const html = await (await new TestBrowser(t).get(`/campaigns/${id}`)).text();
    expect(html).toContain(`value="http://localhost/campaigns/${id}"`);
    expect(html).toContain('href="mailto:?subject=');
    expect(html).not.toMatch(/src="https?:\/\//);
  });

  it('is in French for a French reader', async () => {
    const id = await publishedCampaign(t);
    const text = visibleText(
      await (
        await new TestBrowser(t, 'http://localhost', { 'Accept-Language': 'fr' }).get(
          `/campaigns/${id}`,
        )
      ).text(),
    );
    expect(text).toContain('Ajoutez votre nom');
    expect(text).toContain('0 signatures sur 2');
    expect(text).toContain('La suite');
  });

  it('writes the confirmation email in the signer’s language, with a neutral subject', async () => {
    const id = await publishedCampaign(t);
    await new TestBrowser(t, 'http://localhost', { 'Accept-Language': 'fr' }).post(
      `/campaigns/${id}/signatures`,
      signerForm(),
    );
    const [mail] = await listOutbox(t.db);
    expect(mail!.subject).toBe('Merci de confirmer');
    expect(mail!.bodyText).toContain('Merci de confirmer votre signature');
  });

  it('a closed campaign shows no form and refuses signatures and confirmations', async () => {
    const id = await publishedCampaign(t);
    await new TestBrowser(t).post(`/campaigns/${id}/signatures`, signerForm());
    const link = await linkFor('ana@example.org', 'confirmation');
    const { campaigns } = await import('../../../db/schema');
    await t.db
      .update(campaigns)
      .set({ status: 'closed', endedAt: new Date() })
      .where(eq(campaigns.id, id));
    const page = visibleText(await (await new TestBrowser(t).get(`/campaigns/${id}`)).text());
    expect(page).toContain('This campaign is closed.');
    expect(page).not.toContain('Add my name');
    expect(
      (
        await new TestBrowser(t).post(
          `/campaigns/${id}/signatures`,
          signerForm({ email: 'z@example.org' }),
        )
      ).status,
    ).toBe(409);
    expect((await new TestBrowser(t).post(link)).status).toBe(404);
    expect(await countRows()).toBe(1);
  });
});
