/**
 * The build groups: the background, the popup and the crisis log, each a build of its own
 * (modes "background", "popup", "dashboard"), then each script that runs in pages alone as one
 * classic IIFE file, since a script injected into a page cannot be an ES module: the capture
 * script (mode "content") and the monitoring scripts (modes "monitor", "monitor-start").
 *
 * The background is one classic IIFE file too, not a module worker: Chromium keeps a compiled
 * copy (V8's code cache) of an installed classic service worker and none of a module one, so a
 * module worker parsed and compiled its 210 kB again at every start (~20 ms of ~70 here), and
 * the worker starts again after 30 s idle, before a flag, a popup or an alarm is answered. A
 * module worker could not load code lazily either (no import() in a service worker).
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
import { VADER_EN } from './src/core/sentiment/lexicon-en.ts';
import { PATTERN_FR } from './src/core/sentiment/lexicon-fr.ts';
import { thirdPartyNotices } from './scripts/lib/third-party-notices.mjs';

const root = import.meta.dirname;
const outDir = resolve(root, 'extension');

/**
 * Copies the manifest (with package.json's version), icons, locales and the monitoring
 * script's stylesheet (registered beside it, never imported) into extension/, writes the
 * scorer's published word lists as files the worker reads on first scoring
 * (core/sentiment/published.ts), and the licences of what the extension holds.
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
      mkdirSync(resolve(outDir, 'word-lists'), { recursive: true });
      writeFileSync(resolve(outDir, 'word-lists/en.txt'), VADER_EN);
      writeFileSync(resolve(outDir, 'word-lists/fr.txt'), PATTERN_FR);
      writeFileSync(resolve(outDir, 'THIRD-PARTY-NOTICES.txt'), thirdPartyNotices(root));
    },
  };
}

/**
 * webextension-polyfill read as an ES module. It is a UMD file: imported as CommonJS, the
 * bundler's interop copies each property of its export onto a new object, and where the browser
 * has a `browser` of its own (Firefox; Chromium since its `browser` namespace) that export is
 * the browser's namespace itself. Reading each of its properties makes the browser build every
 * API it holds, about 3 ms of CPU at each start of the worker and each opening of a page.
 */
function polyfillAsModule(): Plugin {
  return {
    name: 'vigie-polyfill-as-module',
    transform(code, id) {
      if (!id.endsWith('/webextension-polyfill/dist/browser-polyfill.js')) return null;
      return {
        code: `const module = { exports: {} };\nconst exports = module.exports;\n${code}\nexport default module.exports;\n`,
        map: null,
      };
    },
  };
}

/**
 * Every script is written in ASCII (rollupOptions `charset`), its other characters escaped: one
 * character past ASCII makes the browser decode a whole file into a two-byte string, slower to
 * decode, scan and compile (the worker's start: ~4 ms of decoding gone, and its code cache read
 * smaller).
 */
const shared: UserConfig = {
  logLevel: 'warn',
  build: { target: 'es2022', minify: true, sourcemap: false, reportCompressedSize: false },
};

/** A page of the extension (the popup, the crisis log), from its HTML, built on its own. */
function context(name: string, input: string): UserConfig {
  return {
    ...shared,
    root: resolve(root, 'src'),
    base: '',
    publicDir: false,
    plugins: [polyfillAsModule()],
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
          entryFileNames: 'assets/[name]-[hash].js',
          chunkFileNames: 'assets/[name]-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
          charset: 'ascii',
        },
      },
    },
  };
}

/** A classic script alone as one IIFE file: `src/<entry>.ts` → `<file>`. */
function classicScript(
  entry: string,
  name: string,
  file: string,
  plugins: Plugin[] = [],
): UserConfig {
  return {
    ...shared,
    publicDir: false,
    plugins,
    build: {
      ...shared.build,
      outDir,
      emptyOutDir: false,
      lib: {
        entry: resolve(root, `src/${entry}.ts`),
        formats: ['iife'],
        name,
        fileName: () => file,
      },
      // Strict, as the modules it is built from are.
      rollupOptions: { output: { strict: true, charset: 'ascii' } },
    },
  };
}

const groups: Record<string, UserConfig> = {
  background: classicScript('background/index', 'VigieBackground', 'background.js', [
    polyfillAsModule(),
    extensionFiles(),
  ]),
  popup: context('popup', 'src/popup/index.html'),
  dashboard: context('dashboard', 'src/dashboard/index.html'),
  content: classicScript('content/index', 'VigieContent', 'content.js'),
  monitor: classicScript('content/monitor', 'VigieMonitor', 'monitor.js'),
  'monitor-start': classicScript('content/monitor-start', 'VigieMonitorStart', 'monitor-start.js'),
};

export default defineConfig(({ mode }) => {
  const group = groups[mode];
  if (!group) throw new Error(`No build group "${mode}": one of ${Object.keys(groups).join(', ')}`);
  return group;
});
