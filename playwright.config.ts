import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/** Debian's Chromium where installed (CI installs it); Playwright's own browser otherwise. */
const debianChromium = '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: 'test-results',
  reporter: [['list']],
  workers: 1,
  timeout: 30_000,
  use: { trace: 'retain-on-failure' },
  projects: [
    {
      // The built main bundle and preload under the Electron stand-in (tests/electron-stand-in),
      // the built renderer in its Chromium windows.
      name: 'app: built main+preload, Electron stand-in',
      testMatch: /(desktop|boot)\/.*\.spec\.ts$/,
      use: {
        viewport: { width: 1440, height: 900 },
        locale: 'ko-KR',
        launchOptions: {
          executablePath: existsSync(debianChromium) ? debianChromium : undefined,
          // Without these, Chromium keeps trying to reach Google's services on a closed network.
          args: [
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
            '--disable-gpu',
          ],
        },
      },
    },
    { name: 'electron', testMatch: /electron\/.*\.spec\.ts$/ },
  ],
});
