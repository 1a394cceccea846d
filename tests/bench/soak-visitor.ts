/**
 * One person's browser, as the soak sees it: its own client address, its cookies, its language,
 * a keep-alive connection for the length of a visit, gzip accepted, forms sent from the site.
 *
 * Client addresses: a local run never trusts a proxy header (a local run refuses TRUST_PROXY=1,
 * and the outbox answers no request carrying one), so the app keys its limits on the socket's
 * address. Linux routes the whole of 127.0.0.0/8 to the loopback interface: each simulated
 * person binds its connections to an address of its own there (127.1.0.1, 127.1.0.2…), and the
 * server sees as many distinct clients as there are people, with no setting changed.
 */
import { Agent, request } from 'node:http';
import { gunzipSync } from 'node:zlib';

export interface Answer {
  status: number;
  location: string | undefined;
  body: string;
}

/** What every request reports to the soak's tally. */
export type Record = (entry: {
  flow: string;
  ms: number;
  status: number | 'network';
  expected: boolean;
}) => void;

export interface VisitorOptions {
  origin: string;
  address: string;
  language: 'en' | 'fr';
  /** Waits for this request's turn: the soak's pace. */
  pace: () => Promise<void>;
  record: Record;
  flow: string;
  /** A jar to share: an organizer's visits all carry the session signed in once. */
  cookies?: Map<string, string>;
}

const TIMEOUT_MS = 30_000;

/** The n-th simulated client's own loopback address (never .0 or .255 in the last place). */
export const clientAddress = (n: number): string => {
  const host = n % 254;
  const rest = Math.floor(n / 254);
  return `127.${1 + (rest >> 8)}.${rest & 255}.${host + 1}`;
};

export class Visitor {
  private readonly cookies: Map<string, string>;
  private readonly agent: Agent;

  constructor(private readonly options: VisitorOptions) {
    this.cookies = options.cookies ?? new Map();
    this.agent = new Agent({ keepAlive: true, maxSockets: 2, localAddress: options.address });
  }

  /** The visit is over: its connections close, as a browser's do once idle. */
  leave() {
    this.agent.destroy();
  }

  get(path: string, expect: number[] = [200], headers: { [name: string]: string } = {}) {
    return this.send('GET', path, undefined, expect, headers);
  }

  post(path: string, fields: { [name: string]: string }, expect: number[] = [303]) {
    return this.send('POST', path, new URLSearchParams(fields).toString(), expect, {
      'content-type': 'application/x-www-form-urlencoded',
    });
  }

  /** Follows a redirect as a browser does, with a GET. */
  follow(answer: Answer, expect: number[] = [200]) {
    if (!answer.location) throw new Error(`no Location after ${answer.status}`);
    const url = new URL(answer.location, this.options.origin);
    return this.get(url.pathname + url.search, expect);
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    body: string | undefined,
    expect: number[],
    extra: { [name: string]: string },
  ): Promise<Answer> {
    await this.options.pace();
    const started = performance.now();
    const url = new URL(path, this.options.origin);
    const headers: { [name: string]: string } = {
      'accept-language': this.options.language === 'fr' ? 'fr-FR,fr;q=0.9' : 'en-GB,en;q=0.9',
      'accept-encoding': 'gzip',
      ...extra,
    };
    if (this.cookies.size > 0)
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (method === 'POST') {
      // A form sent from one of the site's own pages, as a browser labels it.
      headers.origin = this.options.origin;
      headers['sec-fetch-site'] = 'same-origin';
      headers['content-length'] = String(Buffer.byteLength(body ?? ''));
    }
    try {
      const answer = await new Promise<Answer>((resolve, reject) => {
        const req = request(
          url,
          { method, headers, agent: this.agent, timeout: TIMEOUT_MS },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('error', reject);
            res.on('end', () => {
              this.keepCookies(res.headers['set-cookie'] ?? []);
              const raw = Buffer.concat(chunks);
              const text =
                res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw.toString();
              resolve({
                status: res.statusCode ?? 0,
                location: res.headers.location,
                body: text.toString(),
              });
            });
          },
        );
        req.on('timeout', () => req.destroy(new Error('timed out')));
        req.on('error', reject);
        req.end(body);
      });
      this.options.record({
        flow: this.options.flow,
        ms: performance.now() - started,
        status: answer.status,
        expected: expect.includes(answer.status),
      });
      if (!expect.includes(answer.status))
        throw new UnexpectedAnswer(`${method} ${url.pathname} answered ${answer.status}`);
      return answer;
    } catch (error) {
      if (error instanceof UnexpectedAnswer) throw error;
      this.options.record({
        flow: this.options.flow,
        ms: performance.now() - started,
        status: 'network',
        expected: false,
      });
      throw new UnexpectedAnswer(`${method} ${url.pathname}: ${(error as Error).message}`);
    }
  }

  private keepCookies(lines: string[]) {
    for (const line of lines) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const gone = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (gone) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** An answer the flow did not expect; already counted as an error when thrown. */
export class UnexpectedAnswer extends Error {}
