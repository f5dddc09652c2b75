import { describe, expect, it } from 'vitest';
import { languageData, wordWeight } from '../../../../src/core/sentiment/lexicon';
import { tokenize } from '../../../../src/core/sentiment/tokenize';
import { EN_WORDS } from '../../../../src/core/sentiment/words-en';
import { FR_WORDS } from '../../../../src/core/sentiment/words-fr';
import { SHARED_WORDS } from '../../../../src/core/sentiment/words-shared';

const fr = languageData('fr').lexicon;
const en = languageData('en').lexicon;

describe("Vigie's own word lists", () => {
  it('name only words, emoji and emoticons the tokenizer reads as such', () => {
    for (const list of [FR_WORDS, EN_WORDS, SHARED_WORDS]) {
      for (const line of list.split('\n')) {
        const [rating, ...entries] = line.trim().split(/\s+/);
        if (!rating) continue;
        expect(Number.isFinite(Number(rating)), line).toBe(true);
        for (const entry of entries) {
          const tokens = tokenize(entry.replace(/\*$/, '').replace(/_/g, ' '));
          expect(tokens.length, entry).toBeGreaterThan(0);
          expect(
            tokens.every((t) => t.kind !== 'stop' && t.kind !== 'pause'),
            entry,
          ).toBe(true);
          if (list === SHARED_WORDS) expect(tokens, entry).toHaveLength(1);
        }
      }
    }
  });
});

describe('wordWeight', () => {
  it("prefers Vigie's own rating, then its word beginnings, to the published list's", () => {
    // Pattern rates "absurde" positive; VADER rates "lawsuit" mildly: Vigie corrects both.
    expect(wordWeight(fr, 'absurde')).toBeLessThan(0);
    expect(wordWeight(en, 'lawsuit')).toBeLessThanOrEqual(-3);
    expect(wordWeight(fr, 'arnaqueurs')).toBeLessThanOrEqual(-3);
  });

  it('finds inflected forms and adverbs from a listed form', () => {
    expect(wordWeight(fr, 'horriblement')).toBe(wordWeight(fr, 'horrible'));
    expect(wordWeight(fr, 'decevantes')).toBe(wordWeight(fr, 'decevant'));
    expect(wordWeight(en, 'disappoints')).toBeLessThan(0);
  });

  it('puts stretched letters back', () => {
    expect(wordWeight(fr, 'nuuuul')).toBe(wordWeight(fr, 'nul'));
    expect(wordWeight(en, 'baaaad')).toBe(wordWeight(en, 'bad'));
  });

  it('leaves unrated words unrated', () => {
    expect(wordWeight(fr, 'table')).toBeUndefined();
    expect(wordWeight(en, 'table')).toBeUndefined();
  });
});
