import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { organizerApplications, sessions, userRoles, users } from '../../../db/schema';
import { approveCampaign, createCampaign, submitCampaign } from '../../../db/campaigns/campaigns';
import { postCampaignUpdate } from '../../../db/campaigns/updates';
import { findOrCreateUser, grantRole } from '../../../db/accounts/users';
import { TestBrowser, signIn } from '../../support/browser';
import { campaignInput } from '../../support/campaigns';
import { publishedEvent, rsvp } from '../../support/events';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

describe('my account', () => {
  it('shows my roles and where I am signed in, with this device marked', async () => {
    await signIn(t, 'ana@example.org');
    const browser = await signIn(t, 'ana@example.org');
    const text = visibleText(await (await browser.get('/account')).text());
    expect(text).toContain('Member');
    expect(text).toContain('This device');
    expect(text).toContain('Another device');
  });

  it('is in French for a French reader', async () => {
    const browser = await signIn(
      t,
      'ana@example.org',
      new TestBrowser(t, 'http://localhost', { 'Accept-Language': 'fr' }),
    );
    const text = visibleText(await (await browser.get('/account')).text());
    expect(text).toContain('Connecté·e avec ana@example.org');
    expect(text).toContain('Me déconnecter partout');
  });

  it('lets me download my data as JSON, without session secrets', async () => {
    const browser = await signIn(t, 'ana@example.org');
    await browser.post('/account/organizer', { organizationName: 'Group', reason: 'Reasons.' });
    const res = await browser.get('/account/data.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const data = (await res.json()) as any;
    expect(data.account).toMatchObject({ email: 'ana@example.org', roles: ['member'] });
    expect(data.organizerApplications).toHaveLength(1);
    expect(data.sessions).toHaveLength(1);
    const token = browser.cookies.get('session')!;
    const [row] = await t.db.select().from(sessions).all();
    expect(JSON.stringify(data)).not.toContain(token);
    expect(JSON.stringify(data)).not.toContain(row!.id);
  });

  it('deletes my account after a confirmation step, ending every session', async () => {
    const other = await signIn(t, 'ana@example.org');
    const browser = await signIn(t, 'ana@example.org');
    await browser.post('/account/storyteller', { enabled: 'yes' });
    await browser.post('/account/organizer', { organizationName: 'Group', reason: 'Reasons.' });
    const confirm = await browser.get('/account/delete');
    expect(visibleText(await confirm.text())).toContain('This cannot be undone');
    expect(await t.db.select().from(users).all()).toHaveLength(1);

    const res = await browser.post('/account/delete');
    expect(res.status).toBe(200);
    expect(res.headers.get('clear-site-data')).toContain('cookies');
    expect(visibleText(await res.text())).toContain('Your account is deleted');
    for (const table of [users, sessions, userRoles, organizerApplications]) {
      expect(await t.db.select().from(table).all()).toEqual([]);
    }
    expect((await other.get('/account')).status).toBe(303);
  });

  it('deleting is a POST from this site only', async () => {
    const browser = await signIn(t, 'ana@example.org');
    const forged = await browser.post(
      '/account/delete',
      {},
      { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' },
    );
    expect(forged.status).toBe(403);
    expect(await t.db.select().from(users).all()).toHaveLength(1);
  });

  it('shows work areas only to those who have them', async () => {
    const user = await findOrCreateUser(t.db, 'mod@example.org');
    await grantRole(t.db, user.id, 'moderator');
    const moderator = await signIn(t, 'mod@example.org');
    const html = await (await moderator.get('/account')).text();
    expect(html).toContain('href="/moderation"');
    expect(html).not.toContain('href="/moderation/people"');
    const member = await signIn(t, 'ana@example.org');
    expect(await (await member.get('/account')).text()).not.toContain('href="/moderation"');
  });

  it('the header offers "My account" when signed in, "Sign in" otherwise', async () => {
    expect(await (await t.app.request('/')).text()).toContain(
      '<a class="site-account" href="/sign-in">Sign in</a>',
    );
    const browser = await signIn(t, 'ana@example.org');
    const res = await browser.get('/');
    expect(await res.text()).toContain('<a class="site-account" href="/account">My account</a>');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('caching while signed in', () => {
  it('pages are never stored; static files keep their long cache', async () => {
    const browser = await signIn(t, 'ana@example.org');
    const home = await browser.get('/support');
    expect(home.headers.get('cache-control')).toBe('no-store');
    const css = (await home.text()).match(/href="(\/static\/site\.[0-9a-f]+\.css)"/)![1]!;
    const asset = await browser.get(css);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });
});

describe('download my data, for a storyteller', () => {
  it('includes every version of my stories', async () => {
    const browser = await signIn(t, 'writer@example.org');
    await browser.post('/account/storyteller', { enabled: 'yes' });
    const res = await browser.post('/my-stories', {
      title: 'My first winter',
      body: 'It was cold.',
      shownName: 'Mira',
      language: 'en',
      contentNotes: 'violence',
      contentNoteText: '',
    });
    expect(res.status).toBe(303);
    const data = (await (await browser.get('/account/data.json')).json()) as any;
    expect(data.stories).toHaveLength(1);
    expect(data.stories[0].versions[0]).toMatchObject({
      number: 1,
      title: 'My first winter',
      body: 'It was cold.',
    });
    expect(data.stories[0].history[0]).toMatchObject({ action: 'created' });
  });
});

describe('download my data, for an organizer', () => {
  it('includes my campaigns with their updates and counts, and my events, but nobody else’s details', async () => {
    // Granting a role ends sessions: the event (and its organizer role) comes before signing in.
    const eventId = await publishedEvent(t, { title: 'Evening workshop' }, 'org@example.org');
    expect((await rsvp(t, eventId, { email: 'guest@example.org' })).status).toBe(303);
    const user = await findOrCreateUser(t.db, 'org@example.org');
    const browser = await signIn(t, 'org@example.org');
    const campaignId = await createCampaign(
      t.db,
      user.id,
      campaignInput({ title: 'Safe beds now' }),
    );
    await submitCampaign(t.db, campaignId, user.id);
    await approveCampaign(t.db, campaignId);
    await postCampaignUpdate(t.db, campaignId, 'We met the mayor.', 'http://localhost');
    const signer = await new TestBrowser(t).post(`/campaigns/${campaignId}/signatures`, {
      firstName: 'Signer',
      email: 'signer@example.org',
      display: 'full',
    });
    expect(signer.status).toBe(303);

    const res = await browser.get('/account/data.json');
    expect(res.status).toBe(200);
    const body = await res.text();
    const data = JSON.parse(body);
    expect(data.campaigns).toHaveLength(1);
    expect(data.campaigns[0]).toMatchObject({
      title: 'Safe beds now',
      status: 'published',
      confirmedSignatures: 0,
    });
    expect(data.campaigns[0].updates).toEqual([
      expect.objectContaining({ body: 'We met the mayor.' }),
    ]);
    expect(data.events).toEqual([
      expect.objectContaining({
        title: 'Evening workshop',
        status: 'published',
        confirmedPlaces: 1,
        waitlistedPlaces: 0,
      }),
    ]);
    expect(body).not.toContain('signer@example.org');
    expect(body).not.toContain('guest@example.org');
  });
});
