import { defineConfig } from 'vitest/config';

// End-to-end tests in real headless Chromium with the built extension (`npm run test:e2e`):
// one file at a time, since each launches a browser, and with room for a browser to start on a
// loaded machine. The global setup stops the run when extension/ is not built.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
