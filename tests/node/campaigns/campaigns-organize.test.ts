import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getCampaign } from '../../../db/campaigns/campaigns';
import { listOutbox } from '../../../db/mail/outbox';
import { campaigns, campaignSignatures } from '../../../db/schema';
import { deleteAccount, findOrCreateUser, grantRole } from '../../../db/accounts/users';
import { TestBrowser, signIn } from '../../support/browser';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';
import { campaignForm } from '../../support/campaigns';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

const withRole = async (email: string, role: 'organizer' | 'moderator') => {
  const user = await findOrCreateUser(t.db, email);
  await grantRole(t.db, user.id, role);
  return signIn(t, email);
};

/** Creates a campaign through the form and returns its id. */
const create = async (organizer: TestBrowser, over: Record<string, string> = {}) => {
  const res = await organizer.post('/organize/campaigns', campaignForm(over));
  expect(res.status).toBe(303);
  return res.headers.get('location')!.match(/\/organize\/campaigns\/([^?]+)/)![1]!;
};

describe('organizers write campaigns; moderators publish them', () => {
  it('draft → submitted → published (approved) → closed → delivered, visible to the public only once published', async () => {
    const organizer = await withRole('org@example.org', 'organizer');
    const moderator = await withRole('mod@example.org', 'moderator');
    expect(visibleText(await (await organizer.get('/organize')).text())).toContain(
      'Your campaigns',
    );
    const id = await create(organizer);
    expect((await new TestBrowser(t).get(`/campaigns/${id}`)).status).toBe(404);

    expect(
      (
        await organizer.post(
          `/organize/campaigns/${id}`,
          campaignForm({ title: 'Open the shelter all year' }),
        )
      ).status,
    ).toBe(303);
    expect((await getCampaign(t.db, id))!.title).toBe('Open the shelter all year');

    expect((await organizer.post(`/organize/campaigns/${id}/submission`)).status).toBe(303);
    expect((await getCampaign(t.db, id))!.status).toBe('submitted');
    expect(
      (await listOutbox(t.db)).some(
        (m) => m.toAddress === 'mod@example.org' && m.subject === 'Something is waiting for review',
      ),
    ).toBe(true);
    expect(
      (await listOutbox(t.db)).some(
        (m) => m.toAddress === 'org@example.org' && m.subject === 'Something is waiting for review',
      ),
    ).toBe(false);
    // A submitted campaign's text no longer changes.
    expect(
      (await organizer.post(`/organize/campaigns/${id}`, campaignForm({ title: 'Changed' })))
        .status,
    ).toBe(409);
    expect((await getCampaign(t.db, id))!.title).toBe('Open the shelter all year');
    expect((await new TestBrowser(t).get(`/campaigns/${id}`)).status).toBe(404);

    const queue = visibleText(await (await moderator.get('/moderation')).text());
    expect(queue).toContain('Open the shelter all year');
    expect((await moderator.post(`/moderation/campaigns/${id}/approval`)).status).toBe(303);
    expect((await getCampaign(t.db, id))!.status).toBe('published');
    expect((await listOutbox(t.db))[0]!).toMatchObject({
      toAddress: 'org@example.org',
      subject: 'An update on your campaign',
    });
    expect((await new TestBrowser(t).get(`/campaigns/${id}`)).status).toBe(200);
    expect(visibleText(await (await new TestBrowser(t).get('/campaigns')).text())).toContain(
      'Open the shelter all year',
    );

    expect(
      (
        await organizer.post(`/organize/campaigns/${id}/next-steps`, {
          nextSteps: 'We deliver on 12 March.',
        })
      ).status,
    ).toBe(303);
    expect(visibleText(await (await new TestBrowser(t).get(`/campaigns/${id}`)).text())).toContain(
      'We deliver on 12 March.',
    );

    expect((await organizer.post(`/organize/campaigns/${id}/closure`)).status).toBe(303);
    expect((await getCampaign(t.db, id))!.status).toBe('closed');
    const bad = await organizer.post(`/organize/campaigns/${id}/delivery`, {
      deliveryNote: '',
      deliveredOn: 'soon',
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('value="soon"');
    expect(
      (
        await organizer.post(`/organize/campaigns/${id}/delivery`, {
          deliveryNote: 'Given to the mayor.',
          deliveredOn: '2027-03-12',
        })
      ).status,
    ).toBe(303);
    const page = visibleText(await (await new TestBrowser(t).get(`/campaigns/${id}`)).text());
    expect(page).toContain('Given to the mayor.');
    expect(page).toContain('Delivered on 12 March 2027.');
  });

  it('a moderator can send a campaign back; two decisions on one campaign: the second is told so', async () => {
    const organizer = await withRole('org@example.org', 'organizer');
    const moderator = await withRole('mod@example.org', 'moderator');
    const french = await findOrCreateUser(t.db, 'modfr@example.org', 'fr');
    await grantRole(t.db, french.id, 'moderator');
    const id = await create(organizer);
    await organizer.post(`/organize/campaigns/${id}/submission`);
    // Each moderator is told in their own language.
    expect((await listOutbox(t.db)).find((m) => m.toAddress === 'modfr@example.org')!.subject).toBe(
      'Un contenu attend une relecture',
    );
    expect(
      (await moderator.post(`/moderation/campaigns/${id}/return`)).headers.get('location'),
    ).toBe('/moderation?done=campaign-returned');
    expect((await getCampaign(t.db, id))!.status).toBe('draft');
    expect(
      (await moderator.post(`/moderation/campaigns/${id}/approval`)).headers.get('location'),
    ).toBe('/moderation?done=already-decided');
    expect((await getCampaign(t.db, id))!.status).toBe('draft');
  });

  it('re-shows a failed form with the organizer’s text and plain errors (400)', async () => {
    const organizer = await withRole('org@example.org', 'organizer');
    const res = await organizer.post(
      '/organize/campaigns',
      campaignForm({
        title: '',
        goal: 'lots',
        kind: 'call',
        targetPhone: 'call me',
        body: '<b hx-get="/x">Bold</b>',
      }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(visibleText(html)).toContain('Please fill this in.');
    expect(visibleText(html)).toContain('Enter a whole number');
    expect(html).toContain('&lt;b hx-get=&quot;/x&quot;&gt;Bold&lt;/b&gt;');
    expect(await t.db.select().from(campaigns).all()).toEqual([]);
    expect((await organizer.post('/organize/campaigns', {})).status).toBe(400);
  });

  it('only organizers reach the pages; only the owner reaches a campaign', async () => {
    const organizer = await withRole('org@example.org', 'organizer');
    const other = await withRole('other@example.org', 'organizer');
    const member = await signIn(t, 'member@example.org');
    const id = await create(organizer);
    expect((await member.get('/organize/campaigns')).status).toBe(403);
    expect((await member.post('/organize/campaigns', campaignForm())).status).toBe(403);
    expect((await new TestBrowser(t).get('/organize/campaigns')).status).toBe(303);
    for (const path of ['', '/signatures.csv'])
      expect((await other.get(`/organize/campaigns/${id}${path}`)).status).toBe(404);
    for (const path of ['', '/submission', '/closure', '/next-steps']) {
      expect(
        (
          await other.post(
            `/organize/campaigns/${id}${path}`,
            campaignForm({ title: 'Hijacked', nextSteps: 'x' }),
          )
        ).status,
      ).toBe(404);
    }
    const row = (await getCampaign(t.db, id))!;
    expect(row.title).toBe('Open the night shelter');
    expect(row.status).toBe('draft');
    expect((await member.post(`/moderation/campaigns/${id}/approval`)).status).toBe(403);
  });

  it('mass assignment: status, counts and owner in the form are ignored', async () => {
    const organizer = await withRole('org@example.org', 'organizer');
    const id = await create(organizer, {
      status: 'published',
      callCount: '500',
      ownerId: 'x',
      publishedAt: '1',
    } as Record<string, string>);
    const row = (await getCampaign(t.db, id))!;
    expect(row.status).toBe('draft');
    expect(row.callCount).toBe(0);
    expect(row.publishedAt).toBeNull();
  });

  it('deleting the organizer’s account removes their drafts and keeps published campaigns without an owner', async () => {
    const organizer = await withRole('org@example.org', 'organizer');
    const moderator = await withRole('mod@example.org', 'moderator');
    const draft = await create(organizer);
    const live = await create(organizer, { title: 'Live' });
    await organizer.post(`/organize/campaigns/${live}/submission`);
    await moderator.post(`/moderation/campaigns/${live}/approval`);
    const user = await findOrCreateUser(t.db, 'org@example.org');
    await deleteAccount(t.db, user.id);
    expect(await getCampaign(t.db, draft)).toBeNull();
    expect((await getCampaign(t.db, live))!.ownerId).toBeNull();
    expect((await new TestBrowser(t).get(`/campaigns/${live}`)).status).toBe(200);
  });
});

describe('the dashboard and the export', () => {
  const publish = async () => {
    const organizer = await withRole('org@example.org', 'organizer');
    const moderator = await withRole('mod@example.org', 'moderator');
    const id = await create(organizer, { kind: 'letter', letterText: 'Dear Mayor,' });
    await organizer.post(`/organize/campaigns/${id}/submission`);
    await moderator.post(`/moderation/campaigns/${id}/approval`);
    return { organizer, id };
  };
  const addSigned = (
    campaignId: string,
    over: Partial<typeof campaignSignatures.$inferInsert>,
    day: string,
  ) =>
    t.db.insert(campaignSignatures).values({
      campaignId,
      firstName: 'Ana',
      display: 'full',
      locale: 'en',
      createdAt: new Date(`${day}T10:00:00Z`),
      confirmedAt: new Date(`${day}T11:00:00Z`),
      ...over,
    });

  it('draws an accessible chart with a summary and a table, and counts by city', async () => {
    const { organizer, id } = await publish();
    await addSigned(id, { city: 'Lyon' }, '2026-11-01');
    await addSigned(id, { city: 'lyon ' }, '2026-11-01');
    await addSigned(id, { city: 'Nantes' }, '2026-11-03');
    await addSigned(
      id,
      { city: 'Metz', confirmedAt: null, expiresAt: new Date(Date.now() + 1e6) },
      '2026-11-03',
    );
    const html = await (await organizer.get(`/organize/campaigns/${id}`)).text();
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="chart-title chart-summary"/);
    expect((html.match(/<rect /g) ?? []).length).toBe(2);
    const text = visibleText(html);
    expect(text).toContain(
      '3 confirmed signatures in total, from 1 Nov 2026 to 3 Nov 2026. The busiest day was 1 Nov 2026 with 2.',
    );
    expect(text).toMatch(/Lyon 2/);
    expect(text).toMatch(/Nantes 1/);
    expect(text).not.toContain('Metz');
  });

  it('exports names as chosen, neutralises formulas, and includes emails only for signers who agreed', async () => {
    const { organizer, id } = await publish();
    await addSigned(
      id,
      {
        firstName: '=HYPERLINK("http://evil.example")',
        city: '+33 Lyon',
        message: '@SUM(A1)\n-2',
        email: 'ana@example.org',
        shareEmail: false,
      },
      '2026-11-01',
    );
    await addSigned(
      id,
      {
        firstName: 'Bo',
        lastName: 'Chen',
        display: 'initials',
        city: 'Secretville',
        email: 'bo@example.org',
        shareEmail: true,
      },
      '2026-11-02',
    );
    await addSigned(
      id,
      {
        firstName: 'Cy',
        display: 'hidden',
        city: 'Hidden',
        email: 'cy@example.org',
        wantsUpdates: true,
      },
      '2026-11-02',
    );
    const res = await organizer.get(`/organize/campaigns/${id}/signatures.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const csv = await res.text();
    const lines = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('"Name","City","Date","Letter or comment","Email"');
    expect(lines[1]).toBe(
      `"'=HYPERLINK(""http://evil.example"")","'+33 Lyon","2026-11-01","'@SUM(A1)\n-2",""`,
    );
    expect(lines[2]).toBe('"B. C.","","2026-11-02","","bo@example.org"');
    expect(lines[3]).toBe('"Anonymous","","2026-11-02","",""');
    expect(csv).not.toContain('ana@example.org');
    expect(csv).not.toContain('cy@example.org');
    expect(csv).not.toContain('Secretville');
  });
});
