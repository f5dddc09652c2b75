/**
 * The shape of the code: no import cycle in `src/` (type-only imports included: a cycle of
 * types still means two modules that cannot be read, moved or tested one without the other),
 * and the crisis log's rooms: none imports a sibling room's screen (a `*-view.tsx`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, importGraph } from './import-graph';

const SRC = join(import.meta.dirname, '../../../src');

describe('the import graph of src/', () => {
  const graph = importGraph(SRC);

  it('is read whole: every module, its type-only imports included', () => {
    expect(graph.size).toBeGreaterThan(100);
    // A type-only import is an edge: the protocol's types of the model.
    expect(graph.get('core/messaging/protocol.ts')).toContain('core/model/types.ts');
  });

  it('finds a cycle when there is one', () => {
    const looped = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(cycles(looped)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });

  it('has no cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('keeps the crisis log in rooms, none importing a sibling room’s screen', () => {
    const room = (file: string) => /^dashboard\/([^/]+)\//.exec(file)?.[1] ?? null;
    const rooms = new Set([...graph.keys()].map(room).filter(Boolean));
    expect([...rooms].sort()).toEqual([
      'backup',
      'charts',
      'crisis',
      'evidence',
      'feeds',
      'log',
      'settings',
    ]);
    const crossings = [...graph].flatMap(([file, imports]) =>
      imports
        .filter((target) => /-view\.tsx$/.test(target))
        .filter((target) => room(file) && room(target) && room(file) !== room(target))
        .map((target) => `${file} -> ${target}`),
    );
    expect(crossings).toEqual([]);
  });
});

describe('the sources of src/', () => {
  it('each open with their purpose, in a comment', () => {
    const silent = [...importGraph(SRC).keys()].filter(
      (file) => !/^\s*(\/\*|\/\/)/.test(readFileSync(join(SRC, file), 'utf8')),
    );
    expect(silent).toEqual([]);
  });
});
