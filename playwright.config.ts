import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests drive real Chromium against the production build (`next build` runs first in
 * `npm test`). Browser: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own
 * Chromium (`npx playwright install chromium`, where the network allows it).
 * Database: a fresh one per run — on $TEST_DATABASE_URL's server when set, else in-memory PGlite.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
// The app's document store for this run (lib/store/documents.mjs); specs that plant a file read it from here too.
process.env.DOCUMENT_DIR ??= path.join(os.tmpdir(), `liaison-e2e-documents-${PORT}`);
// E2E_BASE_URL: run against an app that is already up (e.g. while developing); no server is started.
const external = process.env.E2E_BASE_URL;
const baseURL = external ?? `http://127.0.0.1:${PORT}`;
const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const executablePath = existsSync(candidate) ? candidate : undefined;
/** Specs that drive the server over plain HTTP as an attacker would (authorization matrix, generated bad input). */
const ATTACKS = ['**/authz-matrix.spec.ts', '**/bad-input.spec.ts', '**/not-found.spec.ts'];
const db = process.env.TEST_DATABASE_URL ? `${process.env.TEST_DATABASE_URL} --fresh` : 'memory';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      // The attack specs (plain HTTP, no browser) change demo records: they run after the journeys.
      testIgnore: ATTACKS,
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
    { name: 'http', testMatch: ATTACKS, dependencies: ['chromium'] },
  ],
  webServer: external
    ? undefined
    : {
    command: `npx tsx scripts/serve.ts --port ${PORT} --db ${db}`,
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { NEXTAUTH_URL: baseURL, LOG_LEVEL: 'warn', LIAISON_PGLITE_PORT: String(PORT + 1) },
  },
});
