import { afterEach, describe, expect, it } from 'vitest';
import { publishedEvent, rsvp, mailsTo } from '../../support/events';
import { makeTestApp, type TestApp } from '../../support/app';

/** Links in emails must point to this site, whatever Host header a request carried. */
let t: TestApp;
afterEach(() => t.close());

describe('links in emails', () => {
  it('start with SITE_URL when it is set, even when the request named another host', async () => {
    t = await makeTestApp({ APP_ENV: 'local', SITE_URL: 'https://hearth.example.org' });
    const id = await publishedEvent(t);
    // app.request takes the host from the URL, as node-server takes it from the Host header.
    const res = await t.app.request(`http://evil.example/events/${id}/rsvp`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Sec-Fetch-Site': 'same-origin',
      },
      body: new URLSearchParams({
        name: 'Ana',
        email: 'ana@example.org',
        places: '1',
        wantsReminder: 'yes',
      }).toString(),
    });
    expect(res.status).toBe(303);
    const [mail] = await mailsTo(t, 'ana@example.org');
    expect(mail!.bodyText).toContain('https://hearth.example.org/rsvps/');
    expect(mail!.bodyText).not.toContain('evil.example');
  });

  it('start with the address the request came to when SITE_URL is not set', async () => {
    t = await makeTestApp({ APP_ENV: 'local' });
    const id = await publishedEvent(t);
    expect((await rsvp(t, id, { email: 'ana@example.org' })).status).toBe(303);
    expect((await mailsTo(t, 'ana@example.org'))[0]!.bodyText).toContain('http://localhost/rsvps/');
  });
});
