import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** The real Node server (`worker/node.ts`, as `npm start` runs it) on one database file. */
export interface RunningServer {
  port: number;
  /** SIGKILL: no shutdown, no last commit, as a crash or an out-of-memory kill would do. */
  kill: () => Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the server as `npm start` does (APP_ENV=local: the outbox keeps the mail, read back
 * at /dev/outbox.json), on a free port, logging to `logFile`, as a deployment logs to a file
 * rather than through a pipe that the test would have to drain.
 */
export const startServer = async (dbFile: string, logFile: string): Promise<RunningServer> => {
  const log = openSync(logFile, 'w');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'worker/node.ts'], {
    cwd: ROOT,
    env: { ...process.env, APP_ENV: 'local', PORT: '0', DATABASE_URL: `file:${dbFile}` },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  for (;;) {
    const ready = readFileSync(logFile, 'utf8').match(/ready at http:\/\/localhost:(\d+)\//);
    if (ready)
      return {
        port: Number(ready[1]),
        kill: async () => {
          child.kill('SIGKILL');
          await exited;
        },
      };
    if (gone)
      throw new Error(`the server stopped before it was ready:\n${readFileSync(logFile, 'utf8')}`);
    await sleep(20);
  }
};

export interface Answer {
  status: number;
  location: string;
  setCookies: string[];
  body: string;
}

/**
 * One request, as a browser on another machine would send it: each client has its own loopback
 * address (127.0.0.2 and up), so the server's per-client limits count clients as in production,
 * with nothing switched off. Form posts carry Sec-Fetch-Site: same-origin, as a browser's do.
 * Rejects when the connection breaks (the server was killed before it answered).
 */
export const send = (
  port: number,
  client: number,
  method: 'GET' | 'POST',
  path: string,
  options: { form?: URLSearchParams | Record<string, string>; cookie?: string } = {},
): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        localAddress: `127.0.${Math.floor(client / 250)}.${2 + (client % 250)}`,
        headers: {
          ...(body !== undefined
            ? {
                'content-type': 'application/x-www-form-urlencoded',
                'content-length': Buffer.byteLength(body),
                'sec-fetch-site': 'same-origin',
              }
            : {}),
          ...(options.cookie ? { cookie: options.cookie } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            location: res.headers.location ?? '',
            setCookies: res.headers['set-cookie'] ?? [],
            body: text,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });

/** 2xx or 3xx: the server said it was done. */
export const answered = (answer: Answer) => answer.status >= 200 && answer.status < 400;
