import { listOutbox } from '../../db/mail/outbox';
import type { TestApp } from './app';

/**
 * A minimal cookie-keeping client over `app.request`, acting like a browser on this site:
 * form POSTs carry Sec-Fetch-Site: same-origin, cookies are stored and sent back.
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly t: TestApp,
    private readonly origin = 'http://localhost',
    private readonly headers: Record<string, string> = {},
  ) {}

  async get(path: string, headers: Record<string, string> = {}) {
    return this.send(path, { headers });
  }

  /** Posts a form urlencoded, or multipart when given FormData (the request then sets the boundary). */
  async post(
    path: string,
    fields: Record<string, string> | URLSearchParams | FormData = {},
    headers: Record<string, string> = {},
  ) {
    if (fields instanceof FormData)
      return this.send(path, {
        method: 'POST',
        headers: { 'Sec-Fetch-Site': 'same-origin', ...headers },
        body: fields,
      });
    return this.send(path, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Sec-Fetch-Site': 'same-origin',
        ...headers,
      },
      body: new URLSearchParams(fields).toString(),
    });
  }

  private async send(
    path: string,
    init: { method?: string; headers: Record<string, string>; body?: string | FormData },
  ) {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    // A browser keeps an address's #fragment to itself.
    const res = await this.t.app.request(`${this.origin}${path.split('#')[0]}`, {
      ...init,
      headers: { ...this.headers, ...(cookie ? { Cookie: cookie } : {}), ...init.headers },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }
}

/** The newest 8-digit code emailed to an address, from the outbox. */
export const latestCode = async (t: TestApp, email: string): Promise<string> => {
  const mail = (await listOutbox(t.db)).find((m) => m.toAddress === email.toLowerCase());
  const code = mail?.bodyText.match(/\b\d{8}\b/)?.[0];
  if (!code) throw new Error(`no code emailed to ${email}`);
  return code;
};

/** Signs in through the real forms, reading the code from the outbox. */
export const signIn = async (
  t: TestApp,
  email: string,
  browser = new TestBrowser(t),
): Promise<TestBrowser> => {
  const asked = await browser.post('/sign-in', { email, next: '/account' });
  if (asked.status !== 303) throw new Error(`sign-in form answered ${asked.status}`);
  const done = await browser.post('/sign-in/code', {
    code: await latestCode(t, email),
    next: '/account',
  });
  if (done.status !== 303) throw new Error(`code form answered ${done.status}`);
  return browser;
};

/** A request a page could make: a link followed, or a form sent with its fields. */
export interface Route {
  method: 'GET' | 'POST';
  path: string;
  body?: Record<string, string>;
}

/** Sends a route as this browser. */
export const send = (browser: TestBrowser, route: Route) =>
  route.method === 'GET' ? browser.get(route.path) : browser.post(route.path, route.body ?? {});
