/**
 * Partner embeds in Chromium, framed by a page of another origin: a second local server plays
 * the partner's website. The frame renders, signing inside it works (and is confirmed from the
 * outbox), links open in a new tab, no cookie is set, axe finds nothing inside the frames, and
 * no request goes anywhere but to the partner and to this site.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { startSite, type Site } from './harness';

let site: Site;
let partner: Server;
let partnerUrl: string;

/** The partner's page: its own words, and the two iframes as an organizer's snippet writes them. */
const partnerPage = (app: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A partner association</title></head>
<body><h1>Our partners' actions</h1>
<iframe src="${app}/embed/campaigns/demo-safe-housing?lang=en" title="Campaign" width="100%" height="900" loading="lazy" style="border: 0"></iframe>
<iframe src="${app}/embed/events?lang=fr" title="Événements" width="100%" height="600" loading="lazy" style="border: 0"></iframe>
</body></html>`;

beforeAll(async () => {
  site = await startSite();
  partner = createServer((_, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(partnerPage(site.url));
  });
  await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
  // 127.0.0.1 and localhost: two origins, and two sites, as a real partner would be.
  partnerUrl = `http://127.0.0.1:${(partner.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  partner?.close();
  await site?.stop();
});

const outbox = async () =>
  (await (await fetch(`${site.url}/dev/outbox.json`)).json()) as { to: string; text: string }[];

/** A browser context that records the URL of every request any of its pages or frames makes. */
const recorded = async (): Promise<{ context: BrowserContext; page: Page; urls: string[] }> => {
  const context = await site.browser.newContext();
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  return { context, page: await context.newPage(), urls };
};

/** The frame showing an embed, once it has navigated there (a lazy frame starts blank). */
const frameOf = async (page: Page, path: string): Promise<Frame> => {
  const find = () => page.frames().find((f) => f.url().includes(path));
  await expect.poll(() => !!find(), { timeout: 10_000 }).toBe(true);
  const frame = find()!;
  await frame.waitForLoadState();
  return frame;
};

const count = async (frame: Frame) =>
  Number((await frame.textContent('.progress-text'))!.trim().split(' ')[0]);

describe('embeds on a partner site', () => {
  it('render framed, sign inside the frame with the email to confirm, and reach no third origin', async () => {
    const { context, page, urls } = await recorded();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(partnerUrl);
    const campaign = await frameOf(page, '/embed/campaigns/');
    const events = await frameOf(page, '/embed/events');
    expect(await campaign.textContent('h1')).toContain('Safe housing');
    expect(await events.getAttribute('html', 'lang')).toBe('fr');
    expect(await events.textContent('h1')).toBe('Événements à venir');
    expect(await axeViolations(campaign)).toEqual([]);
    expect(await axeViolations(events)).toEqual([]);
    const before = await count(campaign);

    await campaign.fill('#field-firstName', 'Noor');
    await campaign.fill('#field-email', 'noor@example.org');
    await campaign.click('#sign button[type="submit"]');
    await campaign.waitForSelector('#sign h2:text("Check your email")');
    // The answer came back inside the frame; the partner's page never moved.
    expect(page.url()).toBe(partnerUrl);
    expect(await axeViolations(campaign)).toEqual([]);
    // Framed, signed: not one cookie, from this site or any other.
    expect(await context.cookies()).toEqual([]);

    // Confirm from the outbox, as the signer would from their mailbox (a tab of its own).
    const mail = (await outbox()).find((m) => m.to === 'noor@example.org')!;
    const link = mail.text.match(
      /http:\/\/\S+\/campaigns\/signatures\/[a-z0-9]+\/confirmation/,
    )![0];
    const inbox = await context.newPage();
    await inbox.goto(link);
    await inbox.click('main button[type="submit"]');
    await inbox.waitForURL(/done=confirmed/);
    await inbox.close();

    await page.reload();
    expect(await count(await frameOf(page, '/embed/campaigns/'))).toBe(before + 1);

    const origins = new Set(urls.map((url) => new URL(url).origin));
    expect([...origins].sort()).toEqual(
      [new URL(site.url).origin, new URL(partnerUrl).origin].sort(),
    );
    expect(errors.filter((e) => /Content Security Policy|Refused/i.test(e))).toEqual([]);
    await context.close();
  });

  it('opens links in a new top-level tab, never inside the frame', async () => {
    const { context, page } = await recorded();
    await page.goto(partnerUrl);
    const campaign = await frameOf(page, '/embed/campaigns/');
    const [tab] = await Promise.all([context.waitForEvent('page'), campaign.click('h1 a')]);
    await tab.waitForLoadState();
    expect(tab.url()).toBe(`${site.url}/campaigns/demo-safe-housing`);
    expect(page.url()).toBe(partnerUrl);
    expect(campaign.url()).toContain('/embed/campaigns/demo-safe-housing');
    // The new tab cannot reach back into the partner's page.
    expect(await tab.evaluate(() => window.opener)).toBeNull();
    await context.close();
  });

  it('leaves the whole tab on quick exit, not just the frame', async () => {
    const { context, page } = await recorded();
    await page.goto(partnerUrl);
    const events = await frameOf(page, '/embed/events');
    await events.click('#quick-exit');
    await page.waitForURL(site.exitUrl);
    expect(page.url()).toBe(site.exitUrl);
    await context.close();
  });
});
