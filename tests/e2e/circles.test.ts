import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, signInThroughPages, startSite, type Site } from './harness';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.stop());

const outbox = async () =>
  (await (await fetch(`${site.url}/dev/outbox.json`)).json()) as {
    to: string;
    subject: string;
    text: string;
  }[];

/** Submits the form a button belongs to and waits for the page it leads to. */
const press = async (page: Page, selector: string) => {
  await Promise.all([page.waitForLoadState('load'), page.click(selector)]);
  await page.waitForLoadState('load');
};

describe('a care circle, without JavaScript, from start to removal', () => {
  it('start, charter, invite, accept, check in, take space, remove', async () => {
    const ownerEmail = 'e2e-circle-owner@example.org';
    const memberEmail = 'e2e-circle-member@example.org';
    const owner = await openPage(site, { javaScriptEnabled: false });
    owner.page.setDefaultTimeout(10_000);
    await signInThroughPages(site, owner.page, ownerEmail);

    // Start a circle.
    await owner.page.goto(`${site.url}/circles/new`);
    await owner.page.fill('input[name="label"]', 'My people');
    await owner.page.selectOption('select[name="timeZone"]', 'UTC');
    // No quiet hours, so that nothing waits during the test whatever the time of day.
    await owner.page.fill('input[name="quietStart"]', '00:00');
    await owner.page.fill('input[name="quietEnd"]', '00:00');
    await press(owner.page, 'main button[type="submit"]');
    const circlePath = new URL(owner.page.url()).pathname;
    expect(circlePath).toMatch(/^\/circles\/[a-z2-7]{26}$/);

    // Write the charter: weekly check-ins, by email too, and a topic to avoid.
    await owner.page.goto(`${site.url}${circlePath}/charter/edit`);
    await owner.page.selectOption('select[name="checkInPace"]', 'weekly');
    await owner.page.selectOption('select[name="checkInChannel"]', 'email');
    await owner.page.fill('textarea[name="topicsToAvoid"]', 'My family.');
    await press(owner.page, 'main form button.button-primary');
    expect(await owner.page.textContent('main')).toContain('My family.');

    // Invite a second address; accept from the outbox as that person.
    await owner.page.goto(`${site.url}${circlePath}/invitations`);
    await owner.page.fill('input[name="email"]', memberEmail);
    await press(owner.page, 'main form button.button-primary');
    const invitation = (await outbox()).find((m) => m.to === memberEmail)!;
    expect(invitation.subject).toBe('You have an update on Hearth');
    const link = invitation.text.match(/https?:\/\/\S+\/circles\/invitations\/[a-z2-7]{32}/)![0];
    const member = await openPage(site, { javaScriptEnabled: false });
    member.page.setDefaultTimeout(10_000);
    await signInThroughPages(site, member.page, memberEmail);
    await member.page.goto(link);
    await member.page.fill('input[name="displayName"]', 'Sam');
    await press(member.page, 'main form button[type="submit"]');
    expect(new URL(member.page.url()).pathname).toBe(`${circlePath}/charter`);

    // Send a check-in; the owner is told by a neutral email and reads it in the inbox.
    await member.page.goto(`${site.url}${circlePath}`);
    expect(await member.page.textContent('#check-in')).toContain('My family.');
    await member.page.fill('textarea[name="body"]', 'Thinking of you.');
    await press(member.page, '#check-in button[type="submit"]');
    expect(await member.page.textContent('main')).toContain('Your check-in was sent.');
    const told = (await outbox()).filter(
      (m) => m.to === ownerEmail && m.subject === 'You have an update on Hearth',
    );
    expect(told).toHaveLength(1);
    expect(told[0]!.text).not.toContain('Thinking of you.');
    await owner.page.goto(`${site.url}${circlePath}/inbox`);
    expect(await owner.page.textContent('main')).toContain('Thinking of you.');
    await press(owner.page, 'main .circle-inbox button[type="submit"]');
    expect(await owner.page.textContent('main')).toContain('Marked as read.');

    // "I need space": the member's check-in form closes, with a plain explanation.
    await owner.page.goto(`${site.url}${circlePath}/settings`);
    await press(owner.page, 'section[aria-labelledby="space-heading"] button.button-primary');
    await member.page.goto(`${site.url}${circlePath}`);
    const closed = (await member.page.textContent('#check-in'))!;
    expect(closed).toContain('taking some space');
    expect(await member.page.locator('textarea[name="body"]').count()).toBe(0);

    // Remove the member: their next request is a 404.
    await owner.page.goto(`${site.url}${circlePath}/members`);
    await press(owner.page, 'main form[action$="/removal"] button');
    const gone = await member.page.goto(`${site.url}${circlePath}`);
    expect(gone?.status()).toBe(404);
    expect(owner.foreignRequests).toEqual([]);
    expect(member.foreignRequests).toEqual([]);
    await owner.context.close();
    await member.context.close();
  }, 120_000);
});
