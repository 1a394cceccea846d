import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listOutbox } from '../../../db/mail/outbox';
import { campaignSignatures } from '../../../db/schema';
import { TestBrowser } from '../../support/browser';
import { publishedCampaign, signerForm } from '../../support/campaigns';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

const rows = () => t.db.select().from(campaignSignatures).all();

describe('signing inside the embed', () => {
  it('makes a pending signature and sends the same email to confirm as the campaign page; confirming counts it', async () => {
    const id = await publishedCampaign(t);
    const browser = new TestBrowser(t);
    const page = await browser.get(`/embed/campaigns/${id}?lang=en`);
    const html = await page.text();
    expect(html).toContain(
      `<form method="post" novalidate="" action="/embed/campaigns/${id}/signatures?lang=en" target="_self">`,
    );
    expect(visibleText(html)).toContain('0 of 2 signatures');

    const signed = await browser.post(`/embed/campaigns/${id}/signatures?lang=en`, signerForm());
    expect(signed.status).toBe(303);
    expect(signed.headers.get('location')).toBe(`/embed/campaigns/${id}?lang=en&done=sent#sign`);
    expect(signed.headers.getSetCookie()).toEqual([]);
    const [row, ...more] = await rows();
    expect(more).toEqual([]);
    expect(row!.confirmedAt).toBeNull();
    expect(row!.locale).toBe('en');
    expect(
      visibleText(await (await browser.get(signed.headers.get('location')!)).text()),
    ).toContain('Check your email');

    // The same message the campaign page sends, for a second signer there.
    expect(
      (await browser.post(`/campaigns/${id}/signatures`, signerForm({ email: 'bo@example.org' })))
        .status,
    ).toBe(303);
    const mails = await listOutbox(t.db);
    const fromEmbed = mails.find((m) => m.toAddress === 'ana@example.org')!;
    const fromPage = mails.find((m) => m.toAddress === 'bo@example.org')!;
    expect(fromEmbed.subject).toBe(fromPage.subject);
    const strip = (text: string) => text.replace(/\/campaigns\/signatures\/[a-z0-9]+\//g, '/…/');
    expect(strip(fromEmbed.bodyText)).toBe(strip(fromPage.bodyText));

    const confirm = new URL(fromEmbed.bodyText.match(/https?:\/\/\S+\/confirmation/)![0]).pathname;
    expect((await browser.post(confirm)).status).toBe(303);
    expect(visibleText(await (await browser.get(`/embed/campaigns/${id}`)).text())).toContain(
      '1 of 2 signatures',
    );
  });

  it('speaks French with ?lang=fr, page and email', async () => {
    const id = await publishedCampaign(t);
    const browser = new TestBrowser(t);
    expect(await (await browser.get(`/embed/campaigns/${id}?lang=fr`)).text()).toContain(
      '<html lang="fr"',
    );
    const signed = await browser.post(`/embed/campaigns/${id}/signatures?lang=fr`, signerForm());
    expect(signed.headers.get('location')).toBe(`/embed/campaigns/${id}?lang=fr&done=sent#sign`);
    expect((await listOutbox(t.db))[0]!.subject).toBe('Merci de confirmer');
    expect((await rows())[0]!.locale).toBe('fr');
  });

  it('refuses a POST forged by another site, and writes nothing', async () => {
    const id = await publishedCampaign(t);
    for (const headers of [
      { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://partner.example' },
      { 'Sec-Fetch-Site': 'same-site', Origin: 'https://partner.localhost' },
    ]) {
      const res = await new TestBrowser(t).post(
        `/embed/campaigns/${id}/signatures`,
        signerForm(),
        headers,
      );
      expect(res.status).toBe(403);
    }
    expect(await rows()).toEqual([]);
    expect(await listOutbox(t.db)).toEqual([]);
  });

  it('answers bad or hostile input in the frame, escaped, with what was typed, and writes nothing', async () => {
    const hostile = '<script>alert(1)</script>';
    const id = await publishedCampaign(t, { title: `${hostile} beds` });
    const res = await new TestBrowser(t).post(`/embed/campaigns/${id}/signatures?lang=en`, {
      ...signerForm({ email: 'not-an-address', firstName: `"><img src=x onerror=alert(1)>` }),
      display: 'everyone',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).not.toMatch(/<script>alert|<img src=x/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; beds');
    expect(html).toContain('<base target="_blank"/>');
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('value="not-an-address"');
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(await rows()).toEqual([]);
  });

  it('keeps the honeypot and the per-client limit of the campaign page', async () => {
    const id = await publishedCampaign(t);
    const trapped = await new TestBrowser(t).post(`/embed/campaigns/${id}/signatures`, {
      ...signerForm(),
      website: 'spam',
    });
    expect(trapped.status).toBe(303);
    expect(await rows()).toEqual([]);
    for (let i = 0; i < 30; i++)
      await new TestBrowser(t).post(
        `/embed/campaigns/${id}/signatures`,
        signerForm({ email: `p${i}@example.org` }),
        { 'x-test-client': '192.0.2.99' },
      );
    const over = await new TestBrowser(t).post(
      `/embed/campaigns/${id}/signatures`,
      signerForm({ email: 'late@example.org' }),
      { 'x-test-client': '192.0.2.99' },
    );
    expect(over.status).toBe(429);
    expect(await over.text()).toContain('<base target="_blank"/>');
  });

  it('sends call campaigns to their page, and closed ones show no form', async () => {
    const call = await publishedCampaign(t, { kind: 'call', targetPhone: '+33 1 23 45 67 89' });
    const html = await (await new TestBrowser(t).get(`/embed/campaigns/${call}`)).text();
    expect(html).not.toContain('<form');
    expect(html).toContain(`href="/campaigns/${call}"`);
    const past = await publishedCampaign(t, { endsOn: '2020-01-01' });
    expect(await (await new TestBrowser(t).get(`/embed/campaigns/${past}`)).text()).not.toContain(
      '<form',
    );
    const res = await new TestBrowser(t).post(`/embed/campaigns/${past}/signatures`, signerForm());
    expect(res.status).toBe(409);
    expect(await rows()).toEqual([]);
  });
});
