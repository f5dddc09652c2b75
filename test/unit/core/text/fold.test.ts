import { describe, expect, it } from 'vitest';
import { foldSameLength, foldText, foldWord } from '../../../../src/core/text/fold';

describe('text folding', () => {
  it('folds case, accents and ligatures the way French and English readers type', () => {
    expect(foldText('Élevé, CŒUR, Straße, İstanbul, ﬁn')).toBe(
      'eleve, coeur, strasse, istanbul, fin',
    );
  });

  it('folds a word for the scorer, its typographic apostrophes made straight', () => {
    expect(foldWord('Cœur Brisé’')).toBe("coeur brise'");
    expect(foldWord('DON’T')).toBe("don't");
    // The scorer and search agree on every word with no apostrophe.
    expect(foldWord('Déçu, ÉNERVÉ')).toBe(foldText('Déçu, ÉNERVÉ'));
  });

  it('folds case and accents without moving any offset, for the watch', () => {
    expect(foldSameLength('Élodie à l’ÉCOLE')).toBe('elodie a l’ecole');
    expect(foldSameLength('Crème 😀 brûlée').length).toBe('Crème 😀 brûlée'.length);
    // A ligature would take two letters: it stays, so that offsets still hold.
    expect(foldSameLength('Cœur')).toBe('cœur');
  });
});
