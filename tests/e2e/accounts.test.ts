import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRole, openPage, signInThroughPages, startSite, type Site } from './harness';
import { axeViolations } from './axe';

let site: Site;
beforeAll(async () => {
  site = await startSite();
  grantRole(site, 'mod@example.org', 'moderator');
  grantRole(site, 'mod@example.org', 'admin');
});
afterAll(() => site?.stop());

describe('signing in, in Chromium', () => {
  it.each([true, false])(
    'works with JavaScript %s: code from the outbox, account page, sign out',
    async (javaScriptEnabled) => {
      const { page, context, foreignRequests, consoleErrors } = await openPage(site, {
        javaScriptEnabled,
      });
      const email = `ana-${javaScriptEnabled}@example.org`;
      await signInThroughPages(site, page, email);
      expect(await page.textContent('main')).toContain(`Signed in as ${email}`);
      expect(await page.textContent('.site-account')).toBe('My account');
      await page.click('button:text("Sign out everywhere")');
      await page.waitForURL(/\/sign-in\?signed-out=1/);
      expect(await page.textContent('main')).toContain('You are signed out.');
      expect((await context.cookies()).filter((cookie) => cookie.name === 'session')).toEqual([]);
      await page.goto(`${site.url}/account`);
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      expect(foreignRequests).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await context.close();
    },
  );

  it('shows a plain error for a wrong code, linked to the field', async () => {
    const { page, context } = await openPage(site);
    await page.goto(`${site.url}/sign-in`);
    await page.fill('input[name="email"]', 'bo@example.org');
    await page.click('button[type="submit"]:not([lang])');
    await page.fill('input[name="code"]', '00000000');
    await page.click('button[type="submit"]:not([lang])');
    expect(await page.textContent('.error-summary')).toContain(
      'That code is not right. You can try 4 more times.',
    );
    expect(await page.getAttribute('#field-code', 'aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('account pages pass axe (WCAG 2.2 A/AA)', () => {
  it.each(['en-GB', 'fr-FR'])('in %s', async (locale) => {
    const { page, context, foreignRequests } = await openPage(site, { locale });
    await page.goto(`${site.url}/sign-in`);
    expect(await axeViolations(page)).toEqual([]);
    // A failed form, with its error summary.
    await page.fill('input[name="email"]', 'not an email');
    await page.click('button[type="submit"]:not([lang])');
    expect(await page.locator('.error-summary').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await signInThroughPages(site, page, 'mod@example.org');
    for (const path of [
      '/account',
      '/account/organizer',
      '/account/delete',
      '/moderation',
      '/moderation/people',
      '/moderation/resources',
    ]) {
      const res = await page.goto(`${site.url}${path}`);
      expect(res?.status(), path).toBe(200);
      expect(await axeViolations(page), path).toEqual([]);
    }
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
