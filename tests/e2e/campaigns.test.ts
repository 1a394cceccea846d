import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  grantRole,
  htmxReady,
  openPage,
  signInThroughPages,
  startSite,
  type Site,
} from './harness';
import { axeViolations } from './axe';

// The demo data gives an open petition (demo-safe-housing), an open letter, an open call and a
// delivered petition, owned by organizer@example.org.
let site: Site;
beforeAll(async () => {
  site = await startSite();
  grantRole(site, 'mod@example.org', 'moderator');
});
afterAll(() => site?.stop());

const outbox = async () =>
  (await (await fetch(`${site.url}/dev/outbox.json`)).json()) as {
    to: string;
    subject: string;
    text: string;
  }[];
const linkIn = async (email: string, kind: string) => {
  const all = await outbox();
  const mail = all.find((m) => m.to === email);
  if (!mail) throw new Error(`no mail to ${email}; outbox has ${all.map((m) => m.to).join(', ')}`);
  return mail.text.match(new RegExp(`http://[^\\s]+/campaigns/signatures/[a-z0-9]+/${kind}`))![0];
};
const progressText = async (page: Page) => (await page.textContent('.progress-text'))!.trim();

describe('signing in Chromium', () => {
  it.each([true, false])(
    'JavaScript %s: sign, confirm from the outbox, see the count rise',
    async (javaScriptEnabled) => {
      const { page, context, foreignRequests, consoleErrors } = await openPage(site, {
        javaScriptEnabled,
      });
      const email = `signer-${javaScriptEnabled}@example.org`;
      await page.goto(`${site.url}/campaigns/demo-safe-housing`);
      if (javaScriptEnabled) await htmxReady(page);
      const before = Number((await progressText(page)).split(' ')[0]);
      // First a mistake: the errors come back in place, with what was typed.
      await page.fill('#field-firstName', 'Lou');
      await page.fill('#field-email', 'not-an-email');
      await page.click('#sign button[type="submit"]');
      await page.waitForSelector('.error-summary');
      expect(await page.inputValue('#field-firstName')).toBe('Lou');
      await page.fill('#field-email', email);
      await page.check('#display-full');
      await page.fill('#field-city', 'Rennes');
      await page.click('#sign button[type="submit"]');
      await page.waitForSelector('#sign h2:text("Check your email")');
      // With htmx the panel is swapped in place; without, the page is reloaded after a redirect.
      expect(new URL(page.url()).search).toBe(javaScriptEnabled ? '' : '?done=sent');

      await page.goto(await linkIn(email, 'confirmation'));
      await page.click('main button[type="submit"]');
      await page.waitForURL(/done=confirmed/);
      expect(await page.textContent('main')).toContain('Your signature is confirmed');
      expect(Number((await progressText(page)).split(' ')[0])).toBe(before + 1);
      expect(await page.textContent('.signers')).toContain('Lou, Rennes');
      expect(foreignRequests).toEqual([]);
      // The browser logs the deliberate 400 (the mistake above); nothing else may appear, no CSP report.
      expect(consoleErrors.filter((line) => !line.includes('status of 400'))).toEqual([]);
      await context.close();
    },
  );

  it('the call button counts in place with JavaScript', async () => {
    const { page, context, consoleErrors } = await openPage(site);
    await page.goto(`${site.url}/campaigns/demo-call-training`);
    await htmxReady(page);
    expect(await page.getAttribute('#call a[href^="tel:"]', 'href')).toBe('tel:+442079460000');
    await page.click('#call button');
    await page.waitForSelector('#call .notice');
    expect(await page.textContent('#call')).toContain('1 people called so far.');
    expect(new URL(page.url()).search).toBe('');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe.each(['en-GB', 'fr-FR'])('campaign pages pass axe (WCAG 2.2 A/AA) in %s', (locale) => {
  it('public pages, the sign form with errors, "check your email", and the email links', async () => {
    const { page, context, foreignRequests } = await openPage(site, { locale });
    for (const path of [
      '/campaigns',
      '/campaigns/demo-safe-housing',
      '/campaigns/demo-letter-helpline',
      '/campaigns/demo-call-training',
      '/campaigns/demo-delivered-interpreters',
      '/campaigns/demo-safe-housing?done=sent',
    ]) {
      const res = await page.goto(site.url + path);
      expect(res?.status(), path).toBe(200);
      expect(await axeViolations(page), path).toEqual([]);
    }
    await page.goto(`${site.url}/campaigns/demo-letter-helpline`);
    await htmxReady(page);
    await page.fill('#field-email', 'nope');
    await page.click('#sign button[type="submit"]');
    await page.waitForSelector('.error-summary');
    expect(await axeViolations(page), 'sign form with errors').toEqual([]);

    const email = `axe-${locale.toLowerCase()}@example.org`;
    await page.fill('#field-firstName', 'Axe');
    await page.fill('#field-email', email);
    await page.click('#sign button[type="submit"]');
    await page.waitForSelector('#sign[tabindex]');
    for (const kind of ['confirmation', 'withdrawal']) {
      await page.goto(await linkIn(email, kind));
      expect(await axeViolations(page), kind).toEqual([]);
    }
    await page.goto(`${site.url}/campaigns/signatures/nothing/confirmation`);
    expect(await axeViolations(page), 'expired link').toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('organizer and moderation pages', async () => {
    const { page, context } = await openPage(site, { locale });
    await signInThroughPages(site, page, 'organizer@example.org');
    for (const path of [
      '/organize',
      '/organize/campaigns',
      '/organize/campaigns/new',
      '/organize/campaigns/demo-safe-housing',
      '/organize/campaigns/demo-delivered-interpreters',
    ]) {
      const res = await page.goto(site.url + path);
      expect(res?.status(), path).toBe(200);
      expect(await axeViolations(page), path).toEqual([]);
    }
    expect(await page.locator('svg[role="img"]').count()).toBe(1);
    // A failed new campaign, then a draft and its page, sent for review.
    await page.goto(`${site.url}/organize/campaigns/new`);
    await page.click('main button[type="submit"]');
    await page.waitForSelector('.error-summary');
    expect(await axeViolations(page), 'new campaign with errors').toEqual([]);
    await page.fill('#field-title', `Draft ${locale}`);
    await page.fill('#field-ask', 'Ask.');
    await page.fill('#field-body', 'Short sentences. Plain words.');
    await page.fill('#field-targetName', 'Robin');
    await page.fill('#field-targetRole', 'Mayor');
    await page.click('main form[action="/organize/campaigns"] button[type="submit"]');
    await page.waitForURL(/done=saved/);
    expect(await axeViolations(page), 'draft').toEqual([]);
    await page.click('form[action$="/submission"] button');
    await page.waitForURL(/done=submitted/);
    await context.close();

    const moderator = await openPage(site, { locale });
    await signInThroughPages(site, moderator.page, 'mod@example.org');
    await moderator.page.goto(`${site.url}/moderation`);
    expect(await moderator.page.textContent('main')).toContain(`Draft ${locale}`);
    expect(await axeViolations(moderator.page), '/moderation').toEqual([]);
    await moderator.context.close();
  });
});
