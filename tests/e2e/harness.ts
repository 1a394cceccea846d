/**
 * End-to-end harness: the real Node server (`worker/node.ts`) on a fresh database file, a tiny
 * local "neutral site" as the quick-exit target (nothing here may reach the internet), and the
 * system's Chromium driven by playwright-core. No test tool downloads a browser of its own.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Chromium's flags wherever tests and benches start it: nothing that reaches out to the network
 * on its own (this machine refuses such connections, and a page's figures should not include
 * them), no GPU, no first-run screens.
 */
export const QUIET_CHROMIUM_FLAGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const chromiumPath = (): string => {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found)
    throw new Error(
      'No Chromium found: install Debian\u2019s chromium package or set CHROMIUM_PATH.',
    );
  return found;
};

export interface Site {
  /** The app, e.g. http://localhost:41234 */
  url: string;
  /** The neutral page quick exit leads to. */
  exitUrl: string;
  /** The server's database, e.g. for `npm run admin` against it. */
  databaseUrl: string;
  browser: Browser;
  stop: () => Promise<void>;
}

const startNeutralSite = async (): Promise<Server> => {
  const server = createServer((_, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="en"><title>Weather</title><h1>Weather today</h1></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
};

const startApp = (env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'worker/node.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = output.match(/ready at http:\/\/localhost:(\d+)\//)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ child, url: `http://localhost:${port}` });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });

/** Starts the app, the neutral site and Chromium. */
export const startSite = async (): Promise<Site> => {
  const neutral = await startNeutralSite();
  const exitUrl = `http://127.0.0.1:${(neutral.address() as AddressInfo).port}/`;
  const dir = mkdtempSync(join(tmpdir(), 'hearth-e2e-'));
  const databaseUrl = `file:${join(dir, 'e2e.db')}`;
  // A local run, as `npm start` makes one: the tests read sign-in codes from the outbox.
  const app = await startApp({
    APP_ENV: 'local',
    PORT: '0',
    DATABASE_URL: databaseUrl,
    QUICK_EXIT_URL: exitUrl,
  });
  const stopServers = () => {
    app.child.kill();
    neutral.close();
    rmSync(dir, { recursive: true, force: true });
  };
  // A browser that cannot start (none installed, a bad CHROMIUM_PATH) must not leave the
  // server running after the test run.
  const browser = await chromium
    .launch({
      executablePath: chromiumPath(),
      args: ['--no-sandbox', ...QUIET_CHROMIUM_FLAGS],
    })
    .catch((error: unknown) => {
      stopServers();
      throw error;
    });
  return {
    url: app.url,
    exitUrl,
    databaseUrl,
    browser,
    stop: async () => {
      await browser.close();
      stopServers();
    },
  };
};

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Requests to any origin other than the app's (and the quick-exit target's, once exiting). */
  foreignRequests: string[];
  /** Console errors, CSP violations among them. */
  consoleErrors: string[];
}

/**
 * A fresh browser context whose every request and console error is recorded, so a test can
 * assert that nothing was loaded from elsewhere and that no CSP rule was broken.
 */
export const openPage = async (
  site: Site,
  options: BrowserContextOptions = {},
): Promise<Watched> => {
  const context = await site.browser.newContext(options);
  const page = await context.newPage();
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  const allowed = [new URL(site.url).origin, new URL(site.exitUrl).origin];
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url === 'about:blank') return;
    if (!allowed.includes(new URL(url).origin)) foreignRequests.push(url);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return { context, page, foreignRequests, consoleErrors };
};

/**
 * Waits until htmx has enhanced the page. It is loaded once the page has painted
 * (web/static/load-htmx.js), so a test that acts at once would act on the page as it works
 * without JavaScript; htmx marks each element it enhances with `data-htmx-powered`.
 */
export const htmxReady = (page: Page): Promise<void> =>
  page.locator('[data-htmx-powered]').first().waitFor({ state: 'attached' });

/** Gives a role with the real admin command, against the running server's database. */
export const grantRole = (site: Site, email: string, role: string): void => {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', 'grant', email, role], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: site.databaseUrl },
    stdio: 'ignore',
  });
};

/** Signs in through the real pages, reading the code from the local outbox. */
export const signInThroughPages = async (site: Site, page: Page, email: string): Promise<void> => {
  await page.goto(`${site.url}/sign-in`);
  await page.fill('input[name="email"]', email);
  await page.click('button[type="submit"]:not([lang])');
  await page.waitForURL(/\/sign-in\/code/);
  const outbox = (await (await fetch(`${site.url}/dev/outbox.json`)).json()) as {
    to: string;
    text: string;
  }[];
  const code = outbox.find((mail) => mail.to === email)!.text.match(/\d{8}/)![0];
  await page.fill('input[name="code"]', code);
  await page.click('button[type="submit"]:not([lang])');
  await page.waitForURL(`${site.url}/account`);
};
