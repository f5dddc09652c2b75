import { describe, expect, it } from 'vitest';
import type { Mention } from '../../../../src/core/model/types';
import { effectiveTone } from '../../../../src/core/sentiment/effective-tone';

type ToneFields = Pick<Mention, 'tone' | 'toneSource' | 'quote' | 'lang'>;
const mention = (fields: Partial<ToneFields>): ToneFields => ({
  tone: 'negative',
  toneSource: 'auto',
  quote: '',
  lang: null,
  ...fields,
});

describe("effectiveTone: the user's tone wins", () => {
  it('returns the tone the user set, whatever the quote says', () => {
    const m = mention({ tone: 'positive', toneSource: 'user', quote: 'Une arnaque totale.' });
    expect(effectiveTone(m)).toBe('positive');
    expect(effectiveTone(m, [{ word: 'arnaque', rule: 'always-negative' }])).toBe('positive');
  });

  it("suggests the quote's tone while the user has not set one", () => {
    expect(effectiveTone(mention({ quote: 'Une arnaque totale.' }))).toBe('negative');
    expect(effectiveTone(mention({ quote: 'Service impeccable, merci !' }))).toBe('positive');
    expect(effectiveTone(mention({ quote: 'Le magasin ouvre à neuf heures.' }))).toBe('neutral');
  });

  it("applies the user's current word rules to suggested tones", () => {
    const m = mention({ quote: 'La bande-annonce de War Zone est sortie.' });
    expect(effectiveTone(m, [{ word: 'War Zone', rule: 'never-negative' }])).toBe('neutral');
  });

  it('keeps the flagged tone of a mention without a quote', () => {
    expect(effectiveTone(mention({ tone: 'neutral', quote: '  ' }))).toBe('neutral');
  });

  it("falls back on the page's declared language when the quote gives no clue", () => {
    expect(effectiveTone(mention({ quote: 'nul', lang: 'fr-FR' }))).toBe('negative');
  });
});
