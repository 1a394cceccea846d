import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findOrCreateUser, grantRole } from '../../../db/accounts/users';
import { createCampaign, getCampaign, submitCampaign } from '../../../db/campaigns/campaigns';
import { campaigns } from '../../../db/schema';
import { en } from '../../../web/i18n/en';
import { fr } from '../../../web/i18n/fr';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';
import { signIn, TestBrowser } from '../../support/browser';
import { campaignInput, publishedCampaign, signerForm } from '../../support/campaigns';

/**
 * A campaign whose organizer deleted their account: it closes with the account (so the signers'
 * emails are erased on schedule), and a moderator can deliver it, or close one orphaned before,
 * without ever seeing the signers' list.
 */

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

const withRoles = async (email: string, roles: ('organizer' | 'moderator')[]) => {
  const user = await findOrCreateUser(t.db, email);
  for (const role of roles) await grantRole(t.db, user.id, role);
  return { user, browser: await signIn(t, email) };
};

/** An organizer with a published campaign and a draft, who then deletes their account through the form. */
const organizerGone = async () => {
  const { user, browser } = await withRoles('org@example.org', ['organizer']);
  const live = await publishedCampaign(t);
  await t.db.update(campaigns).set({ ownerId: user.id }).where(eq(campaigns.id, live));
  const draft = await createCampaign(t.db, user.id, campaignInput({ title: 'Draft' }));
  const waiting = await createCampaign(t.db, user.id, campaignInput({ title: 'Waiting' }));
  await submitCampaign(t.db, waiting, user.id);
  expect((await browser.post('/account/delete')).status).toBe(200);
  return { live, draft, waiting };
};

describe('deleting an organizer\u2019s account', () => {
  it('closes their published campaign at once, and deletes their drafts, as their events are', async () => {
    const before = Date.now();
    const { live, draft, waiting } = await organizerGone();
    const campaign = (await getCampaign(t.db, live))!;
    expect(campaign).toMatchObject({ ownerId: null, status: 'closed' });
    // The retention clock starts now: the signers' emails are erased on schedule.
    expect(campaign.endedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(await getCampaign(t.db, draft)).toBeNull();
    expect(await getCampaign(t.db, waiting)).toBeNull();
    expect(
      (await new TestBrowser(t).post(`/campaigns/${live}/signatures`, signerForm())).status,
    ).toBe(409);
    const page = await new TestBrowser(t).get(`/campaigns/${live}`);
    expect(page.status).toBe(200);
    expect(visibleText(await page.text())).toContain(campaign.title);
  });

  it('leaves the campaigns of other organizers as they were', async () => {
    const other = await publishedCampaign(t);
    await organizerGone();
    expect((await getCampaign(t.db, other))!).toMatchObject({ status: 'published', endedAt: null });
  });
});

describe('a moderator and a campaign with no organizer', () => {
  it('delivers it from the moderation page, in their language, and the public page says so', async () => {
    const { live } = await organizerGone();
    const { browser: moderator } = await withRoles('mod@example.org', ['moderator']);
    const queue = visibleText(
      await (await moderator.get('/moderation', { 'Accept-Language': 'fr' })).text(),
    );
    expect(queue).toContain(fr.campaigns.ownerlessHeading);
    expect(queue).toContain((await getCampaign(t.db, live))!.title);
    const res = await moderator.post(`/moderation/campaigns/${live}/delivery`, {
      deliveryNote: 'Given to the mayor.',
      deliveredOn: '2027-03-12',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('done=campaign-delivered');
    expect((await getCampaign(t.db, live))!).toMatchObject({
      status: 'delivered',
      deliveryNote: 'Given to the mayor.',
      deliveredOn: '2027-03-12',
    });
    expect((await new TestBrowser(t).get(`/campaigns/${live}`)).status).toBe(200);
  });

  it('keeps what was typed and says what is wrong when the delivery form is not complete', async () => {
    const { live } = await organizerGone();
    const { browser: moderator } = await withRoles('mod@example.org', ['moderator']);
    const res = await moderator.post(`/moderation/campaigns/${live}/delivery`, {
      deliveryNote: 'Handed over at the town hall.',
      deliveredOn: 'soon',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Handed over at the town hall.');
    expect(html).toContain('value="soon"');
    expect(visibleText(html)).toContain(en.campaigns.endsOnInvalid);
    expect((await getCampaign(t.db, live))!.status).toBe('closed');
  });

  it('closes a campaign left open by an organizer who left before closing was automatic', async () => {
    const id = await publishedCampaign(t);
    await t.db.update(campaigns).set({ ownerId: null }).where(eq(campaigns.id, id));
    const { browser: moderator } = await withRoles('mod@example.org', ['moderator']);
    const res = await moderator.post(`/moderation/campaigns/${id}/closure`);
    expect(res.headers.get('location')).toContain('done=closed');
    expect((await getCampaign(t.db, id))!).toMatchObject({ status: 'closed' });
    expect((await getCampaign(t.db, id))!.endedAt).not.toBeNull();
  });

  it('may not close or deliver a campaign that still has its organizer, nor export any signers', async () => {
    const owned = await publishedCampaign(t);
    const { live } = await organizerGone();
    const { browser: moderator } = await withRoles('mod@example.org', ['moderator', 'organizer']);
    expect((await moderator.post(`/moderation/campaigns/${owned}/closure`)).status).toBe(404);
    expect(
      (
        await moderator.post(`/moderation/campaigns/${owned}/delivery`, {
          deliveryNote: 'x',
          deliveredOn: '2027-03-12',
        })
      ).status,
    ).toBe(404);
    expect((await getCampaign(t.db, owned))!.status).toBe('published');
    // The signers' list stays the organizer's: with the organizer gone, no one exports it.
    expect((await moderator.get(`/organize/campaigns/${live}/signatures.csv`)).status).toBe(404);
    expect((await moderator.get(`/organize/campaigns/${live}`)).status).toBe(404);
  });

  it('is refused to someone who is not a moderator', async () => {
    const { live } = await organizerGone();
    const { browser: organizer } = await withRoles('other@example.org', ['organizer']);
    expect(
      (
        await organizer.post(`/moderation/campaigns/${live}/delivery`, {
          deliveryNote: 'x',
          deliveredOn: '2027-03-12',
        })
      ).status,
    ).toBe(403);
    expect((await getCampaign(t.db, live))!.status).toBe('closed');
  });
});
