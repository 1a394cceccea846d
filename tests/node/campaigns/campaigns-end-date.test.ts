import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countCall, getCampaign } from '../../../db/campaigns/campaigns';
import { listOutbox } from '../../../db/mail/outbox';
import { campaigns, campaignSignatures } from '../../../db/schema';
import { TestBrowser } from '../../support/browser';
import { publishedCampaign } from '../../support/campaigns';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';

// A campaign's end date closes it as surely as its organizer does: the page, the confirmation
// link and the call counter all follow the one rule, whatever its status still says.

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

const DAY_MS = 24 * 3600_000;
const utcDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);
const setEndsOn = (id: string, endsOn: string) =>
  t.db.update(campaigns).set({ endsOn }).where(eq(campaigns.id, id));

/** Signs as Ana and returns the path of the confirmation link emailed to her. */
const signAndGetConfirmLink = async (id: string) => {
  expect(
    (
      await new TestBrowser(t).post(`/campaigns/${id}/signatures`, {
        firstName: 'Ana',
        email: 'ana@example.org',
        display: 'full',
      })
    ).status,
  ).toBe(303);
  const mail = (await listOutbox(t.db)).find((m) => m.toAddress === 'ana@example.org');
  return new URL(
    mail!.bodyText.match(/https?:\/\/\S+\/campaigns\/signatures\/[a-z0-9]+\/confirmation/)![0],
  ).pathname;
};

/** The titles listed under one heading of /campaigns ("open" or "past"). */
const listedUnder = (html: string, section: 'open' | 'past') =>
  [
    ...(
      html.match(new RegExp(`aria-labelledby="${section}-heading">([\\s\\S]*?)</section>`))?.[1] ??
      ''
    ).matchAll(/<a href="\/campaigns\/[^"]+">([^<]+)<\/a>/g),
  ].map((m) => m[1]);

describe('a campaign past its end date', () => {
  it('is listed among the finished campaigns on /campaigns, not the open ones', async () => {
    const ended = await publishedCampaign(t, { title: 'Ended yesterday' });
    await setEndsOn(ended, utcDay(-1));
    const lastDay = await publishedCampaign(t, { title: 'Ends today' });
    await setEndsOn(lastDay, utcDay(0));
    const html = await (await new TestBrowser(t).get('/campaigns')).text();
    expect(listedUnder(html, 'open')).toEqual(['Ends today']);
    expect(listedUnder(html, 'past')).toEqual(['Ended yesterday']);
  });

  it('is shown as closed to the public, on its card and its page, not as open', async () => {
    const ended = await publishedCampaign(t, { title: 'Ended yesterday' });
    await setEndsOn(ended, utcDay(-1));
    const list = visibleText(await (await new TestBrowser(t).get('/campaigns')).text());
    expect(list).toMatch(/Ended yesterday.*· Closed /);
    expect(list).not.toContain('· Open');
    const page = visibleText(await (await new TestBrowser(t).get(`/campaigns/${ended}`)).text());
    expect(page).toContain('· Closed');
    expect(page).not.toContain('· Open');
    expect(page).toContain('This campaign is closed.');
  });

  it('the confirmation link shows no button, only a plain message', async () => {
    const id = await publishedCampaign(t);
    const link = await signAndGetConfirmLink(id);
    await setEndsOn(id, utcDay(-1));
    const page = await new TestBrowser(t).get(link);
    expect(page.status).toBe(404);
    const pageText = visibleText(await page.text());
    expect(pageText).toContain('This link no longer works');
    expect(pageText).toContain('the campaign is closed');
    expect(pageText).not.toContain('Confirm my signature');
  });

  it('refuses to confirm a pending signature, says so plainly, and writes nothing', async () => {
    const id = await publishedCampaign(t);
    const link = await signAndGetConfirmLink(id);
    await setEndsOn(id, utcDay(-1));
    const before = await t.db.select().from(campaignSignatures).all();
    const refused = await new TestBrowser(t).post(link);
    expect(refused.status).toBe(404);
    expect(visibleText(await refused.text())).toContain('This link no longer works');
    expect(await t.db.select().from(campaignSignatures).all()).toEqual(before);
    expect(before[0]!.confirmedAt).toBeNull();
  });

  it('still confirms on the end date itself (the end date is inclusive)', async () => {
    const id = await publishedCampaign(t);
    const link = await signAndGetConfirmLink(id);
    await setEndsOn(id, utcDay(0));
    expect((await new TestBrowser(t).get(link)).status).toBe(200);
    expect((await new TestBrowser(t).post(link)).status).toBe(303);
    expect((await t.db.select().from(campaignSignatures).get())!.confirmedAt).not.toBeNull();
  });

  it('does not count a call, with or without htmx, and tells the caller it is not open', async () => {
    const id = await publishedCampaign(t, {
      kind: 'call',
      letterText: 'Hello, please act.',
      targetPhone: '+44 20 7946 0000',
    });
    await setEndsOn(id, utcDay(-1));
    const hx = await new TestBrowser(t).post(
      `/campaigns/${id}/calls`,
      {},
      { 'HX-Request': 'true' },
    );
    expect(visibleText(await hx.text())).toContain('This campaign is not open for signatures.');
    const plain = await new TestBrowser(t).post(`/campaigns/${id}/calls`);
    expect(plain.status).toBe(409);
    const plainText = visibleText(await plain.text());
    expect(plainText).toContain('This campaign is not open for signatures.');
    expect(plainText).not.toContain('Thank you for calling.');
    expect(await countCall(t.db, id)).toBeNull();
    expect((await getCampaign(t.db, id))!.callCount).toBe(0);
  });

  it('counts a call on the end date itself', async () => {
    const id = await publishedCampaign(t, {
      kind: 'call',
      letterText: 'Hello, please act.',
      targetPhone: '+44 20 7946 0000',
    });
    await setEndsOn(id, utcDay(0));
    await new TestBrowser(t).post(`/campaigns/${id}/calls`);
    expect((await getCampaign(t.db, id))!.callCount).toBe(1);
  });
});
