/**
 * The background's scoring of a page's sightings: in the page's language, with the user's word
 * rules, and once per sentence when the page's script sends the same sightings again.
 */
import { describe, expect, it } from 'vitest';
import { sightingId, type PageSighting } from '../../../../src/core/monitoring/report';
import { scoreSightings, scoringLang } from '../../../../src/core/monitoring/score-sightings';

function sighting(exact: string): PageSighting {
  return {
    id: sightingId('acme', exact),
    termId: 'acme',
    term: 'ACME',
    sentence: exact,
    exact,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact },
      position: { type: 'TextPositionSelector', start: 0, end: exact.length },
    },
  };
}

const negativity = (sightings: { score: number; negative: boolean }[]) =>
  sightings.map((s) => [s.negative, s.score > 0]);

describe('scoreSightings', () => {
  it('scores each sentence, rounded to three decimals, and keeps the rest of the sighting', () => {
    const page = [sighting('ACME opened a shop.'), sighting('ACME is a scam.')];
    const scored = scoreSightings(page, { lang: 'en', rules: [] });
    expect(negativity(scored)).toEqual([
      [false, false],
      [true, true],
    ]);
    expect(scored[1]!.score).toBe(Math.round(scored[1]!.score * 1000) / 1000);
    expect(scored.map(({ score: _s, negative: _n, ...rest }) => rest)).toEqual(page);
  });

  it("reads the sentence in the page's language, or tells it from the sentence", () => {
    // "pain" is negative in English only.
    const page = [sighting('ACME, pain au chocolat.')];
    expect(scoreSightings(page, { lang: 'en-GB', rules: [] })[0]!.negative).toBe(true);
    expect(scoreSightings(page, { lang: 'fr', rules: [] })[0]!.negative).toBe(false);
    expect(scoreSightings(page, { lang: null, rules: [] })[0]!.negative).toBe(false);
    expect([scoringLang('FR-ca'), scoringLang('en'), scoringLang('de'), scoringLang(null)]).toEqual(
      ['fr', 'en', undefined, undefined],
    );
  });

  it("follows the user's word rules", () => {
    const page = [sighting('ACME is a scam.'), sighting('ACME opened a shop.')];
    const scored = scoreSightings(page, {
      lang: 'en',
      rules: [
        { word: 'scam', rule: 'never-negative' },
        { word: 'shop', rule: 'always-negative' },
      ],
    });
    expect(scored.map((s) => s.negative)).toEqual([false, true]);
  });

  it('does not score again a sighting already scored, unless its sentence differs', () => {
    const [kept, fresh] = [sighting('ACME opened a shop.'), sighting('ACME is a scam.')];
    const known = [
      { ...kept, score: 0.5, negative: true },
      // The same id for another sentence (a fingerprint's collision): scored anew.
      { ...fresh, exact: 'ACME is fine.', score: 0, negative: false },
    ];
    const scored = scoreSightings([kept, fresh], { lang: 'en', rules: [] }, known);
    expect(scored.map((s) => [s.score, s.negative])).toEqual([
      [0.5, true],
      [scored[1]!.score, true],
    ]);
    expect(scored[1]!.score).toBeGreaterThan(0.5);
  });
});
