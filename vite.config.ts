/**
 * The build groups: the module background, the popup and the crisis log, each a build of its
 * own (modes "background", "popup", "dashboard"), then each script that runs in pages alone as
 * one classic IIFE file, since a script injected into a page cannot be an ES module: the capture
 * script (mode "content") and the monitoring scripts (modes "monitor", "monitor-start").
 *
 * Built together, the pages and the background shared their modules through six chunks, which
 * each page then loaded one request at a time: an extension page's files come from the browser
 * process, about 8 ms apart here, and the crisis log waited ~70 ms for its six before running a
 * line. Built apart, each holds what it needs: one script (and one stylesheet) per page, one
 * script for the worker, whose start every flag may wait for. Screens the log loads on first
 * visit stay chunks of their own.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { thirdPartyNotices } from './scripts/lib/third-party-notices.mjs';

const root = import.meta.dirname;
const outDir = resolve(root, 'extension');

/**
 * Copies the manifest (with package.json's version), icons, locales and the monitoring
 * script's stylesheet (registered beside it, never imported) into extension/, and writes the
 * licences of what the bundles hold beside them.
 */
function extensionFiles(): Plugin {
  return {
    name: 'vigie-extension-files',
    writeBundle() {
      const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
        version: string;
      };
      const manifest = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      manifest.version = pkg.version;
      mkdirSync(outDir, { recursive: true });
      writeFileSync(resolve(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      mkdirSync(resolve(outDir, 'icons'), { recursive: true });
      for (const size of [16, 32, 48, 128]) {
        cpSync(resolve(root, `icons/icon-${size}.png`), resolve(outDir, `icons/icon-${size}.png`));
      }
      cpSync(resolve(root, 'src/_locales'), resolve(outDir, '_locales'), { recursive: true });
      cpSync(resolve(root, 'src/content/monitor.css'), resolve(outDir, 'monitor.css'));
      writeFileSync(resolve(outDir, 'THIRD-PARTY-NOTICES.txt'), thirdPartyNotices(root));
    },
  };
}

const shared: UserConfig = {
  logLevel: 'warn',
  build: { target: 'es2022', minify: true, sourcemap: false, reportCompressedSize: false },
};

/** One context of the extension (a page from its HTML, or the worker), built on its own. */
function context(name: string, input: string, files = false): UserConfig {
  return {
    ...shared,
    root: resolve(root, 'src'),
    base: '',
    publicDir: false,
    plugins: files ? [extensionFiles()] : [],
    build: {
      ...shared.build,
      outDir,
      // scripts/build.mjs empties extension/ once; the groups then write beside each other.
      emptyOutDir: false,
      // The chunks a page imports are fetched with it (<link rel="modulepreload">), not one
      // after another as each is parsed; no polyfill: an inline script is refused by the
      // extension's content security policy, and Chromium and Firefox preload modules natively.
      modulePreload: { polyfill: false },
      rollupOptions: {
        input: { [name]: resolve(root, input) },
        output: {
          entryFileNames: name === 'background' ? 'background.js' : 'assets/[name]-[hash].js',
          chunkFileNames: 'assets/[name]-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
        },
      },
    },
  };
}

/** A script that runs in pages, alone as one IIFE file: `src/content/<entry>.ts` → `<file>`. */
function pageScript(entry: string, name: string, file: string): UserConfig {
  return {
    ...shared,
    publicDir: false,
    build: {
      ...shared.build,
      outDir,
      emptyOutDir: false,
      lib: {
        entry: resolve(root, `src/content/${entry}.ts`),
        formats: ['iife'],
        name,
        fileName: () => file,
      },
    },
  };
}

const groups: Record<string, UserConfig> = {
  background: context('background', 'src/background/index.ts', true),
  popup: context('popup', 'src/popup/index.html'),
  dashboard: context('dashboard', 'src/dashboard/index.html'),
  content: pageScript('index', 'VigieContent', 'content.js'),
  monitor: pageScript('monitor', 'VigieMonitor', 'monitor.js'),
  'monitor-start': pageScript('monitor-start', 'VigieMonitorStart', 'monitor-start.js'),
};

export default defineConfig(({ mode }) => {
  const group = groups[mode];
  if (!group) throw new Error(`No build group "${mode}": one of ${Object.keys(groups).join(', ')}`);
  return group;
});
