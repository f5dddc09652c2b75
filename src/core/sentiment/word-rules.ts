/** The user's word rules (always or never negative) found in a text. */
import type { WordRule } from '../model/types';
import { entryWords } from './lexicon';
import type { Token } from './tokenize';

/** Where the user's rules apply in a text. */
export interface RuleMatch {
  /** Tokens a 'never-negative' rule names: they count for nothing. */
  neutral: boolean[];
  /** The 'always-negative' rules whose words appear: the text is negative. */
  always: WordRule[];
}

/** Token indices where `words` appear in a row, the last one possibly plural. */
function occurrences(tokens: readonly Token[], words: readonly string[]): number[] {
  const found: number[] = [];
  for (let i = 0; i + words.length <= tokens.length; i++) {
    const match = words.every((w, k) => {
      const norm = tokens[i + k]?.norm;
      return norm === w || (k === words.length - 1 && (norm === `${w}s` || norm === `${w}x`));
    });
    if (match) for (let k = 0; k < words.length; k++) found.push(i + k);
  }
  return found;
}

/**
 * Applies the user's word rules to a text's tokens. A rule names a word or a few words, matched
 * whole, in a row, ignoring case and accents, the last word also in its plural ("War Zone",
 * "arnaque" also finds "arnaques").
 */
export function matchWordRules(tokens: readonly Token[], rules: readonly WordRule[]): RuleMatch {
  const neutral = tokens.map(() => false);
  const always: WordRule[] = [];
  for (const rule of rules) {
    const words = entryWords(rule.word);
    const at = words.length ? occurrences(tokens, words) : [];
    if (!at.length) continue;
    if (rule.rule === 'always-negative') always.push(rule);
    else for (const i of at) neutral[i] = true;
  }
  return { neutral, always };
}
