/**
 * `npm start`'s server for the benchmarks that drive it over HTTP: worker/node.ts run locally on
 * a new database file, which it fills with the demo data as `npm start` does, on a free port, in
 * its own process group; and the public page types every page bench measures, with real ids read
 * from the demo data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `node --import tsx …` in `cwd` (this checkout unless told) and waits for the line of its
 * log that gives its port.
 */
export const startNodeProcess = async (
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  logFile: string,
  cwd = ROOT,
): Promise<{ child: ChildProcess; port: number }> => {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', openSync(logFile, 'w'), 'inherit'],
    // Its own process group, so stopping it stops every process it started.
    detached: true,
  });
  for (let i = 0; i < 1200; i++) {
    const found = readFileSync(logFile, 'utf8').match(ready);
    if (found) return { child, port: Number(found[1]) };
    await sleep(50);
  }
  throw new Error(`${args.join(' ')} did not start within 60 s`);
};

export const stopProcess = async (child: ChildProcess) => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.on('exit', resolve));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
};

/**
 * The Node server of a checkout (this one unless told: another, to compare), run as `npm start`
 * runs it, over a new database file in `dir`; `env` adds to its environment (`PAGE_CACHE=off`).
 */
export const startDemoServer = async (
  dir: string,
  {
    checkout = ROOT,
    name = 'hearth',
    env = {},
  }: { checkout?: string; name?: string; env?: NodeJS.ProcessEnv } = {},
) => {
  const dbFile = join(dir, `${name}.db`);
  const server = await startNodeProcess(
    ['worker/node.ts'],
    { APP_ENV: 'local', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `file:${dbFile}`, ...env },
    /ready at http:\/\/localhost:(\d+)\//,
    join(dir, `${name}.log`),
    checkout,
  );
  return { ...server, dbFile };
};

/** A page's body as text (no compression asked for). */
const fetchText = (port: number, path: string): Promise<string> =>
  new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    })
      .on('error', reject)
      .end();
  });

/** The first link on a page to one item of an area (`/events/…`), to measure a real item. */
const firstItem = async (port: number, list: string, area: string): Promise<string> => {
  const html = await fetchText(port, list);
  const found = html.match(new RegExp(`href="(/${area}/[a-z0-9][a-z0-9-]*)"`));
  if (!found) throw new Error(`no link to one of ${area} on ${list}`);
  return found[1]!;
};

/** Every public page type, by name, with its path on the server at `port`. */
export const publicPages = async (port: number): Promise<[name: string, path: string][]> => [
  ['home', '/'],
  ['resources', '/resources'],
  ['search', '/resources?q=housing'],
  ['resource', await firstItem(port, '/resources', 'resources')],
  ['events', '/events'],
  ['month', '/events?view=month'],
  ['event', await firstItem(port, '/events', 'events')],
  ['campaigns', '/campaigns'],
  ['campaign', await firstItem(port, '/campaigns', 'campaigns')],
  ['stories', '/stories'],
  ['story', await firstItem(port, '/stories', 'stories')],
  ['support', '/support'],
];

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
