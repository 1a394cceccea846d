import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { grantRole, openPage, signInThroughPages, startSite, type Site } from './harness';

let site: Site;
beforeAll(async () => {
  site = await startSite();
  grantRole(site, 'mod-resources@example.org', 'moderator');
});
afterAll(() => site?.stop());

describe('the resource form passes axe (WCAG 2.2 A/AA)', () => {
  it.each(['en-GB', 'fr-FR'])(
    'in %s: empty, with errors, saved with its change log',
    async (locale) => {
      const { page, context, foreignRequests, consoleErrors } = await openPage(site, { locale });
      await signInThroughPages(site, page, 'mod-resources@example.org');
      await page.goto(`${site.url}/moderation/resources/new`);
      expect(await axeViolations(page), 'new').toEqual([]);

      const submit = 'form[action="/moderation/resources"] button[type="submit"]';
      await page.click(submit);
      expect(await page.locator('.error-summary').count()).toBe(1);
      expect(await axeViolations(page), 'errors').toEqual([]);

      await page.fill('#field-organizationName', `Axe check ${locale}`);
      await page.fill('#field-name', `Axe check service ${locale}`);
      await page.fill('#field-description', 'A warm room and a cup of tea.');
      await page.fill('#field-opensMO', '09:00');
      await page.fill('#field-closesMO', '12:00');
      await page.fill('#field-opensMO2', '13:00');
      await page.fill('#field-closesMO2', '17:00');
      await Promise.all([page.waitForURL(/\/edit\?done=created$/), page.click(submit)]);
      expect(await page.locator('#history-heading').count()).toBe(1);
      expect(await axeViolations(page), 'edit').toEqual([]);
      expect(foreignRequests).toEqual([]);
      // The failed save answers 400 on purpose; Chromium logs every 4xx page load.
      expect(consoleErrors.filter((line) => !line.includes('status of 400'))).toEqual([]);
      await context.close();
    },
  );
});
