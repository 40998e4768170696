import { defineConfig, devices } from '@playwright/test';
import { createServer } from 'node:net';

// The platform under test listens on a free port, chosen once here: workers load this file
// again and inherit the variable.
process.env.WEB_TEST_PORT ??= String(
  await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  }),
);
const baseURL = `http://127.0.0.1:${process.env.WEB_TEST_PORT}`;

// Debian's chromium-headless-shell (apt-get install chromium-headless-shell fonts-noto-cjk):
// Playwright's own browser download is not reachable from CI.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium-headless-shell',
};

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.pw.ts',
  outputDir: 'test-results/artifacts',
  globalSetup: './e2e/support/global-setup.ts',
  // One platform serves every test; two workers are what CI's two cores allow.
  workers: 2,
  fullyParallel: true,
  // On CI's loaded two cores a journey that fails once is run again, and the list reporter names
  // it "flaky": a defect still fails twice, and a flaky journey is still visible in the log.
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { baseURL, launchOptions, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', trace: 'off' },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions },
    },
    {
      name: 'phone',
      use: { ...devices['Pixel 5'], viewport: { width: 360, height: 740 }, launchOptions },
    },
  ],
});
