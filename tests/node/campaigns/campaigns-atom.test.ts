import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  closeCampaign,
  createCampaign,
  deliverCampaign,
  submitCampaign,
} from '../../../db/campaigns/campaigns';
import { postCampaignUpdate } from '../../../db/campaigns/updates';
import { findOrCreateUser } from '../../../db/accounts/users';
import { listOutbox } from '../../../db/mail/outbox';
import { TestBrowser } from '../../support/browser';
import { campaignInput, publishedCampaign } from '../../support/campaigns';
import { readAtom, shownText } from '../../support/feeds';
import { makeTestApp, type TestApp } from '../../support/app';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

const owner = () => findOrCreateUser(t.db, `owner-${Math.random()}@example.org`);

/** Signs and confirms through the public form and the emailed link, as a person would. */
const signAndConfirm = async (campaignId: string, fields: Record<string, string>) => {
  const browser = new TestBrowser(t);
  expect((await browser.post(`/campaigns/${campaignId}/signatures`, fields)).status).toBe(303);
  const mail = (await listOutbox(t.db)).find((m) => m.toAddress === fields.email);
  const path = new URL(mail!.bodyText.match(/https?:\/\/\S+\/confirmation/)![0]).pathname;
  expect((await browser.post(path)).status).toBe(303);
};

describe('the campaigns feed', () => {
  it('lists public campaigns only (published, closed, delivered), newest first', async () => {
    const open = await publishedCampaign(t, { title: 'Open one', ask: 'Please act.' });
    const closed = await publishedCampaign(t, { title: 'Closed one' });
    await closeCampaign(t.db, closed, null);
    const delivered = await publishedCampaign(t, { title: 'Delivered one' });
    await deliverCampaign(t.db, delivered, null, 'Handed over.', '2026-01-02');
    const drafter = await owner();
    await createCampaign(t.db, drafter.id, campaignInput({ title: 'Draft one' }));
    const waiting = await createCampaign(t.db, drafter.id, campaignInput({ title: 'Waiting one' }));
    await submitCampaign(t.db, waiting, drafter.id);

    const { feed, xml } = await readAtom(t, '/campaigns.atom');
    expect(feed.items.map((item) => shownText(item.title)).sort()).toEqual([
      'Closed one',
      'Delivered one',
      'Open one',
    ]);
    expect(xml).not.toContain('Draft one');
    expect(xml).not.toContain('Waiting one');
    const entry = feed.items.find((item) => item.title === 'Open one')!;
    expect(entry.id).toBe(`http://localhost/campaigns/${open}`);
    expect(entry.url).toBe(`http://localhost/campaigns/${open}`);
    expect(entry.published).toBeInstanceOf(Date);
    expect(shownText(entry.description)).toBe('Petition · Open: Please act.');
    expect(feed.self).toBe('http://localhost/campaigns.atom?lang=en');
    expect(feed.title).toBe('Hearth: campaigns');
  });

  it('carries no name, city, message or email of any signer', async () => {
    const id = await publishedCampaign(t, { title: 'Safe beds now' });
    await signAndConfirm(id, {
      firstName: 'Zephyrine',
      lastName: 'Quillfeather',
      email: 'zephyrine@example.org',
      city: 'Marrowby',
      message: 'My private reason',
      display: 'full',
      shareEmail: 'yes',
    });
    // The page shows the signer (they chose "full"); the feeds never do.
    expect(await (await new TestBrowser(t).get(`/campaigns/${id}`)).text()).toContain(
      'Zephyrine, Marrowby',
    );
    await postCampaignUpdate(t.db, id, 'We met the council.', 'http://localhost');
    for (const path of ['/campaigns.atom', `/campaigns/${id}/updates.atom`]) {
      const { xml } = await readAtom(t, path);
      for (const secret of ['Zephyrine', 'Quillfeather', 'Marrowby', 'private reason', '@'])
        expect(xml, path).not.toContain(secret);
    }
  });

  it('escapes hostile titles and asks', async () => {
    const hostile = `<script>alert("x")</script> & ]]> <b onclick=x>`;
    await publishedCampaign(t, { title: hostile, ask: hostile });
    const { feed, xml } = await readAtom(t, '/campaigns.atom?lang=fr');
    expect(shownText(feed.items[0]!.title)).toBe(hostile);
    expect(shownText(feed.items[0]!.description)).toBe(`Pétition · Ouverte : ${hostile}`);
    expect(xml).not.toMatch(/<script|<b /i);
    expect(feed.language).toBe('fr');
  });
});

describe("a campaign's updates feed", () => {
  it("lists the organizer's updates, newest first, with stable ids", async () => {
    const id = await publishedCampaign(t, { title: 'Safe beds now' });
    const first = await postCampaignUpdate(
      t.db,
      id,
      'First news.',
      'http://localhost',
      new Date('2026-03-01T10:00:00Z'),
    );
    await postCampaignUpdate(
      t.db,
      id,
      'Second news,\non two lines.',
      'http://localhost',
      new Date('2026-03-05T10:00:00Z'),
    );
    const { feed } = await readAtom(t, `/campaigns/${id}/updates.atom`);
    expect(feed.items.map((item) => shownText(item.description))).toEqual([
      'Second news,\non two lines.',
      'First news.',
    ]);
    expect(feed.items[1]!.id).toBe(`http://localhost/campaigns/${id}#update-${first}`);
    expect(shownText(feed.items[1]!.title)).toBe('News of “Safe beds now”, 1 March 2026');
    expect(feed.items[0]!.content).toContain('<br/>');
    expect(feed.title).toBe('Hearth: news of “Safe beds now”');
    // The campaign page links the feed, and anchors each update where the entry points.
    const page = await (await new TestBrowser(t).get(`/campaigns/${id}`)).text();
    expect(page).toContain(`id="update-${first}"`);
    expect(page).toContain(
      `<link rel="alternate" type="application/atom+xml" title="Hearth: news of “Safe beds now”" href="/campaigns/${id}/updates.atom?lang=en"/>`,
    );
  });

  it('is the 404 of an unknown id for a draft or a campaign waiting for review', async () => {
    const drafter = await owner();
    const draft = await createCampaign(t.db, drafter.id, campaignInput());
    await postCampaignUpdate(t.db, draft, 'Not public.', 'http://localhost');
    const waiting = await createCampaign(t.db, drafter.id, campaignInput());
    await submitCampaign(t.db, waiting, drafter.id);
    for (const id of [draft, waiting, 'nosuchcampaign']) {
      const res = await new TestBrowser(t).get(`/campaigns/${id}/updates.atom`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('Not public');
    }
  });
});
