import { describe, expect, it } from 'vitest';
import { compileWatchlist, sentenceAround } from '../../../../src/core/monitoring/watch';

const watchlist = compileWatchlist([
  { id: 'acme', term: 'ACME', aliases: ['Acmé Café', 'Jean Dupont'] },
  { id: 'lumen', term: 'Lumen Coffee', aliases: [] },
]);
const terms = (text: string) =>
  watchlist.find(text).map((s) => [s.term, text.slice(s.start, s.end)]);

describe('watched terms', () => {
  it('finds a term and its aliases whatever the case and accents, as the page wrote them', () => {
    expect(terms('acme a répondu. ACMÉ aussi. Chez acme cafe, Jean  Dupont signe.')).toEqual([
      ['ACME', 'acme'],
      ['ACME', 'ACMÉ'],
      ['ACME', 'acme cafe'],
      ['ACME', 'Jean  Dupont'],
    ]);
  });

  it('matches whole words only, French elisions included', () => {
    expect(terms("l'ACME, d’ACME et qu'Acme")).toEqual([
      ['ACME', 'ACME'],
      ['ACME', 'ACME'],
      ['ACME', 'Acme'],
    ]);
    expect(terms('ACMEs, ACME2, acmeshop and ACME_bot are other words')).toEqual([]);
  });

  it('prefers the longest of overlapping names, and finds nothing with an empty list', () => {
    expect(terms('I love Lumen Coffee')).toEqual([['Lumen Coffee', 'Lumen Coffee']]);
    expect(compileWatchlist([]).find('ACME')).toEqual([]);
  });

  it('gives the sentence around a sighting, trimmed', () => {
    const text = 'Great staff. But ACME charged me twice!   Never again.';
    const at = text.indexOf('ACME');
    expect(sentenceAround(text, at, at + 4)).toBe('But ACME charged me twice!');
  });

  it('ends a sentence only where a full stop is followed by a blank, quotes included', () => {
    const text = 'Cher. À 5,40 €, ou $5.40 a cup, ACME (acme.example) should do better.» Bof.';
    const at = text.indexOf('ACME');
    expect(sentenceAround(text, at, at + 4)).toBe(
      'À 5,40 €, ou $5.40 a cup, ACME (acme.example) should do better.»',
    );
    const quoted = '“Never again.” ACME said nothing!” Then';
    const q = quoted.indexOf('ACME');
    expect(sentenceAround(quoted, q, q + 4)).toBe('ACME said nothing!”');
  });
});
