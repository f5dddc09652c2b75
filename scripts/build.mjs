// Builds the loadable extension into extension/: the background, the popup and the crisis log,
// each on its own, then each script that runs in pages alone as one IIFE file (the capture
// script, the monitoring scripts): the groups of vite.config.ts.
// With --watch, rebuilds every group on every save and prints "built" after each rebuild.
import { rmSync } from 'node:fs';
import { build } from 'vite';

const watch = process.argv.includes('--watch');
const configFile = new URL('../vite.config.ts', import.meta.url).pathname;

function report(label) {
  return {
    name: 'vigie-report',
    closeBundle() {
      console.log(`${new Date().toLocaleTimeString()} built ${label}`);
    },
  };
}

async function run() {
  rmSync(new URL('../extension', import.meta.url), { recursive: true, force: true });
  for (const mode of ['background', 'popup', 'dashboard', 'content', 'monitor', 'monitor-start']) {
    await build({
      configFile,
      mode,
      plugins: watch ? [report(mode)] : [],
      build: watch ? { watch: { include: ['src/**', 'manifest.json', 'icons/**'] } } : {},
    });
  }
  if (!watch) console.log('built extension/');
}

run().catch((error) => {
  console.error(error);
  process.exit(1);
});
