import { defineConfig } from '@playwright/test';

// Browsers are Debian's (/usr/bin/chromium, /usr/bin/firefox-esr), launched by the
// harness in tests/e2e/harness/: Playwright never downloads one. One worker: 2 cores.
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: '../test-results',
});
