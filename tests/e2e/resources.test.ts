import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmxReady, openPage, startSite, type Site } from './harness';
import { axeViolations } from './axe';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.stop());

describe('searching without JavaScript', () => {
  it('filters with a plain form whose URL is the search, then opens a resource', async () => {
    const { page, context, foreignRequests } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.url + '/resources');
    // Near me needs JavaScript, so it is not offered.
    expect(await page.locator('#near-me').isVisible()).toBe(false);
    await page.fill('#q', 'legal');
    await page.selectOption('#language', 'fr');
    await page.selectOption('#city', 'Havrebourg');
    await page.check('input[name="free"]');
    await Promise.all([
      page.waitForURL(/\/resources\?/),
      page.click('button[type="submit"]:text("Search")'),
    ]);
    const url = new URL(page.url());
    expect(url.searchParams.get('q')).toBe('legal');
    expect(url.searchParams.get('language')).toBe('fr');
    expect(url.searchParams.get('city')).toBe('Havrebourg');
    expect(url.searchParams.get('free')).toBe('1');
    expect(await page.locator('#result-count').textContent()).toMatch(/^\d+ services? found\.$/);
    await page.click('a:text("Conseils juridiques gratuits")');
    expect(new URL(page.url()).pathname).toBe('/resources/clinique-juridique-conseils');
    expect(await page.locator('h1').textContent()).toBe('Conseils juridiques gratuits');
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('reports a problem and shows the thank-you', async () => {
    const { page, context } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.url + '/resources/kettle-and-crumb-lunch');
    await page.fill('#problem', 'Lunch is now at noon.');
    await Promise.all([page.waitForURL(/report=sent/), page.click('button:text("Send report")')]);
    expect(await page.locator('#report [role="status"]').textContent()).toBe(
      'Thank you. A moderator will check this.',
    );
    await context.close();
  });
});

describe('searching with htmx', () => {
  it('updates the results as the person types and filters, keeping the URL in step and announcing the count', async () => {
    const { page, context, consoleErrors, foreignRequests } = await openPage(site);
    await page.goto(site.url + '/resources');
    await htmxReady(page);
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    const status = page.locator('#result-count');
    const before = await status.textContent();

    await page.fill('#q', 'dental');
    await page.waitForURL(/q=dental/);
    await expect.poll(() => status.textContent()).toBe('1 service found.');
    expect(await page.locator('#results').textContent()).toContain('Emergency dental care');
    expect(before).not.toBe('1 service found.');

    await page.fill('#q', '');
    await page.selectOption('#category', 'food');
    await page.waitForURL(
      (url) => url.searchParams.get('category') === 'food' && !url.searchParams.has('q'),
    );
    await page.check('input[name="walkin"]');
    await page.waitForURL(/walkin=1/);
    await expect
      .poll(() => page.locator('#results h3').allTextContents())
      .toContain('Free groceries');
    // Empty fields stay out of the URL; the page itself was never reloaded.
    expect(page.url()).not.toMatch(/language=&|city=&/);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
      true,
    );
    // The live count is the same element, so screen readers announce each new count.
    expect(await status.getAttribute('role')).toBe('status');

    // Back returns to the previous search.
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('walkin'));
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('asks for the position only on a click, and puts only a rounded one in the URL', async () => {
    const { page, context, consoleErrors } = await openPage(site, {
      geolocation: { latitude: 45.204317, longitude: -77.418771 },
      permissions: ['geolocation'],
    });
    await page.goto(site.url + '/resources');
    expect(page.url()).not.toContain('lat=');
    await page.click('button:text("Use my location")');
    await page.waitForURL(/lat=45\.20/);
    const url = new URL(page.url());
    expect(url.searchParams.get('lat')).toBe('45.20');
    expect(url.searchParams.get('lon')).toBe('-77.42');
    expect(url.searchParams.get('sort')).toBe('distance');
    await expect
      .poll(() => page.locator('#results').textContent())
      .toMatch(/Quillhaven, about \d+ km away/);
    expect(await page.locator('#near-me-status').textContent()).toContain('approximate location');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('reports a problem in place, and points to what to fix', async () => {
    const { page, context, consoleErrors } = await openPage(site);
    await page.goto(site.url + '/resources/kettle-and-crumb-lunch');
    await htmxReady(page);
    await page.fill('#problem', '   ');
    // The browser would stop an empty field; spaces pass it and the server explains.
    await page.click('button:text("Send report")');
    await page.locator('#report-errors').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('report-errors');
    expect(new URL(page.url()).pathname).toBe('/resources/kettle-and-crumb-lunch');
    await page.fill('#problem', 'Closed on Mondays now.');
    await page.click('button:text("Send report")');
    await expect
      .poll(() => page.locator('#report [role="status"]').textContent())
      .toBe('Thank you. A moderator will check this.');
    expect(await page.inputValue('#problem')).toBe('');
    expect(consoleErrors.filter((e) => !/status of 422/.test(e))).toEqual([]);
    await context.close();
  });
});

describe.each(['en-GB', 'fr-FR'])('resource pages in %s', (locale) => {
  describe.each(['light', 'dark'] as const)('with a %s colour scheme', (colorScheme) => {
    it.each([
      '/resources?q=legal&free=1',
      '/resources?category=emergency-shelter&lat=46.11&lon=-75.87&sort=distance',
      '/resources/clinique-juridique-conseils',
      '/resources/maison-phare-hebergement-urgence',
    ])('%s has no WCAG 2.2 A/AA violation', async (path) => {
      const { page, context, foreignRequests, consoleErrors } = await openPage(site, {
        locale,
        colorScheme,
      });
      expect((await page.goto(site.url + path))?.status()).toBe(200);
      expect(await axeViolations(page)).toEqual([]);
      expect(foreignRequests).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await context.close();
    });
  });
});
