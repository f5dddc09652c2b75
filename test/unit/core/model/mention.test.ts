import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../../src/core/model/hash';
import {
  applyMentionPatch,
  canonicalCapture,
  normalizeTags,
  pageKeyOf,
  siteOf,
} from '../../../../src/core/model/mention';
import { mention } from '../../helpers';

describe('mention model', () => {
  it('keys a page without its fragment and names its site', () => {
    expect(pageKeyOf('https://a.example/p?q=1#c')).toBe('https://a.example/p?q=1');
    expect(siteOf('https://www.a.example/p')).toBe('www.a.example');
    expect(siteOf('not a url')).toBe('');
  });

  it('hashes the capture only: notes, tags, tone and reach never change the evidence hash', async () => {
    const m = mention();
    const before = await sha256Hex(canonicalCapture(m));
    const edited = applyMentionPatch(
      m,
      { note: 'n', tags: ['a'], tone: 'neutral', reach: 'high' },
      m.capturedAt,
    );
    expect(await sha256Hex(canonicalCapture(edited))).toBe(before);
    expect(await sha256Hex(canonicalCapture({ ...m, quote: 'other' }))).not.toBe(before);
    expect(before).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lets the user override the suggested tone and marks the mention triaged', () => {
    const m = mention();
    const edited = applyMentionPatch(m, { tone: 'positive' }, '2026-11-21T10:00:00.000Z');
    expect(edited).toMatchObject({
      tone: 'positive',
      toneSource: 'user',
      triagedAt: '2026-11-21T10:00:00.000Z',
    });
  });

  it('cleans tags: trimmed, no empties, no repeats', () => {
    expect(normalizeTags([' press ', '', 'press', 'legal  team'])).toEqual(['press', 'legal team']);
  });
});
