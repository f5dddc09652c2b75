import { describe, expect, it } from 'vitest';
import {
  isCrisisFilter,
  isMentionFilter,
  matchesWords,
  MAX_WORD_LENGTH,
  MAX_WORDS,
  mentionWords,
  queryWords,
  wordsOf,
} from '../../../../src/core/model/search';

describe('search words', () => {
  it('cut text into distinct words, single letters left out, long words cut', () => {
    expect(wordsOf("C'est l'arnaque : l'ARNAQUE du siècle, 100 % remboursé !")).toEqual([
      'est',
      'arnaque',
      'du',
      'siecle',
      '100',
      'rembourse',
    ]);
    const long = 'x'.repeat(80);
    expect(wordsOf(`see ${long}`)).toEqual(['see', 'x'.repeat(MAX_WORD_LENGTH)]);
  });

  it('find a mention by its tags, site, title, quote and note; a long quote never crowds out the short fields', () => {
    const words = mentionWords({
      tags: ['Presse', 'twitter'],
      site: 'avis.example',
      pageTitle: 'Avis : Brasserie Lumen',
      quote: Array.from({ length: 300 }, (_, i) => `mot${i}`).join(' '),
      note: 'rappeler le client',
    });
    expect(words).toHaveLength(MAX_WORDS);
    expect(words.slice(0, 6)).toEqual([
      'presse',
      'twitter',
      'avis',
      'example',
      'brasserie',
      'lumen',
    ]);
    expect(words).toContain('mot0');
    expect(words).not.toContain('rappeler');
  });

  it('match every query word as the beginning of a word', () => {
    const words = wordsOf('Refund refused: the price is élevé');
    expect(matchesWords(words, queryWords('refun'))).toBe(true);
    expect(matchesWords(words, queryWords('ELEVE price'))).toBe(true);
    expect(matchesWords(words, queryWords('fund'))).toBe(false);
    expect(matchesWords(words, queryWords('refund cheap'))).toBe(false);
    expect(matchesWords(words, queryWords('  '))).toBe(true);
  });

  it('drop a query word that begins another (the longer one implies it)', () => {
    expect(queryWords('ref Refund re-fund')).toEqual(['refund', 'fund']);
    expect(queryWords('a b a')).toEqual(['a', 'b']);
  });
});

describe('filters from another context', () => {
  it('accept known fields of the right type only', () => {
    expect(isMentionFilter({})).toBe(true);
    expect(
      isMentionFilter({
        q: 'refund',
        tone: 'negative',
        site: 'x.example',
        tag: 'press',
        from: '2026-11-01T00:00:00.000Z',
        to: '2026-12-01T00:00:00.000Z',
        sort: 'oldest',
        unused: undefined,
      }),
    ).toBe(true);
    expect(isMentionFilter({ tone: 'angry' })).toBe(false);
    expect(isMentionFilter({ from: 'yesterday' })).toBe(false);
    expect(isMentionFilter({ q: 3 })).toBe(false);
    expect(isMentionFilter({ q: 'x'.repeat(2000) })).toBe(false);
    expect(isMentionFilter({ crisis: 'c1' })).toBe(false);
    expect(isMentionFilter(null)).toBe(false);
    expect(isMentionFilter(['q'])).toBe(false);

    expect(isCrisisFilter({ q: 'storm', level: 3, step: 'assess', sort: 'newest' })).toBe(true);
    expect(isCrisisFilter({ level: 5 })).toBe(false);
    expect(isCrisisFilter({ step: 'closed' })).toBe(false);
  });
});
