import { describe, expect, it } from 'vitest';
import { upsertById } from '../../../../../src/core/model/crisis-change/upsert-by-id';

describe('a list kept by id', () => {
  const list = [
    { id: 'a', n: 1 },
    { id: 'b', n: 2 },
  ];

  it('replaces the row of the same id in its place, the list itself untouched', () => {
    expect(upsertById(list, { id: 'a', n: 3 })).toEqual([
      { id: 'a', n: 3 },
      { id: 'b', n: 2 },
    ]);
    expect(list[0]).toEqual({ id: 'a', n: 1 });
  });

  it('adds a row of a new id at the end', () => {
    expect(upsertById(list, { id: 'c', n: 4 }).map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });
});
