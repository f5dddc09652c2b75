import { defineConfig } from 'vitest/config';

// End-to-end tests in real headless Chromium with the built extension: one file at a time,
// since each launches a browser, and with room for a browser to start on a loaded machine.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
