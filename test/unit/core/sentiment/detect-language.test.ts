import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../../src/core/sentiment/detect-language';

describe('detectLanguage', () => {
  it('tells French from English by their frequent words', () => {
    expect(detectLanguage('Le colis est arrivé avec une semaine de retard.')).toBe('fr');
    expect(detectLanguage('The parcel arrived a week late and nobody answered.')).toBe('en');
  });

  it('reads French from its accents and elisions alone', () => {
    expect(detectLanguage('Très déçu')).toBe('fr');
    expect(detectLanguage("J'adore")).toBe('fr');
  });

  it('says nothing when the text gives no clue', () => {
    expect(detectLanguage('OK')).toBeNull();
    expect(detectLanguage('Top 👍')).toBeNull();
    expect(detectLanguage('')).toBeNull();
  });
});
