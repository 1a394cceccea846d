import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * The short form of `npm run soak` (issue 15, proof 3): twelve seconds of mixed traffic as people
 * make it on `npm start`'s real server (browse, search, sign and confirm, RSVP, sign in by code,
 * organizers at work). Every step must get the answer a person expects: the soak exits non-zero
 * on any error, and when it cannot find what it visits (a page whose links changed shape once
 * left it with no events to visit). Memory over time needs the long run: tests/bench/README.md.
 */
describe('npm run soak, short', () => {
  it('twelve seconds of mixed traffic, no error', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'tests/bench/soak.ts'], {
      env: { ...process.env, SOAK_MINUTES: '0.2', SOAK_RATE: '20', SOAK_SEED: '1' },
      encoding: 'utf8',
      timeout: 170_000,
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(output, output).toMatch(/errors: 0; \/healthz after the run: 200/);
    expect(run.status, output).toBe(0);
  }, 180_000);
});
