import { describe, expect, it } from 'vitest';
import {
  compareTimes,
  isoOf,
  isPacked,
  packIds,
  packList,
  timeOf,
  unpackIds,
  type Time,
} from '../../../../src/core/db/posting-pack';
import { LIMITS } from '../../../../src/core/model/limits';

/** Times the schemas accept (valibot's isoTimestamp), most of which no number gives back. */
const ODD_TIMES = [
  '2026-10-02T08:15:00Z',
  '2026-10-02 08:15:00.000Z',
  '2026-10-02T08:15:00.123456Z',
  '2026-10-02T08:15:00.1Z',
  '2026-10-02T08:15:00.000+02:00',
  '2026-10-02T10:15:00.000+0200',
  '2026-10-02T08:15:00.000 +02',
  '2026-02-31T08:15:00.000Z',
  '2026-10-02T24:00:00.000Z',
  '+010000-01-01T00:00:00.000Z',
  '-000001-01-01T00:00:00.000Z',
];

describe('packed capture times', () => {
  it('are epoch ms for the times toISOString writes, giving them back exactly', () => {
    for (const iso of [
      '2026-10-02T08:15:00.000Z',
      '1970-01-01T00:00:00.000Z',
      '0000-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
      new Date().toISOString(),
    ]) {
      const time = timeOf(iso);
      expect(typeof time, iso).toBe('number');
      expect(isoOf(time)).toBe(iso);
    }
  });

  it('stay the text itself for any other form, even one Date.parse reads', () => {
    for (const iso of [...ODD_TIMES, '', 'yesterday', '2026-10-02T08:15:00.000z']) {
      expect(timeOf(iso), iso).toBe(iso);
      expect(isoOf(timeOf(iso))).toBe(iso);
    }
  });

  it('compare as their texts do, numbers and texts mixed', () => {
    const isos = [
      ...ODD_TIMES,
      '2026-10-02T08:15:00.000Z',
      '2026-10-02T08:15:00.001Z',
      '2026-10-02T06:15:00.000Z',
      '0999-01-01T00:00:00.000Z',
      '2026-10-02T08:15:00.000Z',
    ];
    const sign = (n: number) => Math.sign(n);
    for (const a of isos) {
      for (const b of isos) {
        const byText = a < b ? -1 : a > b ? 1 : 0;
        expect(sign(compareTimes(timeOf(a), timeOf(b))), `${a} / ${b}`).toBe(byText);
      }
    }
  });
});

describe('packed ids', () => {
  const unusual = [
    'c0ffee00-0000-4000-8000-000000000001',
    '',
    'm-1',
    'é',
    'Ökonomie — 東京 😀',
    '\u0000\u0001\u001f',
    '\ud800',
    'x\udc00y',
    '\uffff\ufffe',
    String.fromCharCode(36) + 'not a length',
    '😀'.repeat(LIMITS.id / 2),
    'x'.repeat(LIMITS.id),
  ];

  it('come back exactly, whatever their characters, the longest allowed included', () => {
    expect('😀'.repeat(LIMITS.id / 2)).toHaveLength(LIMITS.id);
    expect(unpackIds(packIds(unusual))).toEqual(unusual);
    for (const id of unusual) expect(unpackIds(packIds([id]))).toEqual([id]);
    expect(unpackIds(packIds([]))).toEqual([]);
  });

  it('cost one code unit each beyond their own', () => {
    const ids = ['a', 'bc', '😀'];
    expect(packIds(ids)).toHaveLength(1 + 1 + 1 + 2 + 1 + 2);
  });

  it('come back exactly past the longest a single code unit can count', () => {
    const long = ['a'.repeat(0xfffe), 'b'.repeat(0xffff), 'c'.repeat(0x1ffff), 'd'];
    expect(unpackIds(packIds(long))).toEqual(long);
  });

  it('come back exactly from the structured clone IndexedDB stores', () => {
    expect(unpackIds(structuredClone(packIds(unusual)))).toEqual(unusual);
  });
});

describe('packed lists', () => {
  it('hold their times in a Float64Array when every time is a number', () => {
    const at = ['2026-10-02T08:15:00.000Z', '2026-10-03T08:15:00.000Z'].map(timeOf);
    const list = packList(at, ['a', 'b']);
    expect(list.at).toBeInstanceOf(Float64Array);
    expect([...list.at]).toEqual(at);
    expect(unpackIds(list.ids)).toEqual(['a', 'b']);
    expect(isPacked(list)).toBe(true);
    const copy = structuredClone(list);
    expect(copy.at).toBeInstanceOf(Float64Array);
    expect([...copy.at].map(isoOf)).toEqual([
      '2026-10-02T08:15:00.000Z',
      '2026-10-03T08:15:00.000Z',
    ]);
  });

  it('hold them in a plain array when one is a text, each as it was', () => {
    const isos = ['2026-10-02T08:15:00Z', '2026-10-02T08:15:00.000Z'];
    const at: Time[] = isos.map(timeOf);
    const list = packList(at, ['a', 'b']);
    expect(Array.isArray(list.at)).toBe(true);
    expect([...list.at].map(isoOf)).toEqual(isos);
  });

  it('are told apart from the lists of schemas 4 and 5', () => {
    expect(isPacked({ at: ['2026-10-02T08:15:00.000Z'], id: ['a'] })).toBe(false);
    expect(isPacked(packList([], []))).toBe(true);
  });
});
