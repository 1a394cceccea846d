import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startSite, type Site } from './harness';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.stop());

/** Opens a neutral page first, then the app, so history has something before this site. */
const openFromNeutral = async (path: string) => {
  const watched = await openPage(site);
  await watched.page.goto(site.exitUrl + '?before');
  await watched.page.goto(site.url + path);
  return watched;
};

describe('quick exit', () => {
  it('is the first element reached with Tab', async () => {
    const { page, context } = await openFromNeutral('/support');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('quick-exit');
    await context.close();
  });

  it('leaves for the neutral site on click, and Back does not return to the page', async () => {
    const { page, context, foreignRequests, consoleErrors } = await openFromNeutral('/safety');
    await page.click('#quick-exit');
    await page.waitForURL(site.exitUrl);
    expect(await page.title()).toBe('Weather');
    await page.goBack();
    expect(page.url()).toBe(site.exitUrl + '?before');
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('leaves when Shift is pressed three times, from anywhere on the page', async () => {
    const { page, context } = await openFromNeutral('/privacy');
    await page.focus('main');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    await page.waitForURL(site.exitUrl);
    await page.goBack();
    expect(page.url()).toBe(site.exitUrl + '?before');
    await context.close();
  });

  it('does not leave while someone types capital letters', async () => {
    const { page, context } = await openFromNeutral('/');
    await page.focus('main');
    await page.keyboard.type('HELLO AND GOOD DAY');
    await page.waitForTimeout(300);
    expect(page.url()).toBe(site.url + '/');
    await context.close();
  });

  it('works as a plain link without JavaScript', async () => {
    const { page, context } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.url + '/');
    await page.click('#quick-exit');
    await page.waitForURL(site.exitUrl);
    expect(await page.title()).toBe('Weather');
    await context.close();
  });
});
