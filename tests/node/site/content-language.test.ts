import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getCampaign } from '../../../db/campaigns/campaigns';
import { campaigns, events } from '../../../db/schema';
import { TestBrowser } from '../../support/browser';
import { campaignForm, publishedCampaign } from '../../support/campaigns';
import { eventForm, eventIdFrom, publishedEvent, signedInAs } from '../../support/events';
import { makeTestApp, type TestApp } from '../../support/app';

/**
 * Organizers' words keep the language they were written in, whatever the reader's interface
 * language (WCAG 3.1.2): a French campaign read on the English site is marked `lang="fr"`.
 */
let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

const frenchCampaignForm = (over: Record<string, string> = {}) =>
  campaignForm({
    title: 'Une permanence de nuit',
    ask: 'Ouvrir une permanence la nuit.',
    body: 'La nuit, aucune porte n’est ouverte.',
    targetName: 'Camille Exemple',
    targetRole: 'Maire',
    language: 'fr',
    ...over,
  });

describe('campaigns', () => {
  it('store the language the organizer chose and mark the text with it on the English page', async () => {
    const { browser } = await signedInAs(t, 'org@example.org', 'organizer');
    const created = await browser.post('/organize/campaigns', frenchCampaignForm());
    expect(created.status).toBe(303);
    const id = created.headers.get('location')!.match(/\/organize\/campaigns\/([^?]+)/)![1]!;
    expect((await getCampaign(t.db, id))!.contentLanguage).toBe('fr');

    const published = await publishedCampaign(t, {
      contentLanguage: 'fr',
      title: 'Une permanence de nuit',
    });
    const html = await (
      await new TestBrowser(t, 'http://localhost', { 'Accept-Language': 'en' }).get(
        `/campaigns/${published}`,
      )
    ).text();
    expect(html).toContain('<html lang="en"');
    expect(html).toMatch(/<h1 lang="fr" dir="ltr">Une permanence de nuit<\/h1>/);
    const list = await (
      await new TestBrowser(t, 'http://localhost', { 'Accept-Language': 'en' }).get('/campaigns')
    ).text();
    expect(list).toMatch(
      /<h3 lang="fr" dir="ltr"><a href="\/campaigns\/[^"]+">Une permanence de nuit<\/a><\/h3>/,
    );
  });

  it('refuse a language outside the list, keep what was typed, and write nothing', async () => {
    const { browser } = await signedInAs(t, 'org@example.org', 'organizer');
    const res = await browser.post(
      '/organize/campaigns',
      frenchCampaignForm({ language: '<script>x</script>' }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Choose a language from the list.');
    expect(html).toContain('value="Une permanence de nuit"');
    expect(html).not.toContain('<script>x</script>');
    expect(await t.db.select().from(campaigns).all()).toHaveLength(0);
  });

  it('offer the reader’s interface language first on a new form', async () => {
    const { browser } = await signedInAs(t, 'org@example.org', 'organizer');
    const html = await (
      await browser.get('/organize/campaigns/new', { 'Accept-Language': 'fr' })
    ).text();
    expect(html).toMatch(/<option value="fr" selected[^>]*>français<\/option>/);
  });
});

describe('events', () => {
  it('store the language chosen and mark title and description with it', async () => {
    const { browser } = await signedInAs(t, 'org@example.org', 'organizer');
    const created = await browser.post(
      '/organize/events',
      eventForm({ language: 'fr', title: 'Atelier du soir' }),
    );
    expect(created.status).toBe(303);
    eventIdFrom(created.headers.get('location'));
    const [stored] = await t.db.select().from(events).all();
    expect(stored!.contentLanguage).toBe('fr');

    const id = await publishedEvent(
      t,
      { contentLanguage: 'ar', title: 'ورشة', description: 'نص' },
      'other@example.org',
    );
    const html = await (
      await new TestBrowser(t, 'http://localhost', { 'Accept-Language': 'fr' }).get(`/events/${id}`)
    ).text();
    expect(html).toContain('<html lang="fr"');
    expect(html).toMatch(/<h1 lang="ar" dir="rtl">ورشة<\/h1>/);
    expect(html).toMatch(/<div class="pre-line" lang="ar" dir="rtl">نص<\/div>/);
  });

  it('refuse a language outside the list and write nothing', async () => {
    const { browser } = await signedInAs(t, 'org@example.org', 'organizer');
    const res = await browser.post('/organize/events', eventForm({ language: 'xx' }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Choose a language from the list.');
    expect(await t.db.select().from(events).all()).toHaveLength(0);
  });
});
