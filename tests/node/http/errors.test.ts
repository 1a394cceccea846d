import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';
import { TestBrowser, latestCode } from '../../support/browser';
import { publishedCampaign } from '../../support/campaigns';
import { privateToken, publishedEvent, rsvp } from '../../support/events';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
  // A route that fails the way a bug would, with personal data and SQL in its message.
  t.app.get('/boom', () => {
    throw new Error(
      'SQLITE_ERROR: no such column: secret near "SELECT email FROM users WHERE email=\'ana@example.org\'"',
    );
  });
});
afterAll(() => t.close());

describe('not found', () => {
  it('is a plain-language page in the reader\u2019s language, with the whole shell', async () => {
    const en = await t.app.request('/no/such/page');
    expect(en.status).toBe(404);
    const enHtml = await en.text();
    expect(visibleText(enHtml)).toContain('We could not find that page');
    expect(enHtml).toContain('id="quick-exit"');
    const fr = await t.app.request('/no/such/page', { headers: { 'Accept-Language': 'fr' } });
    expect(visibleText(await fr.text())).toContain('Nous n\u2019avons pas trouvé cette page');
  });
});

describe('a failure inside the app', () => {
  it('answers 500 with a plain page and no stack trace, SQL or path', async () => {
    const res = await t.app.request('/boom?email=ana@example.org');
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(visibleText(html)).toContain('Something went wrong on our side');
    for (const leak of [
      'SQLITE',
      'SELECT',
      'ana@example.org',
      'at ',
      '.ts',
      'node_modules',
      'Error:',
    ]) {
      expect(visibleText(html), leak).not.toContain(leak);
    }
  });

  it('is logged without its message, personal data or query string', async () => {
    t.logs.length = 0;
    await t.app.request('/boom?email=ana@example.org');
    const log = t.logs.join('\n');
    expect(log).toContain('"level":"error"');
    expect(log).not.toMatch(/ana@example\.org|SELECT|SQLITE_ERROR|email=/);
  });
});

describe('request logs', () => {
  it('name the route, never the query string, the real path of a parameter, or the client', async () => {
    t.logs.length = 0;
    await t.app.request('/support?q=my+secret+search', {
      headers: { 'X-Forwarded-For': '203.0.113.9', 'User-Agent': 'Telltale/1.0' },
    });
    await t.app.request('/static/private-token-123');
    expect(t.logs).toHaveLength(2);
    const first = JSON.parse(t.logs[0]!);
    expect(first).toMatchObject({ method: 'GET', route: '/support', status: 200 });
    const log = t.logs.join('\n');
    expect(log).not.toMatch(/secret|203\.0\.113\.9|Telltale|private-token/);
    expect(log).toContain('/static/:file');
  });
});

describe('the logs of people signing in, signing and RSVPing', () => {
  it('hold no email, code, token, name, address or query string', async () => {
    t.logs.length = 0;
    const client = { 'X-Forwarded-For': '203.0.113.77', 'x-test-client': '198.51.100.23' };
    const browser = new TestBrowser(t, 'http://localhost', client);
    await browser.post('/sign-in', { email: 'zoe.private@example.org', next: '/account?tab=x' });
    const code = await latestCode(t, 'zoe.private@example.org');
    expect((await browser.post('/sign-in/code', { code, next: '/account' })).status).toBe(303);
    await browser.get('/account?secret-query=1');

    const campaign = await publishedCampaign(t);
    await browser.post(`/campaigns/${campaign}/signatures`, {
      firstName: 'Zoeprivate',
      email: 'zoe.signs@example.org',
      display: 'hidden',
    });
    const event = await publishedEvent(t);
    await rsvp(
      t,
      event,
      { name: 'Zoeprivate', email: 'zoe.rsvp@example.org' },
      '198.51.100.23',
      client,
    );
    const token = await privateToken(t, 'zoe.rsvp@example.org');
    await browser.get(`/rsvps/${token}`);

    expect(t.logs.length).toBeGreaterThanOrEqual(6);
    const log = t.logs.join('\n');
    for (const leak of [
      'zoe',
      'Zoeprivate',
      'example.org',
      code,
      token,
      '203.0.113.77',
      '198.51.100.23',
      '?',
      'secret-query',
    ])
      expect(log, leak).not.toContain(leak);
    expect(log).toContain('/rsvps/:token');
  });
});
