// End-to-end tests in Debian's Chromium against the production build served by server.ts (Next + socket.io on
// one port), with the built-in simulator and its demo traffic off. `npm test` builds first; locally run
// `npx next build` once before `npx playwright test`.
import { defineConfig, devices } from '@playwright/test'
import { E2E_BASE_URL, E2E_DATABASE_URL, E2E_PORT, E2E_SIM_PORT } from './e2e/e2e-env'

export default defineConfig({
  testDir: './e2e',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: { baseURL: E2E_BASE_URL, trace: 'retain-on-failure' },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-dev-shm-usage',
          ],
        },
      },
    },
  ],
  webServer: {
    // The wrapper empties ./data/e2e before exec'ing the server (a globalSetup may run after webServer starts).
    command: 'node e2e/start-server.mjs',
    env: {
      NODE_ENV: 'production',
      PORT: String(E2E_PORT),
      SIM_PORT: String(E2E_SIM_PORT),
      SIM_DEMO_RATE: '0',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: E2E_DATABASE_URL,
      NEXTAUTH_URL: E2E_BASE_URL,
      // Lets a test stand at another client address (X-Forwarded-For), as behind a reverse proxy.
      TRUSTED_PROXIES: '127.0.0.1',
    },
    url: `${E2E_BASE_URL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
})
