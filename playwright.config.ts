import { defineConfig } from '@playwright/test';

// End-to-end specs drive the real UI on the real core through the browser host,
// with Debian's chromium (never `npx playwright install`: no network for browsers here).
export default defineConfig({
  testDir: 'tests/e2e',
  // builds the CLI, the browser host and the helper scripts once, for plain node
  globalSetup: './tests/e2e/global-setup.ts',
  // Each test spawns its own host and database; two cores on this machine.
  workers: 2,
  fullyParallel: true,
  // Generous: each test starts the CLI and the host, and this 2-core machine is shared.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
