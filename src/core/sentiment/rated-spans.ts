/** The idioms, words and negations of a text that carry a rating. */
import { wordWeight, type Lexicon, type Modifiers } from './lexicon';
import type { Role } from './modifier-roles';
import type { Negation } from './negation';
import { PARAMS } from './params';
import { isBoundary, type Token } from './tokenize';

/** Words of a text that carry a rating. */
export interface Span {
  start: number;
  end: number;
  weight: number;
  /** An idiom with its own negation ("pas terrible", "sert à rien") is not turned again. */
  selfNegated: boolean;
}

// Before a word no list rates, these say "excess": "too small", "trop de monde".
const EXCESS = new Set(['too', 'trop']);

/**
 * The rated spans of a text, in order: idioms first (the longest that fits, neutral ones too),
 * then single words, then the negations that turn no rated word ("it doesn't work", "pas reçu")
 * and the excess of "too"/"trop", which lean negative. Tokens a user rule neutralised are never
 * rated.
 */
export function ratedSpans(
  tokens: readonly Token[],
  { lexicon, modifiers }: { lexicon: Lexicon; modifiers: Modifiers },
  roles: readonly (Role | undefined)[],
  turns: readonly Negation[],
  neutral: readonly boolean[],
): Span[] {
  const negationWords = new Set([...modifiers.ne, ...modifiers.loose, ...modifiers.closers]);
  const phrase = (i: number): [number, number] | undefined => {
    for (let n = Math.min(lexicon.longest, tokens.length - i); n >= 2; n--) {
      const words = tokens.slice(i, i + n);
      if (words.some((t, k) => isBoundary(t) || neutral[i + k])) continue;
      const weight = lexicon.phrases.get(words.map((t) => t.norm).join(' '));
      if (weight !== undefined) return [n, weight];
    }
    return undefined;
  };
  const single = (i: number): number | undefined => {
    const t = tokens[i];
    return !t || isBoundary(t) || neutral[i] ? undefined : wordWeight(lexicon, t.norm);
  };
  const found: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const idiom = phrase(i);
    if (idiom) {
      const [n, weight] = idiom;
      const selfNegated = tokens.slice(i, i + n).some((t) => negationWords.has(t.norm));
      // A neutral idiom ("bien sûr", "n'hésitez pas") is kept: it is a negation's object too.
      found.push({ start: i, end: i + n, weight, selfNegated });
      i += n - 1;
      continue;
    }
    const role = roles[i];
    if (role?.role === 'turn' || role?.phrase) continue;
    const weight = single(i);
    if (!weight) continue;
    // "super", "pretty": an intensifier before a rated word, a rating of their own otherwise.
    if (role && (single(i + 1) || phrase(i + 1))) continue;
    found.push({ start: i, end: i + 1, weight, selfNegated: false });
  }
  const covers = (k: number) => found.some((s) => s.start <= k && k < s.end);
  for (const turn of turns) {
    if (covers(turn.at) || turn.reach.some(covers)) continue;
    found.push({
      start: turn.at,
      end: turn.at + 1,
      weight: PARAMS.bareNegation,
      selfNegated: true,
    });
  }
  tokens.forEach((t, i) => {
    if (!EXCESS.has(t.norm) || neutral[i] || tokens[i + 1]?.kind !== 'word') return;
    if (covers(i + 1) || roles[i + 1]) return;
    found.push({ start: i, end: i + 1, weight: PARAMS.excess, selfNegated: false });
  });
  return found.sort((a, b) => a.start - b.start);
}
