// `npm run test:e2e`: the end-to-end suite (test/e2e/*.e2e.ts) in headless Chromium, against
// extension/ as built: build first (`npm run build`). Arguments go on to vitest, for instance
// `npm run test:e2e -- log` (one file) or `npm run test:e2e -- -t undo` (tests by name).
// VIGIE_E2E_SHOTS=<dir> also writes screenshots of the popup and the crisis log there.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const result = spawnSync(
  process.execPath,
  [
    resolve(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--config',
    'vitest.e2e.config.ts',
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
