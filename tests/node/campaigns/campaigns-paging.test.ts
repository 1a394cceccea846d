import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { CAMPAIGNS_PER_PAGE } from '../../../db/campaigns/list-page';
import { campaigns } from '../../../db/schema';
import { TestBrowser } from '../../support/browser';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';
import { publishedCampaign } from '../../support/campaigns';
import { GARBAGE_CURSORS, relLink, walkPages } from '../../support/paging';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

const titles = (html: string) =>
  [...html.matchAll(/<a href="\/campaigns\/[a-z0-9-]+"[^>]*>(Campaign \d+)<\/a>/g)].map(
    (m) => m[1]!,
  );

describe('/campaigns in pages', () => {
  it('walks every campaign once: open ones first, newest first, then ended ones', async () => {
    const count = CAMPAIGNS_PER_PAGE + 6;
    for (let i = 1; i <= count; i++) {
      const id = await publishedCampaign(t, {
        title: `Campaign ${i}`,
        // Every fourth has ended: it comes after every open one, whatever its date.
        endsOn: i % 4 === 0 ? '2020-01-01' : null,
      });
      await t.db
        .update(campaigns)
        .set({ publishedAt: new Date(Date.UTC(2026, 0, i)) })
        .where(eq(campaigns.id, id));
    }
    const pages = await walkPages(new TestBrowser(t), '/campaigns');
    expect(pages.map((html) => titles(html).length)).toEqual([CAMPAIGNS_PER_PAGE, 6]);
    const newestFirst = Array.from({ length: count }, (_, i) => count - i);
    expect(pages.flatMap(titles)).toEqual([
      ...newestFirst.filter((i) => i % 4 !== 0).map((i) => `Campaign ${i}`),
      ...newestFirst.filter((i) => i % 4 === 0).map((i) => `Campaign ${i}`),
    ]);
    expect(relLink(pages[1]!, 'next')).toBeNull();
    // The second page starts with the ended ones (rank 1 in the cursor).
    expect(relLink(pages[1]!, 'prev')).toMatch(/^\/campaigns\?before=1\.\d+\.[a-z0-9]+$/);

    for (const cursor of GARBAGE_CURSORS) {
      const res = await new TestBrowser(t).get(`/campaigns?after=${encodeURIComponent(cursor)}`);
      expect(res.status).toBe(200);
      expect(titles(await res.text())).toEqual(titles(pages[0]!));
    }

    const fr = await (
      await new TestBrowser(t, 'http://localhost', { 'Accept-Language': 'fr' }).get('/campaigns')
    ).text();
    expect(fr).toContain('aria-label="Pages des campagnes"');
    expect(visibleText(fr)).toContain('Page suivante');
  });
});
