import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../src/core/sentiment/tokenize';

const norms = (text: string) => tokenize(text).map((t) => t.norm);

describe('tokenize', () => {
  it('splits French elisions, with straight or typographic apostrophes', () => {
    expect(norms("l'arnaque d'escroquerie qu’il n’a")).toEqual([
      "l'",
      'arnaque',
      "d'",
      'escroquerie',
      "qu'",
      'il',
      "n'",
      'a',
    ]);
    expect(norms("jusqu'au bout, aujourd'hui")).toEqual([
      "jusqu'",
      'au',
      'bout',
      ',',
      "aujourd'hui",
    ]);
  });

  it('keeps an elided word written apart in pre-tokenised text', () => {
    expect(norms("ce n' est pas")).toEqual(['ce', "n'", 'est', 'pas']);
  });

  it("keeps English n't as a word of its own and drops 's, 're, 'll", () => {
    expect(norms("I don't think it's what they'll want")).toEqual([
      'i',
      'do',
      "n't",
      'think',
      'it',
      'what',
      'they',
      'want',
    ]);
  });

  it('folds case and accents, and keeps what was written', () => {
    const [token] = tokenize('DÉÇU');
    expect(token).toEqual({ text: 'DÉÇU', norm: 'decu', kind: 'word' });
  });

  it('reads emoji and emoticons, not the colons of times or links', () => {
    const kinds = tokenize('Livré à 10:30 😡👎🏽 :( https://example.com/a:b xD').map((t) => [
      t.kind,
      t.norm,
    ]);
    expect(kinds).toEqual([
      ['word', 'livre'],
      ['word', 'a'],
      ['word', '10'],
      ['pause', ':'],
      ['word', '30'],
      ['emoji', '😡'],
      ['emoji', '👎'],
      ['emoticon', ':('],
      ['emoticon', 'xd'],
    ]);
  });

  it('marks sentence ends and clause breaks', () => {
    expect(tokenize('Bon, mais non !').map((t) => t.kind)).toEqual([
      'word',
      'pause',
      'word',
      'word',
      'stop',
    ]);
  });
});
