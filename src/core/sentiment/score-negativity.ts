/** The negativity scorer: how negative a text reads (French or English), and which words say so. */
import type { Tone, WordRule } from '../model/types';
import { clauseWeights } from './clause-weights';
import { detectLanguage, type Lang } from './detect-language';
import { languageData } from './lexicon';
import { modifierRoles, type Role } from './modifier-roles';
import { negations } from './negation';
import { PARAMS } from './params';
import { ratedSpans, type Span } from './rated-spans';
import { isBoundary, tokenize, type Token } from './tokenize';
import { matchWordRules } from './word-rules';

export interface NegativityHit {
  /** The words as written in the text, or the user's rule. */
  word: string;
  /** What they added to the total after negation and emphasis; below 0 pulls toward negative. */
  weight: number;
}

export interface Negativity {
  /** 0 (not negative) … 1 (as negative as it gets). */
  score: number;
  negative: boolean;
  /** The tone Vigie suggests for a mention quoting this text. */
  tone: Tone;
  /** The language the text was scored in; null when it was not recognised (both were tried). */
  lang: Lang | null;
  hits: NegativityHit[];
}

export interface ScoreOptions {
  /** The text's language when known (null: unknown); detected from the text when left out. */
  lang?: Lang | null;
  /** The user's word rules: they override the lexicons. */
  rules?: readonly WordRule[];
}

/** A span's weight once intensifiers, capitals, negation and its clause have had their say. */
function weigh(
  span: Span,
  tokens: readonly Token[],
  roles: readonly (Role | undefined)[],
  context: { negated: readonly boolean[]; clause: readonly number[]; shouting: boolean },
): number {
  let weight = span.weight;
  const counted = new Set<number>();
  for (let d = 1; d <= 3 && !isBoundary(tokens[span.start - d]); d++) {
    const role = roles[span.start - d];
    if (!role || counted.has(role.start)) continue;
    counted.add(role.start);
    // The nearer the modifier, the more it counts (as in VADER).
    const decay = 1 - 0.05 * (d - 1);
    if (role.role === 'boost') weight *= 1 + PARAMS.booster * decay;
    if (role.role === 'damp') weight *= 1 - PARAMS.dampener * decay;
  }
  const words = tokens.slice(span.start, span.end);
  const capitals = words.every((t) => /\p{Lu}.*\p{Lu}/u.test(t.text) && !/\p{Ll}/u.test(t.text));
  if (capitals && !context.shouting) weight *= 1 + PARAMS.capitals;
  if (!span.selfNegated && context.negated.slice(span.start, span.end).some(Boolean)) {
    weight *= weight > 0 ? PARAMS.negatedPositive : PARAMS.negatedNegative;
  }
  weight *= context.clause[span.start] ?? 1;
  return weight < 0 ? weight * PARAMS.negativeBias : weight;
}

/** The sum of a text's weighed spans in one language, with the hits that make it. */
function total(
  tokens: readonly Token[],
  lang: Lang,
  neutral: readonly boolean[],
  shouting: boolean,
): { sum: number; hits: NegativityHit[] } {
  const data = languageData(lang);
  const roles = modifierRoles(tokens, data.modifiers);
  const turns = negations(tokens, data.modifiers, neutral);
  const negated = tokens.map(() => false);
  for (const turn of turns) for (const k of turn.reach) negated[k] = true;
  const context = { negated, clause: clauseWeights(tokens, data.modifiers), shouting };
  let sum = 0;
  const hits: NegativityHit[] = [];
  for (const span of ratedSpans(tokens, data, roles, turns, neutral)) {
    const weight = weigh(span, tokens, roles, context);
    if (!weight) continue;
    sum += weight;
    const word = tokens
      .slice(span.start, span.end)
      .map((t) => t.text)
      .join(' ');
    hits.push({ word, weight: Math.round(weight * 100) / 100 });
  }
  return { sum, hits };
}

/**
 * How negative a text reads, in French or English, offline: lexicon ratings turned by negation
 * (ne … pas, "pas" alone, not, n't, never…), weighed by intensifiers, diminishers, capitals,
 * exclamation marks and "but"/"mais", with emoji and emoticons. The user's rules override the
 * lexicons: an 'always-negative' word makes the text negative wherever it appears (it wins over
 * a 'never-negative' rule for the same word); a 'never-negative' word counts for nothing.
 */
export function scoreNegativity(text: string, options: ScoreOptions = {}): Negativity {
  const tokens = tokenize(text);
  const { neutral, always } = matchWordRules(tokens, options.rules ?? []);
  const letters = text.replace(/[^\p{L}]/gu, '');
  const shouting = letters.length > 1 && letters === letters.toUpperCase();
  const lang = options.lang === undefined ? detectLanguage(text) : options.lang;
  // Language unknown: score in both and keep the one that recognised more.
  const [first, second] = (lang ? [lang] : (['fr', 'en'] as const)).map((l) =>
    total(tokens, l, neutral, shouting),
  );
  let best = first ?? { sum: 0, hits: [] };
  if (second) {
    const more = second.hits.length - best.hits.length;
    if (more > 0 || (more === 0 && Math.abs(second.sum) > Math.abs(best.sum))) best = second;
  }
  const bangs = Math.min(4, text.split('!').length - 1);
  const sum = best.sum + Math.sign(best.sum) * bangs * PARAMS.exclamation;
  const compound = sum / Math.sqrt(sum * sum + PARAMS.alpha);
  const forced = always.map((rule) => ({ word: rule.word, weight: -4 }));
  const score = forced.length ? 1 : Math.max(0, -compound);
  const negative = forced.length > 0 || score >= PARAMS.negativeAt;
  const tone: Tone = negative ? 'negative' : compound >= PARAMS.positiveAt ? 'positive' : 'neutral';
  return { score, negative, tone, lang, hits: [...forced, ...best.hits] };
}
