import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { listOpenReports } from '../../../db/resources/reports';
import { seedDemoResources } from '../../../db/demo/resources';
import { resourceReports } from '../../../db/schema';
import { REPORT_LIMIT } from '../../../worker/resources/public';
import { sameSiteFormHeaders } from '../../support/pages';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';

const SLUG = 'kettle-and-crumb-lunch';
let t: TestApp;
let serviceId: string;
let client = 0;

beforeEach(async () => {
  t?.close();
  t = await makeTestApp();
  await seedDemoResources(t.db, new Date());
  serviceId = (await t.db.query.services.findFirst({ where: (s, { eq }) => eq(s.slug, SLUG) }))!.id;
});
afterAll(() => t.close());

/** A report sent like a browser form on this site, from one client address per test by default. */
const send = (fields: Record<string, string> | string, headers: Record<string, string> = {}) =>
  t.app.request(`/resources/${SLUG}/reports`, {
    method: 'POST',
    headers: {
      ...sameSiteFormHeaders,
      'x-test-client': `198.51.100.${++client % 250}`,
      ...headers,
    },
    body: typeof fields === 'string' ? fields : new URLSearchParams(fields),
  });
const stored = () => listOpenReports(t.db, serviceId);

describe('reporting a problem with a resource', () => {
  it('files the report and comes back to the page with a thank-you (no JavaScript)', async () => {
    const res = await send({
      problem: 'The phone number does not answer.',
      contact: 'me@example.org',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/resources/${SLUG}?report=sent#report`);
    expect(await stored()).toMatchObject([
      { problem: 'The phone number does not answer.', contact: 'me@example.org', status: 'open' },
    ]);
    const page = visibleText(await (await t.app.request(res.headers.get('location')!)).text());
    expect(page).toContain('Thank you. A moderator will check this.');
  });

  it('answers htmx with the report section alone, thanked and emptied', async () => {
    const res = await send({ problem: 'It has moved.', contact: '' }, { 'HX-Request': 'true' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/^<section id="report"/);
    expect(html).toContain('role="status"');
    expect(html).not.toContain('It has moved.');
    expect((await stored())[0]).toMatchObject({ problem: 'It has moved.', contact: null });
  });

  it('re-renders an empty report with a plain error and stores nothing', async () => {
    for (const body of [
      { problem: '', contact: 'keep me' },
      { problem: '   \n\t ', contact: 'keep me' },
      { contact: 'keep me' },
    ] as Record<string, string>[]) {
      const res = await send(body);
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toMatch(/^<!doctype html>/);
      expect(visibleText(html)).toContain('Please tell us what is wrong.');
      expect(html).toContain('value="keep me"');
      expect(html).toMatch(/<textarea id="problem"[^>]*aria-invalid="true"/);
      expect(html).toMatch(/id="report-errors"[^>]*autofocus/);
    }
    expect(await stored()).toEqual([]);
  });

  it('refuses an over-long report, keeping what the person wrote', async () => {
    const problem = 'Too long. '.repeat(300);
    const res = await send({ problem, contact: 'x'.repeat(201) }, { 'HX-Request': 'true' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/^<section id="report"/);
    expect(visibleText(html)).toContain('Please use 2000 characters or fewer.');
    expect(visibleText(html)).toContain('Please use 200 characters or fewer for your contact.');
    expect(html).toContain(problem.trim());
    expect(await stored()).toEqual([]);
  });

  it('refuses a body larger than the site accepts', async () => {
    const res = await send({ problem: 'x'.repeat(300 * 1024) });
    expect(res.status).toBe(413);
    expect(await stored()).toEqual([]);
  });

  it('stores hostile text as inert text and never echoes it as markup', async () => {
    const problem =
      '<script>alert(1)</script><img src=x onerror=alert(2)> <b hx-get="/x" hx-trigger="load">bold</b> \u202Egnp.exe\u202C';
    const res = await send(
      { problem: problem + 'x'.repeat(2000), contact: '"><svg onload=alert(3)>' },
      { 'HX-Request': 'true' },
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).not.toMatch(/<script>alert|<img src=x|<b hx-get|<svg onload/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('\u202E');

    expect((await send({ problem, contact: '"><svg onload=alert(3)>' })).status).toBe(303);
    const [report] = await stored();
    // Bidirectional overrides are removed: a moderator reads the text in the order it was typed.
    expect(report!.problem).toBe(problem.replace(/[\u202E\u202C]/g, ''));
    expect(report!.contact).toBe('"><svg onload=alert(3)>');
  });

  it('counts the same problem sent again instead of storing it twice', async () => {
    await send({ problem: 'Closed for good.' });
    await send({ problem: 'Closed for good.' });
    await send({ problem: 'Closed  for good.' });
    const reports = await stored();
    expect(reports.map((r) => [r.problem, r.repeats])).toEqual([
      ['Closed for good.', 1],
      ['Closed  for good.', 0],
    ]);
  });

  it('takes the first value of a field sent twice, and a file as no text', async () => {
    const res = await send('problem=first&problem=second&contact=a');
    expect(res.status).toBe(303);
    expect((await stored())[0]!.problem).toMatch(/^(first|second)$/);
    const form = new FormData();
    form.set('problem', new File(['data'], 'a.txt'));
    const file = await t.app.request(`/resources/${SLUG}/reports`, {
      method: 'POST',
      headers: { 'Sec-Fetch-Site': 'same-origin' },
      body: form,
    });
    expect(file.status).toBe(422);
  });

  it('limits how many reports one client can send, saying when to try again', async () => {
    const headers = { 'x-test-client': '203.0.113.9' };
    for (let i = 0; i < REPORT_LIMIT.max; i++)
      expect((await send({ problem: `Problem ${i}` }, headers)).status).toBe(303);
    const refused = await send({ problem: 'One too many' }, headers);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await refused.text();
    expect(visibleText(html)).toMatch(/Please try again in \d+ minutes\./);
    expect(html).toContain('One too many');
    expect(await stored()).toHaveLength(REPORT_LIMIT.max);
    // Someone else is not affected.
    expect(
      (await send({ problem: 'Another person' }, { 'x-test-client': '203.0.113.10' })).status,
    ).toBe(303);
  });

  it('refuses a form from another site, storing nothing', async () => {
    const res = await t.app.request(`/resources/${SLUG}/reports`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'https://evil.example',
        'Sec-Fetch-Site': 'cross-site',
      },
      body: new URLSearchParams({ problem: 'forged' }),
    });
    expect(res.status).toBe(403);
    expect(await t.db.select().from(resourceReports).all()).toEqual([]);
  });

  it('404s for a resource that does not exist', async () => {
    const res = await t.app.request('/resources/nothing-here/reports', {
      method: 'POST',
      headers: sameSiteFormHeaders,
      body: new URLSearchParams({ problem: 'x' }),
    });
    expect(res.status).toBe(404);
  });

  it('answers in French too', async () => {
    const res = await send({ problem: '' }, { 'Accept-Language': 'fr' });
    expect(visibleText(await res.text())).toContain('Dites-nous ce qui ne va pas.');
  });
});
