/**
 * npm run bench:sign (also bench:campaigns) — signing under load on `npm start`'s server (Node
 * + a libsql file): sign and confirm through the real HTTP endpoints for BENCH_SECONDS
 * (default 30) with BENCH_CONCURRENCY (default 32) clients at once. About 20% of attempts reuse
 * an address already used (some as a +tag alias) and some new addresses are sent 5 times in
 * parallel. Prints sustained confirmed signatures per second, latencies (p50/p99), and checks
 * that the public count equals the number of distinct addresses confirmed.
 *
 * Clients come from many loopback addresses (127.0.x.y), as many people would, so the
 * per-client limits hold as they do in production. Confirmation links are read from the
 * server's local outbox log (stdout), as a person would read their email.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const CAMPAIGN = 'demo-letter-helpline';
const ROOT = join(import.meta.dirname, '..', '..');

const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-sign-'));
const child = spawn(process.execPath, ['--import', 'tsx', 'worker/node.ts'], {
  cwd: ROOT,
  env: { ...process.env, PORT: '0', DATABASE_URL: `file:${join(dir, 'bench.db')}` },
  stdio: ['ignore', 'pipe', 'inherit'],
  detached: true,
});

// The newest confirmation link emailed to each address, from the outbox lines on stdout.
const links = new Map<string, string>();
let port = 0;
let pending = '';
let startup = '';
const readLinks = (part: string) => {
  const bar = part.indexOf(' |');
  const link = part.match(/\/campaigns\/signatures\/[a-z0-9]+\/confirmation/)?.[0];
  if (bar > 0 && link) links.set(part.slice(0, bar), link);
};
const ready = new Promise<void>((resolve) => {
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    if (!port) {
      startup += text;
      const found = startup.match(/ready at http:\/\/localhost:(\d+)\//);
      if (found) {
        port = Number(found[1]);
        resolve();
      }
    }
    const parts = (pending + text).split('[outbox] To: ');
    pending = parts.pop()!;
    for (const part of parts) readLinks(part);
    // The last message may be complete already: read it now too (reading it again later is harmless).
    readLinks(pending);
  });
});

const agents = new Map<string, Agent>();
const agentFor = (address: string) => {
  let agent = agents.get(address);
  if (!agent) agents.set(address, (agent = new Agent({ keepAlive: true, localAddress: address } as ConstructorParameters<typeof Agent>[0])));
  return agent;
};
let clientCounter = 0;
const nextAddress = () => {
  const n = clientCounter++ % 4000;
  return `127.0.${1 + (n >> 8)}.${1 + (n & 255) > 254 ? 254 : 1 + (n & 255)}`;
};

const latencies = { sign: [] as number[], confirm: [] as number[] };
const statuses = new Map<number, number>();

const post = (path: string, body: string, address = nextAddress()): Promise<{ status: number; location: string }> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent: agentFor(address),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'same-origin', 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const ms = performance.now() - started;
          (path.endsWith('/confirmation') ? latencies.confirm : latencies.sign).push(ms);
          statuses.set(res.statusCode!, (statuses.get(res.statusCode!) ?? 0) + 1);
          resolve({ status: res.statusCode!, location: String(res.headers.location ?? '') });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });

const signBody = (email: string) => new URLSearchParams({ firstName: 'Bench', email, display: 'initials', message: 'Please keep it open.' }).toString();
const sign = (email: string) => post(`/campaigns/${CAMPAIGN}/signatures`, signBody(email));

const waitForLink = async (email: string, previous?: string): Promise<string | undefined> => {
  for (let i = 0; i < 200; i++) {
    const link = links.get(email);
    if (link && link !== previous) return link;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return undefined;
};

const confirmed = new Set<string>();
const used: string[] = [];
let serial = 0;
let deadline = 0;

const confirm = async (email: string) => {
  let link = await waitForLink(email);
  for (let attempt = 0; link && attempt < 3; attempt++) {
    const res = await post(link, '');
    if (res.status === 303) {
      confirmed.add(email);
      return;
    }
    // A duplicate attempt meanwhile sent the owner a fresh link: use the newest.
    link = await waitForLink(email, link);
  }
};

const worker = async () => {
  while (performance.now() < deadline) {
    const roll = Math.random();
    if (roll < 0.2 && used.length > 0) {
      const email = used[Math.floor(Math.random() * used.length)]!;
      await sign(Math.random() < 0.5 ? email : email.replace('@', '+again@'));
    } else if (roll < 0.25) {
      const email = `bench-${serial++}@example.org`;
      used.push(email);
      const results = await Promise.all(Array.from({ length: 5 }, () => sign(email)));
      if (results.some((r) => r.status === 303)) await confirm(email);
    } else {
      const email = `bench-${serial++}@example.org`;
      used.push(email);
      if ((await sign(email)).status === 303) await confirm(email);
    }
  }
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
};

try {
  await ready;
  const started = performance.now();
  deadline = started + SECONDS * 1000;
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - started) / 1000;

  const page = await (await fetch(`http://127.0.0.1:${port}/campaigns/${CAMPAIGN}`)).text();
  const shown = Number(page.match(/<progress[^>]*value="(\d+)"/)?.[1] ?? -1);
  const requests = latencies.sign.length + latencies.confirm.length;
  console.log(`signing benchmark: ${SECONDS} s, ${CONCURRENCY} clients at once, ${os()} `);
  console.log(`  requests: ${requests} (${(requests / elapsed).toFixed(0)}/s); statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  console.log(`  confirmed signatures: ${confirmed.size} (${(confirmed.size / elapsed).toFixed(1)}/s sustained)`);
  console.log(`  sign latency p50 ${percentile(latencies.sign, 50).toFixed(1)} ms, p99 ${percentile(latencies.sign, 99).toFixed(1)} ms`);
  console.log(`  confirm latency p50 ${percentile(latencies.confirm, 50).toFixed(1)} ms, p99 ${percentile(latencies.confirm, 99).toFixed(1)} ms`);
  console.log(`  all requests p99 ${percentile([...latencies.sign, ...latencies.confirm], 99).toFixed(1)} ms`);
  console.log(`  public count ${shown}, distinct confirmed addresses ${confirmed.size}: ${shown === confirmed.size ? 'exact' : 'MISMATCH'}`);
  if (shown !== confirmed.size) process.exitCode = 1;
} finally {
  for (const agent of agents.values()) agent.destroy();
  process.kill(-child.pid!, 'SIGTERM');
  await new Promise((resolve) => child.on('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
}

function os() {
  return `(node ${process.version}, ${(globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? '?'} cores)`;
}
