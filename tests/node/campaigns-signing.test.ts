import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCampaign, approveCampaign, submitCampaign, type CampaignInput } from '../../db/campaigns';
import { listOutbox } from '../../db/mail-outbox';
import { campaignSignatures } from '../../db/schema';
import { findOrCreateUser, grantRole } from '../../db/users';
import { TestBrowser } from './browser';
import { makeTestApp, visibleText, type TestApp } from './helpers';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

export const campaignInput = (over: Partial<CampaignInput> = {}): CampaignInput => ({
  kind: 'petition',
  title: 'Safe beds now',
  ask: 'Fund more safe beds.',
  body: 'People need a safe place.',
  targetName: 'Robin Example',
  targetRole: 'Head of Housing',
  letterText: '',
  targetPhone: '',
  nextSteps: 'We deliver on 12 March.',
  goal: 2,
  endsOn: null,
  ...over,
});

/** A published campaign owned by a new organizer. */
export const publishedCampaign = async (app: TestApp, over: Partial<CampaignInput> = {}) => {
  const owner = await findOrCreateUser(app.db, `org-${Math.random()}@example.org`);
  await grantRole(app.db, owner.id, 'organizer');
  const id = await createCampaign(app.db, owner.id, campaignInput(over));
  await submitCampaign(app.db, id, owner.id);
  await approveCampaign(app.db, id);
  return id;
};

const signer = (over: Record<string, string> = {}) => ({
  firstName: 'Ana',
  lastName: 'Lopez',
  email: 'ana@example.org',
  city: 'Lyon',
  message: '',
  display: 'full',
  ...over,
});

/** The link of a kind from the newest email to an address. */
const linkFor = async (email: string, kind: 'confirmation' | 'withdrawal') => {
  const mail = (await listOutbox(t.db)).find((m) => m.toAddress === email);
  const match = mail?.bodyText.match(new RegExp(`https?://[^\\s]+/campaigns/signatures/([a-z0-9]+)/${kind}`));
  if (!match) throw new Error(`no ${kind} link for ${email}`);
  return new URL(match[0]).pathname;
};

describe('signing a campaign', () => {
  it('sign → check email → confirm → counted and shown → withdraw → gone', async () => {
    const id = await publishedCampaign(t);
    const browser = new TestBrowser(t);
    const signed = await browser.post(`/campaigns/${id}/signatures`, signer());
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
