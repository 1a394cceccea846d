/**
 * npm run bench:start — seconds from running `npm start` to the home page answering, on a new
 * database file (migrations and demo data included) and again on the existing one.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-'));
const port = 18787;

const timeStart = async (label: string) => {
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: `file:${join(dir, 'bench.db')}` },
    stdio: 'ignore',
    // Its own process group, so stopping it stops npm, tsx and the server together.
    detached: true,
  });
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  console.log(
    `${label}: home page answered ${((performance.now() - started) / 1000).toFixed(2)} s after \`npm start\``,
  );
  const exited = new Promise((resolve) => child.on('exit', resolve));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
  // Wait until the port is free again.
  for (;;) {
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    } catch {
      break;
    }
  }
};

await timeStart('new database');
await timeStart('existing database');
rmSync(dir, { recursive: true, force: true });
