/**
 * Vigie's negativity scorer, French and English, offline and small enough for the content
 * script: no browser API, no network, word lists compiled in.
 */
export { detectLanguage, type Lang } from './detect-language';
export { effectiveTone } from './effective-tone';
export {
  scoreNegativity,
  type Negativity,
  type NegativityHit,
  type ScoreOptions,
} from './score-negativity';
