/**
 * A guard on the monitoring scripts' weight. The start script runs in every page visited while
 * monitoring is on, before the page has loaded: it loads nothing but its wait for the load
 * event. No script in a page carries webextension-polyfill: they only send and answer messages. The watch runs in every loaded page, so the scorer (its word lists are most of a
 * build's weight) stays out of it; the background finds and scores sightings, so that no code
 * that knows the watchlist runs beside a page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(import.meta.dirname, '../../../src');

/** The source file an import names, or null for a package. */
function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  const found = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base].find(
    (file) => /\.tsx?$/.test(file) && existsSync(file),
  );
  if (!found) throw new Error(`${spec} (from ${from}) not found`);
  return found;
}

/** Every source file `entry` loads (type-only imports left out: the build drops them). */
function loaded(entry: string): string[] {
  const seen = new Set<string>([entry]);
  for (const file of seen) {
    const code = readFileSync(file, 'utf8');
    const imports = /^\s*(?:import|export)(?!\s+type\s)(?:[^;'"]*?\bfrom)?\s*['"]([^'"]+)['"]/gm;
    for (const [, spec] of code.matchAll(imports)) {
      const target = resolveImport(file, spec!);
      if (target) seen.add(target);
    }
  }
  return [...seen].map((file) => relative(src, file));
}

describe('the monitoring script', () => {
  it('does not load the negativity scorer', () => {
    const files = loaded(resolve(src, 'content/monitor.ts'));
    expect(files).toContain('content/page-watch.ts');
    expect(files.filter((f) => f.startsWith('core/sentiment/'))).toEqual([]);
  });

  it('holds no watched-term matching: what a page is searched for never runs in the page', () => {
    const files = loaded(resolve(src, 'content/monitor.ts'));
    expect(files).toContain('content/read-page.ts');
    expect(files).not.toContain('core/monitoring/watch.ts');
    expect(files).not.toContain('core/monitoring/analyze.ts');
  });
});

describe('the monitoring start script', () => {
  it('loads nothing but its wait for the page to load and its one message', () => {
    expect(loaded(resolve(src, 'content/monitor-start.ts')).sort()).toEqual([
      'content/monitor-start.ts',
      'content/page-loaded.ts',
      'content/runtime.ts',
    ]);
  });
});

describe('every script Vigie puts in a page', () => {
  it('messages through the browser’s own namespace, without webextension-polyfill', () => {
    for (const entry of ['index', 'monitor', 'monitor-start']) {
      const files = loaded(resolve(src, `content/${entry}.ts`));
      expect(files).toContain('content/runtime.ts');
      expect(files).not.toContain('core/browser.ts');
      for (const file of files) {
        // Not even a package: the polyfill would be most of each script.
        const code = readFileSync(resolve(src, file), 'utf8');
        expect(code).not.toMatch(/^\s*import\s(?!type\s)[^;]*from\s*['"]webextension-polyfill/m);
      }
    }
  });
});
