/** Where a negation ("not", "ne … pas") turns the rating of the words that follow it. */
import type { Modifiers } from './lexicon';
import { PARAMS } from './params';
import { isBoundary, type Token } from './tokenize';

export interface Negation {
  /** Where the negation is: "ne", "pas", "not", "n't"… */
  at: number;
  /** The tokens it turns. */
  reach: number[];
}

/**
 * The negations of a text and what each turns: "ne … pas" the verb between them and the few
 * words after "pas" ("je n'aime pas", "ce n'est pas bon"); "pas" without "ne", as tweets and
 * speech write it, the words after it and the verb before it ("j'aime pas"); "not", "n't",
 * "never" the few words after them. A negation stops at the end of its clause and at "but".
 */
export function negations(
  tokens: readonly Token[],
  m: Modifiers,
  neutral: readonly boolean[],
): Negation[] {
  const found: Negation[] = [];
  const closed = new Set<number>();
  const reach = (from: number, into: number[]) => {
    for (let k = from; k < Math.min(tokens.length, from + PARAMS.negationWindow); k++) {
      const t = tokens[k];
      if (isBoundary(t) || m.contrast.has(t?.norm ?? '')) break;
      into.push(k);
    }
  };
  tokens.forEach((t, i) => {
    if (neutral[i] || t.kind !== 'word') return;
    const turned: number[] = [];
    if (m.ne.has(t.norm)) {
      let closer = -1;
      for (let k = i + 1; k <= i + 6 && !isBoundary(tokens[k]); k++) {
        if (m.closers.has(tokens[k]?.norm ?? '')) {
          closer = k;
          break;
        }
      }
      for (let k = i + 1; k < closer; k++) turned.push(k);
      if (closer >= 0) closed.add(closer);
      reach(closer < 0 ? i + 1 : closer + 1, turned);
    } else if (m.loose.has(t.norm) && !closed.has(i)) {
      const prev = tokens[i - 1];
      if (m.backward.has(t.norm) && prev?.kind === 'word' && !neutral[i - 1]) turned.push(i - 1);
      reach(i + 1, turned);
    } else return;
    found.push({ at: i, reach: turned });
  });
  return found;
}
