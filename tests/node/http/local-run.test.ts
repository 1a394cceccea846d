import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localRunRefusal } from '../../../worker/config';
import { makeTestApp, type TestApp } from '../../support/app';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const DEMO_NOTICE = 'Everything shown here is made-up demo content.';

describe('the demo notice', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('shows on a local run, to this machine only', async () => {
    t = await makeTestApp({ APP_ENV: 'local' });
    expect(await (await t.app.request('/')).text()).toContain(DEMO_NOTICE);
    const proxied: [string, string][] = [
      ['X-Forwarded-For', '203.0.113.9'],
      ['Forwarded', 'for=203.0.113.9'],
      ['Via', '1.1 proxy.example'],
      ['X-Real-IP', '203.0.113.9'],
    ];
    for (const [name, value] of proxied) {
      expect(await (await t.app.request('/', { headers: { [name]: value } })).text()).not.toContain(
        DEMO_NOTICE,
      );
    }
  });

  it('never shows on a run not told it is local', async () => {
    t = await makeTestApp({});
    expect(await (await t.app.request('/')).text()).not.toContain(DEMO_NOTICE);
  });
});

describe('a local run refused at start', () => {
  it('behind a proxy, or listening to a network, with a plain reason', () => {
    expect(localRunRefusal({ APP_ENV: 'local', TRUST_PROXY: '1' })).toMatch(/TRUST_PROXY/);
    expect(localRunRefusal({ APP_ENV: 'local', HOST: '0.0.0.0' })).toMatch(/HOST/);
    expect(localRunRefusal({ APP_ENV: 'local', HOST: '192.0.2.10' })).toMatch(/HOST/);
  });

  it('not when local on this machine, nor when not local at all', () => {
    expect(localRunRefusal({ APP_ENV: 'local' })).toBeUndefined();
    for (const host of ['127.0.0.1', '::1', 'localhost'])
      expect(localRunRefusal({ APP_ENV: 'local', HOST: host })).toBeUndefined();
    expect(localRunRefusal({ TRUST_PROXY: '1', HOST: '0.0.0.0' })).toBeUndefined();
  });
});

/** The Node entry as `npm start` or a deployment runs it, on a fresh database file. */
const startNode = (env: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-node-entry-'));
  const base: Record<string, string | undefined> = {
    ...process.env,
    APP_ENV: undefined,
    TRUST_PROXY: undefined,
    HOST: undefined,
  };
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'worker/node.ts'], {
    cwd: ROOT,
    env: {
      ...base,
      PORT: '0',
      DATABASE_URL: `file:${join(dir, 'hearth.db')}`,
      ...env,
    } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const outcome = new Promise<{ url: string } | { exitCode: number | null }>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = output.match(/ready at http:\/\/localhost:(\d+)\//)?.[1];
      if (port) resolve({ url: `http://127.0.0.1:${port}` });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (exitCode) => resolve({ exitCode }));
  });
  const stop = () => {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  return { outcome, output: () => output, stop };
};

describe('the Node entry (worker/node.ts)', () => {
  let stop = () => {};
  afterEach(() => stop());

  it('on loopback behind a proxy, without APP_ENV, is not a local run: no outbox, no demo data', async () => {
    const node = startNode({ HOST: '127.0.0.1', TRUST_PROXY: '1' });
    stop = node.stop;
    const started = await node.outcome;
    expect(started, node.output()).toHaveProperty('url');
    const { url } = started as { url: string };
    expect((await fetch(`${url}/dev/outbox.json`)).status).toBe(404);
    expect(await (await fetch(`${url}/`)).text()).not.toContain(DEMO_NOTICE);
    expect((await fetch(`${url}/campaigns/demo-letter-helpline`)).status).toBe(404);
  }, 60_000);

  it('refuses APP_ENV=local with TRUST_PROXY=1, saying why, before it listens', async () => {
    const node = startNode({ APP_ENV: 'local', TRUST_PROXY: '1' });
    stop = node.stop;
    expect(await node.outcome).toEqual({ exitCode: 1 });
    expect(node.output()).toMatch(/TRUST_PROXY/);
  }, 60_000);
});
