import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startSite, type Site } from './harness';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.stop());

describe.each([true, false])('the language switch (JavaScript %s)', (javaScriptEnabled) => {
  it('switches to French, stays on the page, remembers the choice, and switches back', async () => {
    const { page, context, foreignRequests, consoleErrors } = await openPage(site, {
      javaScriptEnabled,
      locale: 'en-GB',
    });
    await page.goto(site.url + '/support');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.click('button:text("Lire en français")');
    await page.waitForURL(site.url + '/support');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.textContent('h1')).toBe('Comment soutenir une personne');

    await page.click('a:text("Rester en sécurité en ligne")');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.textContent('#quick-exit')).toBe('Sortie rapide');

    await page.click('button:text("Read in English")');
    await page.waitForURL(site.url + '/safety');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('the browser language', () => {
  it('is followed when no choice was made', async () => {
    const { page, context } = await openPage(site, { locale: 'fr-FR' });
    await page.goto(site.url + '/');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await context.close();
  });
});
