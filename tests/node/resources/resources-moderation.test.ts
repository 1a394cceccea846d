import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoResources } from '../../../db/demo/resources';
import { resourceReports, services } from '../../../db/schema';
import { sameSiteFormHeaders } from '../../support/pages';
import { TestBrowser } from '../../support/browser';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';
import { personWith } from '../../support/stories';

const SLUG = 'kettle-and-crumb-lunch';
let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
  await seedDemoResources(t.db, new Date());
});
afterEach(() => t.close());

const report = (problem: string, contact = '') =>
  t.app.request(`/resources/${SLUG}/reports`, {
    method: 'POST',
    headers: sameSiteFormHeaders,
    body: new URLSearchParams({ problem, contact }),
  });

describe('/moderation/resources', () => {
  it('is for moderators and admins only', async () => {
    const visitor = await new TestBrowser(t).get('/moderation/resources');
    expect(visitor.status).toBe(303);
    const member = await personWith(t, 'member@example.org', []);
    expect((await member.get('/moderation/resources')).status).toBe(403);
    expect((await member.post(`/moderation/resources/x/verification`)).status).toBe(403);
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    expect((await moderator.get('/moderation/resources')).status).toBe(200);
    expect(visibleText(await (await moderator.get('/moderation')).text())).toContain(
      'Check resources and reports from visitors',
    );
  });

  it('lists never-checked resources first, then the oldest checks', async () => {
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const html = await (await moderator.get('/moderation/resources')).text();
    const rows = [...html.matchAll(/<tr><td><a href="\/resources\/([^"]+)">/g)].map((m) => m[1]!);
    const all = await t.db
      .select({ id: services.id, verifiedAt: services.verifiedAt })
      .from(services)
      .all();
    const never = all.filter((s) => !s.verifiedAt).map((s) => s.id);
    expect(never.length).toBeGreaterThan(0);
    expect(new Set(rows.slice(0, never.length))).toEqual(new Set(never));
    const checkedDates = rows
      .slice(never.length)
      .map((id) => all.find((s) => s.id === id)!.verifiedAt!.getTime());
    expect(checkedDates).toEqual([...checkedDates].sort((a, b) => a - b));
  });

  it('"Checked today" records the date and the role, never the person', async () => {
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const service = (await t.db.query.services.findFirst({
      where: (s, { eq }) => eq(s.slug, SLUG),
    }))!;
    const res = await moderator.post(`/moderation/resources/${service.id}/verification`);
    expect(res.headers.get('location')).toBe('/moderation/resources?done=verified');
    const after = (await t.db.select().from(services).where(eq(services.id, service.id)).get())!;
    expect(after.verifiedByRole).toBe('moderator');
    expect(Date.now() - after.verifiedAt!.getTime()).toBeLessThan(60_000);
    expect(JSON.stringify(after)).not.toContain('mod@example.org');
    expect((await moderator.post('/moderation/resources/no-such-id/verification')).status).toBe(
      404,
    );
  });

  it('shows reports with the contact to moderators, and closing one erases the contact at once', async () => {
    await report('The phone number does not answer.', 'reach-me@example.org');
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const page = visibleText(await (await moderator.get('/moderation/resources')).text());
    expect(page).toContain('The phone number does not answer.');
    expect(page).toContain('reach-me@example.org');
    const [row] = await t.db.select().from(resourceReports).all();
    const res = await moderator.post(`/moderation/resources/reports/${row!.id}/resolution`);
    expect(res.headers.get('location')).toBe('/moderation/resources?done=closed');
    const closed = (await t.db.select().from(resourceReports).get())!;
    expect(closed).toMatchObject({ status: 'resolved', contact: null });
    expect(visibleText(await (await moderator.get('/moderation/resources')).text())).not.toContain(
      'reach-me@example.org',
    );
    const again = await moderator.post(`/moderation/resources/reports/${row!.id}/dismissal`);
    expect(again.headers.get('location')).toBe('/moderation/resources?done=already-closed');
    expect((await t.db.select().from(resourceReports).get())!.status).toBe('resolved');
  });

  it('renders reports as text, never as markup', async () => {
    await report(
      '<script>alert(1)</script> <div hx-get="/sign-out" hx-trigger="load">x</div> \u202eevil',
    );
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const html = await (await moderator.get('/moderation/resources')).text();
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toMatch(/<div hx-get/);
  });

  it('refuses a closing sent from another site', async () => {
    await report('Wrong hours.');
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const [row] = await t.db.select().from(resourceReports).all();
    const forged = await moderator.post(
      `/moderation/resources/reports/${row!.id}/dismissal`,
      {},
      { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' },
    );
    expect(forged.status).toBe(403);
    expect((await t.db.select().from(resourceReports).get())!.status).toBe('open');
  });
});
