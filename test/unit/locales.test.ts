import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
type Catalogue = Record<string, { message: string; placeholders?: Record<string, unknown> }>;
const load = (lang: string) =>
  JSON.parse(readFileSync(join(root, 'src/_locales', lang, 'messages.json'), 'utf8')) as Catalogue;
const en = load('en');
const fr = load('fr');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** The number of $n substitutions a message expects. */
const arity = (m: { message: string; placeholders?: Record<string, unknown> }) =>
  new Set([...m.message.matchAll(/\$(\d|[A-Z0-9_]+\$)/g)].map((x) => x[0])).size;

describe('French and English', () => {
  it('have the same keys', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('have a non-empty message for every key, with the same substitutions', () => {
    for (const key of Object.keys(en)) {
      expect(en[key]!.message.trim(), `en ${key}`).not.toBe('');
      expect(fr[key]?.message.trim(), `fr ${key}`).not.toBe('');
      expect(arity(fr[key]!), `fr ${key} substitutions`).toBe(arity(en[key]!));
    }
  });

  it("write French apostrophes one way, the typographic one (l’étape, not l'étape)", () => {
    const straight = Object.keys(fr).filter((key) => fr[key]!.message.includes("'"));
    expect(straight).toEqual([]);
  });

  it('cover every message the manifest and the code name', () => {
    const manifest = readFileSync(join(root, 'manifest.json'), 'utf8');
    const used = new Set([...manifest.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!));
    for (const file of sourceFiles(join(root, 'src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'(\w+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    for (const key of used) expect(en[key], `missing key ${key}`).toBeDefined();
  });

  it('say a count in real plural forms, never "(s)", each plural message in every form', () => {
    for (const [lang, catalogue] of [
      ['en', en],
      ['fr', fr],
    ] as const) {
      const halfway = Object.keys(catalogue).filter((key) =>
        /\p{L}\((s|es|x)\)/u.test(catalogue[key]!.message),
      );
      expect(halfway, lang).toEqual([]);
      for (const key of Object.keys(catalogue).filter((k) => k.endsWith('_other'))) {
        expect(catalogue[key.replace(/_other$/, '_one')], `${lang} ${key}: its _one`).toBeDefined();
      }
    }
    // The code asks for the plural messages it uses by their base name (tn).
    for (const file of sourceFiles(join(root, 'src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\btn\(\s*'(\w+)'/g)) {
        expect(en[`${m[1]}_other`], `missing plural ${m[1]}`).toBeDefined();
      }
    }
  });
});
