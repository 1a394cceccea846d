/**
 * The server the soak drives: `npm start`'s Node server (worker/node.ts, APP_ENV=local, demo
 * data seeded on a new libsql file in a temporary folder, a free port), and its memory read
 * from outside. Nothing is added to the app: RSS comes from /proc/<pid>/status, and the V8 heap
 * from the inspector protocol of the server's own node (--inspect on a free loopback port).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A little client of the inspector protocol: one WebSocket, one answer per id. */
class Inspector {
  private nextId = 1;
  private readonly waiting = new Map<number, (result: Record<string, unknown>) => void>();
  private readonly chunks: string[] = [];

  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as {
        id?: number;
        method?: string;
        params?: { chunk?: string };
        result?: Record<string, unknown>;
      };
      if (message.method === 'HeapProfiler.addHeapSnapshotChunk')
        this.chunks.push(message.params!.chunk!);
      if (message.id !== undefined) this.waiting.get(message.id)?.(message.result ?? {});
    });
  }

  static async open(url: string): Promise<Inspector> {
    const socket = new WebSocket(url);
    await new Promise((resolve, reject) => {
      socket.addEventListener('open', resolve, { once: true });
      socket.addEventListener('error', reject, { once: true });
    });
    return new Inspector(socket);
  }

  call(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, (result) => {
        this.waiting.delete(id);
        resolve(result);
      });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** A heap snapshot of the server, as a string (for Chrome DevTools' Memory tab). */
  async snapshot(): Promise<string> {
    this.chunks.length = 0;
    await this.call('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    return this.chunks.splice(0).join('');
  }

  close() {
    this.socket.close();
  }
}

export interface MemorySample {
  /** Resident set size of the server process, in bytes. */
  rss: number;
  /** Of which anonymous memory (the JavaScript heap, native allocations), and mapped files. */
  rssAnon: number;
  rssFile: number;
  /** V8 heap in use after a full collection, in bytes (what the server really keeps). */
  heap: number | null;
  /** V8 heap committed (used or not). */
  heapCommitted: number | null;
}

export interface SoakServer {
  origin: string;
  pid: number;
  /** Reads the server's memory; `collect` runs a full garbage collection first. */
  memory(collect: boolean): Promise<MemorySample>;
  snapshot(): Promise<string | null>;
  /** Lines the server wrote to its standard output (its request log). */
  logFile: string;
  stop(): Promise<void>;
}

const rssBytes = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) =>
    Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), rssAnon: kb('RssAnon'), rssFile: kb('RssFile') + kb('RssShmem') };
};

/** Starts the server as `npm start` does and waits until it answers. */
export const startSoakServer = async (options: { inspect: boolean }): Promise<SoakServer> => {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-soak-'));
  const logFile = join(dir, 'server.log');
  const errFile = join(dir, 'server.err');
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.inspect ? ['--inspect=127.0.0.1:0'] : []), '--import', 'tsx', 'worker/node.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        APP_ENV: 'local',
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: `file:${join(dir, 'soak.db')}`,
      },
      stdio: ['ignore', openSync(logFile, 'w'), openSync(errFile, 'w')],
      // Its own process group, so stopping it stops everything it started.
      detached: true,
    },
  );
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  // Whatever ends the soak (a failure included), the server it started ends with it.
  const killServer = () => {
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
  };
  process.on('exit', killServer);

  let port: number | undefined;
  let inspectorUrl: string | undefined;
  for (let i = 0; i < 1200 && (!port || (options.inspect && !inspectorUrl)); i++) {
    if (child.exitCode !== null) break;
    port ??= Number(
      readFileSync(logFile, 'utf8').match(/ready at http:\/\/localhost:(\d+)\//)?.[1],
    );
    if (!port) port = undefined;
    inspectorUrl ??= readFileSync(errFile, 'utf8').match(/Debugger listening on (ws:\S+)/)?.[1];
    await sleep(50);
  }
  if (!port) {
    const reason = readFileSync(errFile, 'utf8').slice(-2000);
    process.kill(-child.pid!, 'SIGKILL');
    throw new Error(`the server did not start within 60 s\n${reason}`);
  }
  const inspector = inspectorUrl ? await Inspector.open(inspectorUrl) : undefined;

  return {
    origin: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    logFile,
    memory: async (collect) => {
      if (inspector && collect) await inspector.call('HeapProfiler.collectGarbage');
      const usage = inspector ? await inspector.call('Runtime.getHeapUsage') : undefined;
      return {
        ...rssBytes(child.pid!),
        heap: (usage?.usedSize as number | undefined) ?? null,
        heapCommitted: (usage?.totalSize as number | undefined) ?? null,
      };
    },
    snapshot: async () => (inspector ? inspector.snapshot() : null),
    stop: async () => {
      process.off('exit', killServer);
      inspector?.close();
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
      await exited;
      if (process.env.SOAK_KEEP) console.log(`kept: ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    },
  };
};
