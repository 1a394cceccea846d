import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const migrations = fileURLToPath(new URL('./db/migrations', import.meta.url));

// Three projects, all run by `npm test`: fast Node tests over libsql in memory; the same app
// inside workerd with real D1; and end-to-end tests in a real Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          globalSetup: ['./tests/support/build-on-demand.ts'],
          include: ['tests/node/**/*.test.{ts,tsx}'],
          // Some suites seed thousands of services first (5,000 in resources-search-paths): seconds
          // alone, over vitest's 10 s when the two cores are shared with other test runs.
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: './wrangler.toml' },
            // The local entry (the deployed one plus the outbox and the demo data), as `npm run dev`.
            main: './worker/dev.ts',
            // APP_ENV=local: mail goes to the outbox table, where the tests read sign-in codes.
            miniflare: {
              bindings: { TEST_MIGRATIONS: await readD1Migrations(migrations), APP_ENV: 'local' },
            },
          })),
        ],
        test: {
          name: 'workers',
          globalSetup: ['./tests/support/build-on-demand.ts'],
          include: ['tests/workers/**/*.test.ts'],
          // Races of 50 parallel requests inside workerd: about a second alone, over vitest's 5 s
          // when the two cores are shared.
          testTimeout: 20_000,
          setupFiles: ['./tests/workers/apply-migrations.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          globalSetup: ['./tests/support/build-on-demand.ts'],
          include: ['tests/e2e/**/*.test.ts'],
          // One browser at a time: this machine has two cores.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
