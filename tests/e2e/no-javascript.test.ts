import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHELL_PAGES } from '../support/pages';
import { openPage, startSite, type Site } from './harness';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.stop());

describe('without JavaScript', () => {
  it('every page of the shell renders and every navigation link works', async () => {
    const { page, context, foreignRequests } = await openPage(site, { javaScriptEnabled: false });
    for (const path of SHELL_PAGES) {
      const res = await page.goto(site.url + path);
      expect(res?.status()).toBe(200);
      expect(await page.locator('h1').count()).toBe(1);
    }
    await page.goto(site.url + '/');
    await page.click('nav[aria-label="Main"] a:text("Support someone")');
    expect(new URL(page.url()).pathname).toBe('/support');
    await page.click('footer a:text("Privacy")');
    expect(new URL(page.url()).pathname).toBe('/privacy');
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('the skip link moves to the main content', async () => {
    const { page, context } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.url + '/support');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    // Following a fragment link is not done by the time the key press returns: wait for it.
    await page.waitForURL((url) => url.hash === '#main', { timeout: 5000 }).catch(() => {});
    expect(new URL(page.url()).hash).toBe('#main');
    await context.close();
  });
});
