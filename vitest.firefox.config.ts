import { defineConfig } from 'vitest/config';

// End-to-end tests in real headless Firefox ESR with the built extension (`npm run
// test:firefox`): one file at a time, each launching a browser. The global setup stops the run
// when extension/ is not built.
export default defineConfig({
  test: {
    include: ['test/firefox/**/*.ff.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
