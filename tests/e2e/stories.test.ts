import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRole, openPage, signInThroughPages, startSite, type Site } from './harness';
import { axeViolations } from './axe';

let site: Site;
beforeAll(async () => {
  site = await startSite();
  grantRole(site, 'teller@example.org', 'storyteller');
  grantRole(site, 'teller-fr@example.org', 'storyteller');
  grantRole(site, 'teller-nojs@example.org', 'storyteller');
  grantRole(site, 'storymod@example.org', 'moderator');
});
afterAll(() => site?.stop());

describe('stories in Chromium', () => {
  it.each([true, false])(
    'a reader opens the "Read the story" disclosure (JavaScript %s)',
    async (javaScriptEnabled) => {
      const { page, context, foreignRequests, consoleErrors } = await openPage(site, {
        javaScriptEnabled,
      });
      await page.goto(`${site.url}/stories`);
      await page.click('.story-card h2 a >> nth=0');
      await page.waitForURL(/\/stories\/[a-z0-9]+$/);
      expect(await page.locator('.content-notes').isVisible()).toBe(true);
      expect(await page.locator('.story-text').isVisible()).toBe(false);
      await page.click('summary');
      expect(await page.locator('.story-text').isVisible()).toBe(true);
      expect(foreignRequests).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await context.close();
    },
  );

  it.each([
    ['en-GB', 'teller@example.org', true],
    ['fr-FR', 'teller-fr@example.org', true],
    ['en-GB', 'teller-nojs@example.org', false],
  ] as const)(
    'a storyteller writes, a moderator edits, the author approves, it is published and withdrawn (%s, %s, JavaScript %s)',
    async (locale, email, javaScriptEnabled) => {
      const author = await openPage(site, { locale, javaScriptEnabled });
      const moderator = await openPage(site, { locale, javaScriptEnabled });
      const reader = await openPage(site, { locale, javaScriptEnabled });
      // axe runs in the page, so it checks the runs with JavaScript (both languages); the run
      // without JavaScript proves every step works as plain HTML forms.
      const check = async (watched: typeof author, label: string) => {
        if (javaScriptEnabled) expect(await axeViolations(watched.page), label).toEqual([]);
      };

      await signInThroughPages(site, author.page, email);
      await author.page.goto(`${site.url}/my-stories`);
      await check(author, '/my-stories');
      await author.page.click('a[href="/my-stories/new"]');
      await author.page.waitForURL(/\/my-stories\/new$/);
      await check(author, '/my-stories/new');
      // An empty save comes back with what to fix.
      await author.page.click('.story-form button[type="submit"]');
      await author.page.waitForSelector('.error-summary');
      await author.page.waitForLoadState('load');
      await check(author, '/my-stories (errors)');

      await author.page.fill('#field-title', `Spring ${locale}`);
      await author.page.fill('#field-body', 'The first winter was long.\n\nThen spring came.');
      await author.page.fill('#field-shownName', 'Rosa');
      await author.page.check('#note-violence');
      await author.page.click('.story-form button[type="submit"]');
      await author.page.waitForURL(/\/my-stories\/[a-z0-9]+\?done=created/);
      const storyPath = new URL(author.page.url()).pathname;
      const id = storyPath.split('/').pop()!;
      await check(author, storyPath);
      await author.page.click(`form[action="${storyPath}/submission"] button`);
      await author.page.waitForURL(/done=submitted/);

      await signInThroughPages(site, moderator.page, 'storymod@example.org');
      await moderator.page.goto(`${site.url}/moderation/stories`);
      await check(moderator, '/moderation/stories');
      await moderator.page.goto(`${site.url}/moderation/stories/${id}`);
      await check(moderator, '/moderation/stories/:id');
      await moderator.page.fill(
        '#field-body',
        'The first winter was very long.\n\nThen spring came.',
      );
      await moderator.page.click('.story-form button[type="submit"]');
      await moderator.page.waitForURL(/done=suggested/);

      await author.page.goto(`${site.url}${storyPath}/versions/2`);
      expect(await author.page.textContent('.story-diff ins')).toContain('very');
      await check(author, 'version 2 with its diff');
      await author.page.goto(`${site.url}${storyPath}/edit`);
      await check(author, 'edit');
      await author.page.goto(`${site.url}${storyPath}`);
      await author.page.click('#approve-heading ~ form button[type="submit"]');
      await author.page.waitForURL(/done=approved/);

      await moderator.page.goto(`${site.url}/moderation/stories/${id}`);
      await moderator.page.click(`form[action="/moderation/stories/${id}/publication"] button`);
      await moderator.page.waitForURL(/done=published/);

      await reader.page.goto(`${site.url}/stories/${id}`);
      await check(reader, '/stories/:id');
      await reader.page.click('summary');
      expect(await reader.page.textContent('.story-text')).toContain('very long');
      await reader.page.goto(`${site.url}/stories`);
      await check(reader, '/stories');

      await author.page.goto(`${site.url}${storyPath}`);
      await author.page.click(`form[action="${storyPath}/withdrawal"] button`);
      await author.page.waitForURL(/done=withdrawn/);
      await check(author, 'withdrawn');
      const gone = await reader.page.goto(`${site.url}/stories/${id}`);
      expect(gone?.status()).toBe(410);
      await check(reader, '410');
      expect(await reader.page.textContent('main')).not.toContain('Spring');

      for (const watched of [author, moderator, reader]) {
        expect(watched.foreignRequests).toEqual([]);
        // The 400 (the empty save) and the 410 (the withdrawn story) above are on purpose.
        expect(watched.consoleErrors.filter((line) => !/status of (400|410)/.test(line))).toEqual(
          [],
        );
        await watched.context.close();
      }
    },
    120_000,
  );
});
