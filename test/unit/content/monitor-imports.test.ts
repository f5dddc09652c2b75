/**
 * A guard on the monitoring script's weight: it runs in every page visited, so the scorer (its
 * word lists are most of a build's weight) stays out of it; the background scores sightings.
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
});
