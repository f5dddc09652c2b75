// `npm run package`: the zips the stores take, from a fresh build, in dist/:
// vigie-chrome-<version>.zip for the Chrome Web Store and vigie-firefox-<version>.zip for
// addons.mozilla.org, each packed by `web-ext build`, the version being package.json's. One
// manifest serves both browsers while developing; each store gets only its own background key
// (Chrome warns about `background.scripts`, Firefox about `background.service_worker`),
// Chrome's zip leaves out the Gecko settings and Firefox's the pageCapture it does not have.
// The Firefox package is then checked by `web-ext lint` as AMO checks it: the run fails on any
// error or on a warning not listed below.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './lib/extension.mjs';

/** The warnings web-ext lint may give on the Firefox package, each with its reason. */
const EXPECTED_WARNINGS = {
  // Preact's renderer, bundled with the popup and the crisis log, assigns innerHTML for the
  // dangerouslySetInnerHTML prop only, which Vigie never passes: ESLint forbids the prop, and
  // innerHTML and outerHTML, in every source file (outerHTML is read once, never written, to
  // save the closing report as a page).
  UNSAFE_VAR_ASSIGNMENT: "Preact's dangerouslySetInnerHTML, never used",
};

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const webExt = join(root, 'node_modules/.bin/web-ext');
const dist = join(root, 'dist');

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    throw new Error(`${command} ${args.join(' ')} failed`);
  }
  return result.stdout;
}

/** A copy of the build whose manifest `edit` changes, for one store. */
function variant(edit) {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-package-'));
  cpSync(join(root, 'extension'), dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  edit(manifest);
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}

run(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
mkdirSync(dist, { recursive: true });

const chrome = variant((m) => {
  delete m.background.scripts;
  delete m.browser_specific_settings;
});
const firefox = variant((m) => {
  delete m.background.service_worker;
  // Firefox has no pageCapture: its page copy is the HTML fallback, through scripting.
  m.optional_permissions = m.optional_permissions.filter((p) => p !== 'pageCapture');
  if (!m.optional_permissions.length) delete m.optional_permissions;
});
const zips = [];
for (const [store, dir] of [
  ['chrome', chrome],
  ['firefox', firefox],
]) {
  const name = `vigie-${store}-${pkg.version}.zip`;
  run(webExt, [
    'build',
    '--source-dir',
    dir,
    '--artifacts-dir',
    dist,
    '--filename',
    name,
    '--overwrite-dest',
    '--no-config-discovery',
  ]);
  zips.push(join('dist', name));
}

const lint = JSON.parse(
  spawnSync(
    webExt,
    ['lint', '--source-dir', firefox, '--output', 'json', '--no-config-discovery'],
    { encoding: 'utf8' },
  ).stdout,
);
rmSync(chrome, { recursive: true, force: true });
rmSync(firefox, { recursive: true, force: true });

const unexpected = lint.warnings.filter((w) => !EXPECTED_WARNINGS[w.code]);
for (const zip of zips) console.log(`packaged ${zip}`);
console.log(
  `web-ext lint (Firefox package): ${lint.errors.length} errors, ${lint.warnings.length} warnings` +
    ` (${lint.warnings.length - unexpected.length} documented), ${lint.notices.length} notices`,
);
for (const problem of [...lint.errors, ...unexpected]) {
  console.log(`  ${problem.code}: ${problem.message} (${problem.file ?? ''})`);
}
process.exit(lint.errors.length || unexpected.length ? 1 : 0);
