/**
 * The soak's people read their email in the local outbox (`/dev/outbox.json`, the newest 200
 * messages), as a developer does on `npm start`. One reader polls it for every person waiting
 * for a message: a confirmation link, an RSVP link or a sign-in code.
 */
import { request } from 'node:http';

interface OutboxMessage {
  to: string;
  subject: string;
  text: string;
}

interface Waiter {
  pattern: RegExp;
  resolve: (match: string) => void;
  reject: (error: Error) => void;
  deadline: number;
}

const POLL_MS = 500;

export class MailReader {
  private readonly waiting = new Map<string, Waiter>();
  private readonly seen = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  /** Polls that failed: counted as errors of the soak. */
  failures = 0;
  polls = 0;

  constructor(private readonly origin: string) {}

  private stopped = false;

  start() {
    const tick = async () => {
      if (this.waiting.size > 0) await this.poll();
      // A poll in flight when the reader stopped must not start the next one.
      if (!this.stopped) this.timer = setTimeout(tick, POLL_MS);
    };
    this.timer = setTimeout(tick, POLL_MS);
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const waiter of this.waiting.values()) waiter.reject(new Error('the soak ended'));
    this.waiting.clear();
  }

  /**
   * The first text matching `pattern` in the next message to `address` not seen before. Call it
   * before the request that sends the message: a message in the outbox already is passed over.
   */
  expect(address: string, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
    const message = new Promise<string>((resolve, reject) =>
      this.waiting.set(address, {
        pattern,
        resolve,
        reject,
        deadline: Date.now() + timeoutMs,
      }),
    );
    // A visit cut short at the end of the run never reads its email: not an unhandled failure.
    message.catch(() => {});
    return message;
  }

  private async poll() {
    this.polls++;
    let messages: OutboxMessage[];
    try {
      messages = JSON.parse(await getText(`${this.origin}/dev/outbox.json`));
    } catch {
      this.failures++;
      return;
    }
    for (const message of messages) {
      const key = `${message.to}\n${message.text}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      const waiter = this.waiting.get(message.to);
      const found = waiter && message.text.match(waiter.pattern)?.[0];
      if (waiter && found) {
        this.waiting.delete(message.to);
        waiter.resolve(found);
      }
    }
    // Forget messages long gone from the newest 200, so the reader stays small on a long run.
    if (this.seen.size > 5000) {
      const current = new Set(messages.map((m) => `${m.to}\n${m.text}`));
      for (const key of this.seen) if (!current.has(key)) this.seen.delete(key);
    }
    const now = Date.now();
    for (const [address, waiter] of this.waiting) {
      if (waiter.deadline < now) {
        this.waiting.delete(address);
        waiter.reject(new Error(`no email for a waiting person within 30 s`));
      }
    }
  }
}

const getText = (url: string) =>
  new Promise<string>((resolve, reject) => {
    request(url, { timeout: 10_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        res.statusCode === 200 ? resolve(text) : reject(new Error(`${res.statusCode}`)),
      );
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
