// `npm test`: everything a user needs to trust the build, in order: typecheck, lint, unit
// tests, the build, web-ext lint, and the end-to-end suites in headless Chromium and headless
// Firefox ESR. Every step runs even when an earlier one failed (but the browsers need a
// build), and the run ends with how many tests ran in each browser, then one line,
// "N passed, N failed, N skipped", counting each test and each non-test check.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = (name) => join('node_modules', '.bin', name);
const tally = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
/** Tests run per suite, for the line that says how many ran in each browser. */
const ran = {};
const reports = mkdtempSync(join(tmpdir(), 'vigie-test-'));

function run(label, command, args) {
  console.log(`\n▶ ${label}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

/** A check that is not a test runner counts as one test. */
function check(label, command, args) {
  const ok = run(label, command, args);
  tally[ok ? 'passed' : 'failed'] += 1;
  if (!ok) failures.push(label);
  return ok;
}

/** A vitest run: counts its tests from the JSON report. */
function vitest(label, args) {
  const file = join(reports, `${label}.json`);
  const ok = run(label, bin('vitest'), [
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ]);
  if (!existsSync(file)) {
    tally.failed += 1;
    failures.push(`${label} (no report)`);
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  ran[label] = { passed: report.numPassedTests, failed: report.numFailedTests };
  tally.passed += report.numPassedTests;
  tally.failed += report.numFailedTests;
  tally.skipped += report.numPendingTests + report.numTodoTests;
  if (!ok && report.numFailedTests === 0) {
    tally.failed += 1;
    failures.push(`${label} (runner failed)`);
  } else if (report.numFailedTests > 0) {
    failures.push(label);
  }
}

check('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
check('eslint', bin('eslint'), ['.']);
check('prettier', bin('prettier'), ['--check', '.']);
vitest('unit', []);
const built = check('build', process.execPath, ['scripts/build.mjs']);
if (built) {
  check('web-ext lint', bin('web-ext'), [
    'lint',
    '--source-dir',
    'extension',
    '--self-hosted',
    '--no-config-discovery',
  ]);
  vitest('e2e', ['--config', 'vitest.e2e.config.ts']);
  vitest('e2e-firefox', ['--config', 'vitest.firefox.config.ts']);
} else {
  tally.failed += 3;
  failures.push('web-ext lint (no build)', 'e2e (no build)', 'e2e-firefox (no build)');
}
rmSync(reports, { recursive: true, force: true });

const inBrowser = (label, name) =>
  ran[label]
    ? `${name}: ${ran[label].passed} passed, ${ran[label].failed} failed`
    : `${name}: did not run`;
console.log(`\n${inBrowser('e2e', 'Chromium')}; ${inBrowser('e2e-firefox', 'Firefox')}`);
if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
process.exit(tally.failed ? 1 : 0);
