import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHELL_PAGES } from '../support/pages';
import { grantRole, openPage, signInThroughPages, startSite, type Site } from './harness';
import { axeViolations } from './axe';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.stop());

describe.each(['en-GB', 'fr-FR'])('in %s', (locale) => {
  describe.each(['light', 'dark'] as const)('with a %s colour scheme', (colorScheme) => {
    it.each([...SHELL_PAGES, '/no-such-page'])(
      '%s has no WCAG 2.2 A/AA violation',
      async (path) => {
        const { page, context, foreignRequests, consoleErrors } = await openPage(site, {
          locale,
          colorScheme,
        });
        const res = await page.goto(site.url + path);
        expect(res?.status()).toBe(path === '/no-such-page' ? 404 : 200);
        expect(await axeViolations(page)).toEqual([]);
        expect(foreignRequests).toEqual([]);
        // Chromium reports the 404 status of the page itself; anything else is a real error.
        expect(
          consoleErrors.filter((e) => !(path === '/no-such-page' && /status of 404/.test(e))),
        ).toEqual([]);
        await context.close();
      },
    );
  });
});

describe('on a small phone screen', () => {
  it('has no horizontal scrolling and large enough targets', async () => {
    const { page, context } = await openPage(site, {
      viewport: { width: 320, height: 640 },
      isMobile: true,
      hasTouch: true,
    });
    await page.goto(site.url + '/');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const small = await page.evaluate(
      () =>
        [...document.querySelectorAll('#quick-exit, .language-switch button, .site-nav a')]
          .map((el) => el.getBoundingClientRect())
          .filter((box) => box.height < 24 || box.width < 24).length,
    );
    expect(small).toBe(0);
    await context.close();
  });
});

describe('reflow at 320 CSS pixels (WCAG 1.4.10), in French, whose words run longest', () => {
  const overflowAt = async (page: import('playwright-core').Page, path: string) => {
    const res = await page.goto(site.url + path);
    expect(res?.status(), path).toBe(200);
    return page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
  };

  it('scrolls no public page sideways', async () => {
    const { page, context } = await openPage(site, {
      locale: 'fr-FR',
      viewport: { width: 320, height: 640 },
    });
    const paths = [
      ...SHELL_PAGES,
      '/resources?q=juridique&language=fr&open=1&free=1',
      '/events',
      '/events?view=month',
      '/campaigns',
      '/campaigns/demo-havrebourg-permanence',
      '/stories',
    ];
    const overflowing: string[] = [];
    for (const path of paths) if ((await overflowAt(page, path)) > 0) overflowing.push(path);
    expect(overflowing).toEqual([]);
    await context.close();
  });

  it('scrolls no moderator page sideways: account, verification queue, resource form', async () => {
    grantRole(site, 'mod-reflow@example.org', 'moderator');
    const { page, context } = await openPage(site, {
      locale: 'fr-FR',
      viewport: { width: 320, height: 640 },
    });
    await signInThroughPages(site, page, 'mod-reflow@example.org');
    // "Checked today" on the queue's first resource gives its edit page a change log to show.
    await page.goto(`${site.url}/moderation/resources`);
    const firstRow = page.locator('.stack-on-phone tbody tr').first();
    const editPath = (await firstRow.locator('a[href$="/edit"]').getAttribute('href'))!;
    await Promise.all([
      page.waitForLoadState('load'),
      firstRow.locator('button[type="submit"]').click(),
    ]);
    const overflowing: string[] = [];
    for (const path of [
      '/account',
      '/moderation/resources',
      '/moderation/resources/new',
      editPath,
    ]) {
      if ((await overflowAt(page, path)) > 0) overflowing.push(path);
    }
    expect(overflowing).toEqual([]);
    expect(await page.locator('#history-heading').count()).toBe(1);
    await context.close();
  });
});

describe('care circle pages (the demo circle), as its owner and as a member', () => {
  // The demo accounts of db/demo/circles.ts; their sign-in codes come from the local outbox.
  const OWNER = 'demo-circle-owner@example.org';
  const MEMBER = 'demo-circle-member@example.org';

  const circlePages = async (page: import('playwright-core').Page, email: string) => {
    await signInThroughPages(site, page, email);
    await page.goto(`${site.url}/circles`);
    const home = (await page
      .locator('main a[href^="/circles/"]:not([href="/circles/new"])')
      .first()
      .getAttribute('href'))!;
    // The owner's pages, and the member's view of the home (with its check-in form).
    return email === OWNER
      ? [
          '/circles',
          home,
          `${home}/charter`,
          `${home}/invitations`,
          `${home}/members`,
          `${home}/inbox`,
        ]
      : [home];
  };

  describe.each(['light', 'dark'] as const)('with a %s colour scheme', (colorScheme) => {
    it.each([OWNER, MEMBER])(
      '%s: no WCAG 2.2 A/AA violation on any circle page',
      async (email) => {
        const { page, context, foreignRequests, consoleErrors } = await openPage(site, {
          colorScheme,
        });
        const failures: string[] = [];
        for (const path of await circlePages(page, email)) {
          const res = await page.goto(site.url + path);
          expect(res?.status(), path).toBe(200);
          for (const violation of await axeViolations(page)) failures.push(`${path}: ${violation}`);
        }
        expect(failures).toEqual([]);
        expect(foreignRequests).toEqual([]);
        expect(consoleErrors).toEqual([]);
        await context.close();
      },
      60_000,
    );
  });

  it.each([OWNER, MEMBER])(
    '%s: no circle page scrolls sideways at 320 CSS pixels, in French',
    async (email) => {
      const { page, context } = await openPage(site, {
        locale: 'fr-FR',
        viewport: { width: 320, height: 640 },
      });
      const overflowing: string[] = [];
      for (const path of await circlePages(page, email)) {
        await page.goto(site.url + path);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        if (overflow > 0) overflowing.push(path);
      }
      expect(overflowing).toEqual([]);
      await context.close();
    },
    60_000,
  );
});
