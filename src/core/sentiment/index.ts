/**
 * Vigie's negativity scorer, French and English, offline: no browser API, no network. Its
 * published word lists are handed over before the first score (published.ts); the background
 * runs it (the content script only sends sentences).
 */
export { detectLanguage, type Lang } from './detect-language';
export { effectiveTone } from './effective-tone';
export {
  scoreNegativity,
  type Negativity,
  type NegativityHit,
  type ScoreOptions,
} from './score-negativity';
