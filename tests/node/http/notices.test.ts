import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { allCatalogs } from '../../../worker/catalogs';
import type { AppEnv } from '../../../worker/env';
import { noticeUrl, readNotice, type Notices } from '../../../worker/http/notices';

// The catalogs as the app hands them out (French is an on-demand module).
const catalogs = await allCatalogs();

const notices = {
  saved: (t) => t.campaigns.saved,
  sent: (t, detail) => `${t.campaigns.saved} ${detail.count}`,
} satisfies Notices<{ count: string }>;

/** A page that shows the notice its `?done=` names, in French. */
const app = new Hono<AppEnv>()
  .use(async function french(c, next) {
    c.set('t', catalogs.fr);
    await next();
  })
  .get('/page', (c) =>
    c.text(readNotice(c, notices, { count: c.req.query('count') ?? '' }) ?? '(none)'),
  );
const noticeAt = async (url: string) => (await app.request(url)).text();

describe('notices', () => {
  it('reads the notice ?done= names, in the reader language', async () => {
    expect(await noticeAt('/page?done=saved')).toBe(catalogs.fr.campaigns.saved);
    expect(await noticeAt(noticeUrl(notices, '/page', 'sent', { query: { count: 3 } }))).toBe(
      `${catalogs.fr.campaigns.saved} 3`,
    );
  });

  it('shows nothing for a missing or unknown key, including one an object inherits', async () => {
    for (const url of [
      '/page',
      '/page?done=',
      '/page?done=unknown',
      '/page?done=toString',
      '/page?done=__proto__',
    ]) {
      expect(await noticeAt(url)).toBe('(none)');
    }
  });

  it('builds the redirect address with the key, extra query and hash', () => {
    expect(noticeUrl(notices, '/campaigns/abc', 'saved')).toBe('/campaigns/abc?done=saved');
    expect(
      noticeUrl(notices, '/campaigns/abc', 'sent', { query: { count: 2 }, hash: 'sign' }),
    ).toBe('/campaigns/abc?done=sent&count=2#sign');
  });
});
