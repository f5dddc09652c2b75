/**
 * Two build groups, as WXT draws them: the extension pages and the module background in one
 * multi-page build (mode "app"), and the content script alone as one classic IIFE file
 * (mode "content"), since a script injected into a page cannot be an ES module.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const root = import.meta.dirname;
const outDir = resolve(root, 'extension');

/** Copies the manifest (with package.json's version), icons and locales into extension/. */
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
    },
  };
}

const shared: UserConfig = {
  logLevel: 'warn',
  build: { target: 'es2022', minify: true, sourcemap: false, reportCompressedSize: false },
};

const app: UserConfig = {
  ...shared,
  root: resolve(root, 'src'),
  base: '',
  publicDir: false,
  plugins: [extensionFiles()],
  build: {
    ...shared.build,
    outDir,
    // scripts/build.mjs empties extension/ once; the two groups then write beside each other.
    emptyOutDir: false,
    modulePreload: false,
    rollupOptions: {
      input: {
        popup: resolve(root, 'src/popup/index.html'),
        dashboard: resolve(root, 'src/dashboard/index.html'),
        background: resolve(root, 'src/background/index.ts'),
      },
      output: {
        entryFileNames: (chunk) =>
          chunk.name === 'background' ? 'background.js' : 'assets/[name]-[hash].js',
        chunkFileNames: 'assets/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
};

const content: UserConfig = {
  ...shared,
  publicDir: false,
  build: {
    ...shared.build,
    outDir,
    emptyOutDir: false,
    lib: {
      entry: resolve(root, 'src/content/index.ts'),
      formats: ['iife'],
      name: 'VigieContent',
      fileName: () => 'content.js',
    },
  },
};

export default defineConfig(({ mode }) => (mode === 'content' ? content : app));
