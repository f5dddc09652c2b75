/**
 * The scorer's global settings. Each was chosen from whole evaluation sets' figures
 * (`npm run eval`), never from single sentences; the word ratings come from the lexicons.
 */
export const PARAMS = {
  /** How many words after a negation it still turns ("not very good at all"). */
  negationWindow: 3,
  /** A negated positive word ("pas bon", "not good") keeps this share of its weight, reversed. */
  negatedPositive: -0.75,
  /** A negated negative word ("pas mauvais", "not bad") is faint praise, not negativity. */
  negatedNegative: -0.4,
  /** A negation that turns no rated word ("it doesn't work", "pas reçu") still leans negative. */
  bareNegation: -1.5,
  /** "Too"/"trop" before a word no list rates: "too small", "trop de monde". */
  excess: -1,
  /**
   * Negative words count this many times their rating: complaints are often worded mildly and
   * praise generously (the "negativity bias" lexicon methods correct for).
   */
  negativeBias: 1.5,
  /** Share of its weight an intensifier ("très", "really") adds, a diminisher ("un peu") takes. */
  booster: 0.3,
  dampener: 0.4,
  /** A word in capitals in a text that is not all capitals is stressed. */
  capitals: 0.3,
  /** Each "!" (up to 4) adds this much to the text's total, in its direction. */
  exclamation: 0.292,
  /** Around "but"/"mais" the clause after weighs more than the one before. */
  beforeContrast: 0.5,
  afterContrast: 1.5,
  /** The clause a concession opens ("although", "même si") weighs less. */
  conceded: 0.5,
  /** Squashes the total into -1 … 1 as VADER does: total / sqrt(total² + alpha). */
  alpha: 15,
  /** Negativity (0 … 1) from which a text is called negative. */
  negativeAt: 0.05,
  /** Positivity from which a text's suggested tone is positive. */
  positiveAt: 0.3,
};
