// What `npm run eval` and `npm run bench -- --feeds` measure: a piece of src/ bundled and
// minified as the build ships it (Vite, library mode, ES modules), then imported in Node, so
// that their figures are the shipped code's, with its gzipped size.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/**
 * Bundles `entries` ({ name: path }), then calls `use` with the chunks and `load(name)`, which
 * imports an entry's module; the bundle is deleted once `use` is done. With `legalComments`,
 * licence notices (/*! … *\/) stay in the code, as the build keeps them.
 */
export async function withShippedModules(entries, use, { legalComments = false } = {}) {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      ...(legalComments ? { rolldownOptions: { output: { comments: { legal: true } } } } : {}),
      lib: { entry: entries, formats: ['es'] },
    },
  });
  const chunks = (Array.isArray(out) ? out : [out])
    .flatMap((o) => o.output)
    .filter((c) => c.type === 'chunk');
  const dir = mkdtempSync(join(tmpdir(), 'vigie-shipped-'));
  try {
    for (const chunk of chunks) writeFileSync(join(dir, chunk.fileName), chunk.code);
    const load = (name) => {
      const chunk = chunks.find((c) => c.isEntry && c.name === name);
      return import(pathToFileURL(join(dir, chunk.fileName)).href);
    };
    return await use({ chunks, load });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Gzip (level 9) size of `chunks`, in kB. */
export function gzippedKb(chunks) {
  return chunks.reduce((n, c) => n + gzipSync(c.code, { level: 9 }).length, 0) / 1024;
}
