/**
 * How much each word's clause counts: after a contrast ("but", "mais") the clause that follows
 * outweighs the one before.
 */
import type { Modifiers } from './lexicon';
import { PARAMS } from './params';
import { isBoundary, phraseAt, type Token } from './tokenize';

// "mais aussi", "but also" add rather than oppose.
const NOT_CONTRAST = new Set(['aussi', 'also', 'egalement']);

/**
 * Each token's weight from where it stands around "but"/"mais" (the clause after it outweighs
 * the one before, and a "Mais" opening a sentence answers the sentence before it) and in a
 * concession ("although", "même si": the conceded clause weighs less).
 */
export function clauseWeights(tokens: readonly Token[], m: Modifiers): number[] {
  const weights = tokens.map(() => 1);
  const scale = (k: number, by: number) => (weights[k] = (weights[k] ?? 1) * by);
  let sentence = 0;
  let previous = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]?.kind === 'stop') {
      previous = sentence;
      sentence = i + 1;
      continue;
    }
    const contrast = phraseAt(tokens, i, m.contrast);
    if (contrast && !NOT_CONTRAST.has(tokens[i + contrast]?.norm ?? '')) {
      for (let k = i === sentence ? previous : sentence; k < i; k++)
        scale(k, PARAMS.beforeContrast);
      for (let k = i + contrast; k < tokens.length && tokens[k]?.kind !== 'stop'; k++) {
        if (phraseAt(tokens, k, m.contrast)) break;
        scale(k, PARAMS.afterContrast);
      }
    }
    const concession = phraseAt(tokens, i, m.concession);
    for (let k = i + concession; concession && !isBoundary(tokens[k]); k++) {
      scale(k, PARAMS.conceded);
    }
  }
  return weights;
}
