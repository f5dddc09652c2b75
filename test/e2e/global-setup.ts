/**
 * Runs once before the e2e suite. The suite tests extension/ as built: it stops at once, with
 * the command to run, when there is no build, and warns when a source changed after the build.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root } from '../../scripts/lib/extension.mjs';

/** The most recently changed file under `path` (a file or a folder). */
function newest(path: string): { file: string; at: number } {
  const stat = statSync(path);
  if (!stat.isDirectory()) return { file: path, at: stat.mtimeMs };
  return readdirSync(path)
    .map((name) => newest(join(path, name)))
    .reduce((a, b) => (b.at > a.at ? b : a), { file: path, at: 0 });
}

export default function checkBuild(): void {
  const manifest = join(root, 'extension', 'manifest.json');
  if (!existsSync(manifest)) {
    throw new Error(
      'The e2e suite runs against the built extension, and extension/manifest.json is missing: ' +
        'run `npm run build` first.',
    );
  }
  const builtAt = statSync(manifest).mtimeMs;
  const source = ['src', 'manifest.json', 'icons']
    .map((p) => newest(join(root, p)))
    .reduce((a, b) => (b.at > a.at ? b : a));
  if (source.at > builtAt) {
    console.warn(
      `e2e: ${relative(root, source.file)} changed after extension/ was built; ` +
        'the suite tests the build: run `npm run build` to test the current sources.',
    );
  }
}
