/**
 * npm run bench:sign (also bench:campaigns) — signing under load on `npm start`'s server (Node
 * + a libsql file): autocannon drives sign and confirm through the real HTTP endpoints for
 * BENCH_SECONDS (default 30) over BENCH_CONNECTIONS (default 32) keep-alive connections. About
 * 20% of signs reuse an address already used (half as a +tag alias) and 5% of new addresses
 * are sent 5 times at once, by 5 connections. Prints sustained confirmed signatures per second,
 * p99 latency and status counts, and fails unless the public count equals the number of
 * distinct mailboxes confirmed.
 *
 * Clients: the server runs as a deployment behind a reverse proxy (TRUST_PROXY=1, no APP_ENV:
 * a local run refuses a proxy) and each request names one of 4,000 client addresses in
 * X-Forwarded-For, so the per-client limit (30 an hour) is in force as it is in production;
 * nothing is switched off for the bench. The demo data is added to the file before it starts.
 *
 * Mail goes to the provider, as in production: here a stand-in on this machine (MAIL_API_URL),
 * where confirmation links are read as a person would read their email. The server's log goes
 * to a file, as a deployment's would, not through a pipe to this process.
 * BENCH_NODE_FLAGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) is passed to the server's node.
 */
import { createClient } from '@libsql/client';
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { mailboxKey } from '../../db/campaigns/signatures';
import { migrateLibsql, openLibsqlDatabase } from '../../db/core/libsql';
import { seedDemoData } from '../../db/demo/seed';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const CAMPAIGN = 'demo-letter-helpline';
const ROOT = join(import.meta.dirname, '..', '..');
const CLIENTS = 4000;
const BURST = 5;

const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-sign-'));
const dbFile = join(dir, 'bench.db');
const logFile = join(dir, 'server.log');

// The demo campaign, added as `npm start` would, before the server (a deployment) opens the file.
{
  const { db, client } = openLibsqlDatabase(`file:${dbFile}`);
  await migrateLibsql(db);
  await seedDemoData(db);
  client.close();
}

// --- Email: confirmation links, taken by a stand-in for the provider as they are sent. --------

interface Link {
  mailbox: string;
  path: string;
}
/** Links not yet used, oldest first; a newer email to a mailbox replaces its older link, as a person would open the newest. */
const links = new Map<string, Link>();
const provider = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    const message = JSON.parse(body) as { to: string[]; text: string };
    const path = message.text.match(/\/campaigns\/signatures\/[a-z0-9]+\/confirmation/)?.[0];
    if (path) {
      const mailbox = mailboxKey(message.to[0]!);
      links.delete(mailbox);
      links.set(mailbox, { mailbox, path });
    }
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
  });
});
await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
const providerUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/emails`;

const child = spawn(
  process.execPath,
  [
    ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
    '--import',
    'tsx',
    'worker/node.ts',
  ],
  {
    cwd: ROOT,
    env: {
      ...process.env,
      APP_ENV: 'production',
      PORT: '0',
      DATABASE_URL: `file:${dbFile}`,
      TRUST_PROXY: '1',
      MAIL_API_URL: providerUrl,
      MAIL_API_KEY: 'bench',
      MAIL_FROM: 'Bench <bench@example.org>',
    },
    stdio: ['ignore', openSync(logFile, 'w'), 'inherit'],
    detached: true,
  },
);

/** CPU seconds a process has used (Linux), to say what one request costs the server whatever the load. */
const cpuSeconds = (pid: number): number | null => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const waitForPort = async (): Promise<number> => {
  for (let i = 0; i < 1200; i++) {
    const found = readFileSync(logFile, 'utf8').match(/ready at http:\/\/localhost:(\d+)\//);
    if (found) return Number(found[1]);
    await sleep(50);
  }
  throw new Error('the server did not start within 60 s');
};

/** Read-only look-ups in the database file, to settle confirmations in flight at the stop. */
const database = createClient({ url: `file:${dbFile}` });

// --- What the clients send. --------------------------------------------------------------------

let clientCounter = 0;
/** One of 4,000 client addresses, in turn (documentation ranges are not needed: the proxy is us). */
const nextClient = () => {
  const n = clientCounter++ % CLIENTS;
  return `10.${n >> 16}.${(n >> 8) & 255}.${n & 255}`;
};

const used: string[] = [];
let serial = 0;
let burst: { email: string; left: number } | null = null;
const nextEmail = (): string => {
  if (burst) {
    const { email } = burst;
    if (--burst.left === 0) burst = null;
    return email;
  }
  const roll = Math.random();
  if (roll < 0.2 && used.length > 0) {
    const email = used[Math.floor(Math.random() * used.length)]!;
    return Math.random() < 0.5 ? email : email.replace('@', '+again@');
  }
  const email = `bench-${serial++}@example.org`;
  used.push(email);
  // The next BURST - 1 signs, taken by other connections at once, repeat this address.
  if (roll < 0.25) burst = { email, left: BURST - 1 };
  return email;
};

const formHeaders = (client: string) => ({
  'content-type': 'application/x-www-form-urlencoded',
  'sec-fetch-site': 'same-origin',
  'x-forwarded-for': client,
});

const statuses = { sign: new Map<number, number>(), confirm: new Map<number, number>() };
const tally = (map: Map<number, number>, status: number) =>
  map.set(status, (map.get(status) ?? 0) + 1);
const confirmedMailboxes = new Set<string>();
let confirmed303 = 0;
/** Confirmations sent and not answered yet. */
const inFlight = new Set<Link>();

interface Context {
  link?: Link;
}

const signRequest: autocannon.Request = {
  method: 'POST',
  path: `/campaigns/${CAMPAIGN}/signatures`,
  setupRequest: (req) => {
    const body = new URLSearchParams({
      firstName: 'Bench',
      email: nextEmail(),
      display: 'initials',
      message: 'Please keep it open.',
    }).toString();
    return { ...req, headers: formHeaders(nextClient()), body };
  },
  onResponse: (status) => tally(statuses.sign, status),
};

const confirmRequest: autocannon.Request = {
  method: 'POST',
  // With no link waiting, autocannon goes back to a sign on this connection.
  setupRequest: (req, context: Context) => {
    const link = links.values().next().value;
    if (!link) return undefined as unknown as autocannon.Request;
    links.delete(link.mailbox);
    context.link = link;
    inFlight.add(link);
    return {
      ...req,
      path: link.path,
      headers: { ...formHeaders(nextClient()), 'content-length': '0' },
      body: '',
    };
  },
  onResponse: (status, _body, context: Context) => {
    tally(statuses.confirm, status);
    const link = context.link!;
    inFlight.delete(link);
    if (status === 303) {
      confirmed303++;
      confirmedMailboxes.add(link.mailbox);
    }
  },
};

const counts = (map: Map<number, number>) =>
  JSON.stringify(Object.fromEntries([...map].sort(([a], [b]) => a - b)));

try {
  const port = await waitForPort();
  const load = loadavg();
  const serverCpuBefore = cpuSeconds(child.pid!);
  const benchCpuBefore = process.cpuUsage();

  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [signRequest, confirmRequest],
  });
  const serverCpu = serverCpuBefore === null ? null : cpuSeconds(child.pid!)! - serverCpuBefore;
  const benchCpu = process.cpuUsage(benchCpuBefore);

  // Confirmations in flight when the load tool stopped were answered to no one: the server may
  // have counted them. Ask the database (read-only) whether each of those mailboxes is confirmed.
  await sleep(500);
  let settled = 0;
  for (const link of inFlight) {
    const { rows: found } = await database.execute({
      sql: 'select confirmed_at from campaign_signatures where campaign_id = ? and email_key = ?',
      args: [CAMPAIGN, link.mailbox],
    });
    if (found[0]?.confirmed_at != null && !confirmedMailboxes.has(link.mailbox)) {
      confirmedMailboxes.add(link.mailbox);
      settled++;
    }
  }

  const page = await (await fetch(`http://127.0.0.1:${port}/campaigns/${CAMPAIGN}`)).text();
  const shown = Number(page.match(/<progress[^>]*value="(\d+)"/)?.[1] ?? -1);
  const seconds = result.duration;
  const exact =
    shown === confirmedMailboxes.size && confirmed303 + settled === confirmedMailboxes.size;
  console.log(
    `signing benchmark: autocannon ${SECONDS} s, ${CONNECTIONS} connections, node ${process.version}, ${availableParallelism()} cores`,
  );
  console.log(
    `  load average before: ${load.map((n) => n.toFixed(2)).join(' ')}; after: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `  requests: ${result.requests.total} (${(result.requests.total / seconds).toFixed(0)}/s), errors ${result.errors}, timeouts ${result.timeouts}`,
  );
  console.log(
    `  sign statuses ${counts(statuses.sign)}; confirm statuses ${counts(statuses.confirm)}`,
  );
  console.log(
    `  confirmed signatures: ${confirmedMailboxes.size} (${(confirmedMailboxes.size / seconds).toFixed(1)}/s sustained)`,
  );
  if (serverCpu !== null) {
    console.log(
      `  CPU: server ${serverCpu.toFixed(1)} s (${((serverCpu * 1000) / result.requests.total).toFixed(2)} ms a request, ${((serverCpu * 1000) / Math.max(1, confirmedMailboxes.size)).toFixed(2)} ms a confirmed signature); load tool and mail reader ${((benchCpu.user + benchCpu.system) / 1e6).toFixed(1)} s`,
    );
  }
  console.log(
    `  latency (all requests) p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
  );
  console.log(
    `  public count ${shown}, distinct mailboxes confirmed ${confirmedMailboxes.size} (${confirmed303} answered 303, ${settled} in flight at the stop): ${exact ? 'exact' : 'MISMATCH'}`,
  );
  if (!exact) process.exitCode = 1;
} finally {
  database.close();
  provider.close();
  process.kill(-child.pid!, 'SIGTERM');
  await new Promise((resolve) => child.on('exit', resolve));
  if (process.env.BENCH_KEEP) console.log(`  kept: ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
