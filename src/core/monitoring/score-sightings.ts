/**
 * How negative each sighting of a page reads. The background scores them, not the page's
 * script: the scorer's word lists would otherwise be loaded into every page visited.
 */
import type { WordRule } from '../model/types';
import { scoreNegativity, type Lang } from '../sentiment';
import type { PageSighting, ScoredSighting } from './report';

/** The scorer's language for a page's `lang` attribute; undefined: told from each sentence. */
export function scoringLang(lang: string | null): Lang | undefined {
  const tag = lang?.toLowerCase() ?? '';
  if (tag.startsWith('fr')) return 'fr';
  if (tag.startsWith('en')) return 'en';
  return undefined;
}

/**
 * `sightings` with how negative each sentence reads, in the page's language (`lang`, its `lang`
 * attribute) and with the user's word rules. A sighting of `known` (same id, same sentence,
 * scored with the same language and rules) keeps its score and is not scored again: a page's
 * script sends all its sightings in every report.
 */
export function scoreSightings(
  sightings: readonly PageSighting[],
  options: { lang: string | null; rules: readonly WordRule[] },
  known: readonly ScoredSighting[] = [],
): ScoredSighting[] {
  const scored = new Map(known.map((s) => [s.id, s]));
  const lang = scoringLang(options.lang);
  return sightings.map((sighting) => {
    const before = scored.get(sighting.id);
    if (before?.exact === sighting.exact) {
      return { ...sighting, score: before.score, negative: before.negative };
    }
    const negativity = scoreNegativity(sighting.exact, { lang, rules: options.rules });
    return {
      ...sighting,
      score: Math.round(negativity.score * 1000) / 1000,
      negative: negativity.negative,
    };
  });
}
