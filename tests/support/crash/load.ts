import { mailboxKey } from '../../../db/campaigns/signatures';
import { asForm } from '../resources';
import type { Fixtures } from './fixtures';
import { tally, type AskedRsvp, type Ledger, type Mailbox } from './ledger';
import { answered, send, type Answer } from './server';

export interface Sessions {
  storyteller: string;
  moderator: string;
}

export interface LoadContext {
  port: number;
  fixtures: Fixtures;
  ledger: Ledger;
  mailbox: Mailbox;
  sessions: Sessions;
  /** Seeded: the same seed sends the same mix of actions. */
  random: () => number;
  /** Called on every answer the server gives, whatever its status. */
  onAnswer: () => void;
}

const SIGNER = /^crash-s(\d+)@example\.org$/;
let serial = 0;
let clientSerial = 0;
/** A different client (its own loopback address) for each request, as many people would be. */
const nextClient = () => clientSerial++ % 2000;

const pick = <T>(random: () => number, items: readonly T[]): T | undefined =>
  items[Math.floor(random() * items.length)];

/** A server error is never right, whatever was asked. */
const noteServerError = (ctx: LoadContext, what: string, answer: Answer) => {
  if (answer.status >= 500) ctx.ledger.unexpected.push(`${what}: ${answer.status}`);
};

const sign = async (ctx: LoadContext) => {
  const known = [...ctx.ledger.signs.keys()];
  // One in six signs reuses a mailbox already used, half of those as a +tag alias.
  const again = ctx.random() < 1 / 6 ? pick(ctx.random, known) : undefined;
  const mailbox = again ?? `crash-s${serial++}@example.org`;
  const email = again && ctx.random() < 0.5 ? mailbox.replace('@', '+again@') : mailbox;
  const count = tally(ctx.ledger.signs, mailboxKey(email));
  count.sent++;
  const answer = await send(
    ctx.port,
    nextClient(),
    'POST',
    `/campaigns/${ctx.fixtures.campaignId}/signatures`,
    {
      form: { firstName: 'Crash', email, display: 'initials' },
    },
  );
  ctx.onAnswer();
  noteServerError(ctx, 'sign', answer);
  if (answered(answer)) count.answered++;
};

const confirm = async (ctx: LoadContext): Promise<boolean> => {
  const [mailbox, path] = ctx.mailbox.confirmLinks.entries().next().value ?? [];
  if (!mailbox || !path) return false;
  ctx.mailbox.confirmLinks.delete(mailbox);
  const count = tally(ctx.ledger.confirmations, mailbox);
  count.sent++;
  const answer = await send(ctx.port, nextClient(), 'POST', path, { form: {} });
  ctx.onAnswer();
  noteServerError(ctx, 'confirm', answer);
  if (answered(answer)) count.answered++;
  return true;
};

const rsvp = async (ctx: LoadContext) => {
  const answeredEmails = [...ctx.ledger.rsvps]
    .filter(([email, r]) => r.answer && !ctx.ledger.cancellations.has(email))
    .map(([email]) => email);
  // One in six RSVPs is someone else typing an address that has one: it must change nothing.
  const repeat = ctx.random() < 1 / 6 ? pick(ctx.random, answeredEmails) : undefined;
  const email = repeat ?? `crash-r${serial++}@example.org`;
  const places = 1 + Math.floor(ctx.random() * 3);
  const record: AskedRsvp | undefined = repeat ? undefined : { sent: 1, places };
  if (record) ctx.ledger.rsvps.set(email, record);
  else {
    ctx.ledger.repeatRsvps.sent++;
    ctx.ledger.repeatedEmails.add(email);
  }
  const answer = await send(
    ctx.port,
    nextClient(),
    'POST',
    `/events/${ctx.fixtures.eventId}/rsvp`,
    {
      form: {
        name: repeat ? 'Someone else' : 'Crash guest',
        email,
        places: String(repeat ? 5 : places),
        wantsReminder: 'yes',
      },
    },
  );
  ctx.onAnswer();
  noteServerError(ctx, 'rsvp', answer);
  if (!answered(answer)) return;
  const status = new URL(answer.location, 'http://x').searchParams.get('rsvp');
  if (status !== 'confirmed' && status !== 'waitlisted')
    ctx.ledger.unexpected.push(`rsvp answered ${answer.status} ${answer.location}`);
  else if (record) record.answer = status;
  else ctx.ledger.repeatRsvps.answered++;
};

const cancel = async (ctx: LoadContext): Promise<boolean> => {
  const candidates = [...ctx.mailbox.rsvpTokens].filter(
    ([email]) =>
      ctx.ledger.rsvps.get(email)?.answer &&
      !ctx.ledger.cancellations.has(email) &&
      !ctx.ledger.repeatedEmails.has(email),
  );
  const [email, token] = pick(ctx.random, candidates) ?? [];
  if (!email || !token) return false;
  const count = tally(ctx.ledger.cancellations, email);
  count.sent++;
  const answer = await send(ctx.port, nextClient(), 'POST', `/rsvps/${token}/cancellation`, {
    form: {},
  });
  ctx.onAnswer();
  noteServerError(ctx, 'cancel', answer);
  if (answered(answer)) count.answered++;
  return true;
};

const approve = async (ctx: LoadContext) => {
  const storyId = pick(ctx.random, ctx.fixtures.storyIds)!;
  const count = tally(ctx.ledger.approvals, storyId);
  count.sent++;
  const answer = await send(ctx.port, nextClient(), 'POST', `/my-stories/${storyId}/approval`, {
    form: { version: '1', ownPage: 'yes', months: '12' },
    cookie: ctx.sessions.storyteller,
  });
  ctx.onAnswer();
  noteServerError(ctx, 'approve', answer);
  if (!answered(answer)) return;
  if (answer.location.includes('approved')) count.answered++;
  else ctx.ledger.unexpected.push(`approval answered ${answer.status} ${answer.location}`);
};

const edit = async (ctx: LoadContext) => {
  const resource = pick(ctx.random, ctx.fixtures.resources)!;
  const page = await send(
    ctx.port,
    nextClient(),
    'GET',
    `/moderation/resources/${resource.id}/edit`,
    {
      cookie: ctx.sessions.moderator,
    },
  );
  ctx.onAnswer();
  noteServerError(ctx, 'edit form', page);
  // Empty for a resource no one has changed yet.
  const version = page.body.match(/name="version" value="([^"]*)"/)?.[1];
  if (version === undefined) {
    ctx.ledger.unexpected.push(`edit form answered ${page.status} without a version`);
    return;
  }
  const description = `${resource.form.description} Edit ${serial++}.`;
  let record = ctx.ledger.edits.get(resource.id);
  if (!record) ctx.ledger.edits.set(resource.id, (record = { sent: [], answered: 0 }));
  record.sent.push(description);
  const answer = await send(
    ctx.port,
    nextClient(),
    'POST',
    `/moderation/resources/${resource.id}`,
    {
      form: asForm({ ...resource.form, description, version }),
      cookie: ctx.sessions.moderator,
    },
  );
  ctx.onAnswer();
  noteServerError(ctx, 'edit', answer);
  // 409: another save came first (two moderators at once); the form says so and saves nothing.
  if (answered(answer)) record.answered++;
  else if (answer.status !== 409) ctx.ledger.unexpected.push(`edit answered ${answer.status}`);
};

/** One person's next step, in proportions like a busy evening's: mostly signing and RSVPs. */
const step = async (ctx: LoadContext) => {
  const roll = ctx.random();
  if (roll < 0.3) return sign(ctx);
  if (roll < 0.5) return (await confirm(ctx)) || sign(ctx);
  if (roll < 0.72) return rsvp(ctx);
  if (roll < 0.78) return (await cancel(ctx)) || rsvp(ctx);
  if (roll < 0.92) return approve(ctx);
  return edit(ctx);
};

/** Reads the outbox as the people it was sent to would read their mail. */
const readOutbox = async (ctx: LoadContext) => {
  const answer = await send(ctx.port, nextClient(), 'GET', '/dev/outbox.json');
  const mails = JSON.parse(answer.body) as { to: string; text: string }[];
  // Newest first: read oldest first, so a newer link replaces an older one.
  for (const mail of mails.reverse()) {
    if (ctx.mailbox.seen.has(mail.text)) continue;
    ctx.mailbox.seen.add(mail.text);
    const confirmPath = mail.text.match(/\/campaigns\/signatures\/[a-z0-9]+\/confirmation/)?.[0];
    if (confirmPath && SIGNER.test(mailboxKey(mail.to)))
      ctx.mailbox.confirmLinks.set(mailboxKey(mail.to), confirmPath);
    const rsvpToken = mail.text.match(/\/rsvps\/([a-z2-7]{32})/)?.[1];
    if (rsvpToken && ctx.ledger.rsvps.has(mail.to)) ctx.mailbox.rsvpTokens.set(mail.to, rsvpToken);
  }
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `workers` people at once, and one reader of the outbox, until `stop` is called (after the
 * kill); a request the kill cut off is simply never answered. Resolves when all have stopped.
 */
export const startLoad = (ctx: LoadContext, workers: number) => {
  let stopped = false;
  const run = async (work: () => Promise<unknown>, pause: number) => {
    while (!stopped) {
      try {
        await work();
      } catch {
        // The connection broke: the server is gone, and this request was never answered.
      }
      if (pause) await sleep(pause);
    }
  };
  const all = Promise.all([
    run(() => readOutbox(ctx), 100),
    ...Array.from({ length: workers }, () => run(() => step(ctx), 0)),
  ]);
  return {
    stop: async () => {
      stopped = true;
      await all;
    },
  };
};

/** Signs in through the real forms, reading the code from the outbox; returns the session cookie. */
export const signIn = async (port: number, email: string): Promise<string> => {
  const jar = new Map<string, string>();
  const keep = (answer: Answer) => {
    for (const line of answer.setCookies) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return answer;
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const client = nextClient();
  const asked = keep(
    await send(port, client, 'POST', '/sign-in', { form: { email, next: '/account' } }),
  );
  if (asked.status !== 303) throw new Error(`sign-in answered ${asked.status}`);
  const mails = JSON.parse((await send(port, client, 'GET', '/dev/outbox.json')).body) as {
    to: string;
    text: string;
  }[];
  const code = mails.find((mail) => mail.to === email)?.text.match(/\b\d{8}\b/)?.[0];
  if (!code) throw new Error(`no sign-in code for ${email} in the outbox`);
  const done = keep(
    await send(port, client, 'POST', '/sign-in/code', {
      form: { code, next: '/account' },
      cookie: cookie(),
    }),
  );
  if (done.status !== 303) throw new Error(`the sign-in code answered ${done.status}`);
  return cookie();
};
