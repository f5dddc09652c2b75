/**
 * Finding a flagged quote again on a page that may have changed since: the exact quote in its
 * context first, then the exact quote alone (the occurrence whose surroundings and position
 * look most like the capture's), then an approximate match of the quote (a few words edited,
 * whitespace or punctuation changed) scored against a threshold. A quote that clears none is
 * "not found on the page any more": the caller lists it, it never drops the mention.
 *
 * Works on the page's text as one string (see `buildTextIndex`), so it runs the same in a
 * content script and in tests.
 */
import search from 'approx-string-match';
import type { TextPositionSelector, TextQuoteSelector } from '../model/types';
import { findQuoteOffsets } from './match-text-quote';
import { utf16Offset } from './text-index';

export type AnchorMethod = 'exact' | 'quote' | 'fuzzy';

export interface Anchor {
  /** UTF-16 offsets in the page's text. */
  start: number;
  end: number;
  method: AnchorMethod;
  /** 1 for the quote found as it was; lower the more it had to be guessed. */
  score: number;
}

export interface ReanchorOptions {
  /** The lowest similarity of an approximate match to the quote that still counts (0–1). */
  minFuzzyScore?: number;
}

/** 0.8: four characters in five the same, order kept; below that a quote is a different one. */
const MIN_FUZZY_SCORE = 0.8;
/** Longer quotes are matched approximately on their first and last words only. */
const MAX_FUZZY_PATTERN = 256;

/** Similarity of `expected` to the text just around an offset, 0–1 (a missing context is 1). */
function contextScore(
  text: string,
  expected: string | undefined,
  at: number,
  side: 'before' | 'after',
): number {
  if (!expected) return 1;
  const actual =
    side === 'before'
      ? text.slice(Math.max(0, at - expected.length), at)
      : text.slice(at, at + expected.length);
  if (actual === expected) return 1;
  const [best] = search(actual, expected, Math.ceil(expected.length / 2)).sort(
    (a, b) => a.errors - b.errors,
  );
  return best ? 1 - best.errors / expected.length : 0;
}

/** How near a candidate is to where the quote was, 0–1 (1 without a position hint). */
function positionScore(text: string, start: number, position?: TextPositionSelector): number {
  if (!position) return 1;
  const expected = utf16Offset(text, position.start);
  return 1 - Math.min(1, Math.abs(start - expected) / Math.max(text.length, 1));
}

/** The best of `candidates` by how well their context and place fit the capture. */
function pickBest(
  text: string,
  candidates: [number, number][],
  quote: TextQuoteSelector,
  position: TextPositionSelector | undefined,
): [number, number, number] | null {
  let best: [number, number, number] | null = null;
  for (const [start, end] of candidates) {
    const context =
      (contextScore(text, quote.prefix, start, 'before') +
        contextScore(text, quote.suffix, end, 'after')) /
      2;
    const score = context * 0.9 + positionScore(text, start, position) * 0.1;
    if (!best || score > best[2]) best = [start, end, score];
  }
  return best;
}

/** Approximate matches of a long quote: its head and tail found near each other. */
function fuzzyCandidates(text: string, exact: string, maxErrors: number) {
  if (exact.length <= MAX_FUZZY_PATTERN) return search(text, exact, maxErrors);
  const part = MAX_FUZZY_PATTERN / 2;
  const errors = Math.floor((maxErrors * part) / exact.length);
  const heads = search(text, exact.slice(0, part), errors);
  const tails = search(text, exact.slice(-part), errors);
  return heads.flatMap((head) => {
    const tail = tails.find((t) => t.start >= head.end && t.end - head.start <= exact.length * 1.3);
    if (!tail) return [];
    // The middle is taken on trust but counted: its length difference as errors.
    const lengthErrors = Math.abs(tail.end - head.start - exact.length);
    return [
      {
        start: head.start,
        end: tail.end,
        errors:
          Math.round(((head.errors + tail.errors) * exact.length) / (2 * part)) + lengthErrors,
      },
    ];
  });
}

/**
 * Where the quote is on the page now, or null when it cannot be found with enough confidence.
 */
export function reanchor(
  text: string,
  selectors: { quote: TextQuoteSelector; position?: TextPositionSelector | undefined },
  options: ReanchorOptions = {},
): Anchor | null {
  const { quote, position } = selectors;
  if (!quote.exact) return null;

  // 1. The quote in its context, as captured.
  const inContext = findQuoteOffsets(text, quote);
  if (inContext.length > 0) {
    const [start, end] = pickBest(text, inContext, quote, position)!;
    return { start, end, method: 'exact', score: 1 };
  }

  // 2. The quote word for word, its surroundings changed.
  const alone = findQuoteOffsets(text, { type: 'TextQuoteSelector', exact: quote.exact });
  if (alone.length > 0) {
    const [start, end, score] = pickBest(text, alone, quote, position)!;
    return { start, end, method: 'quote', score: 0.9 + 0.1 * score };
  }

  // 3. The quote edited a little: the closest approximate match above the threshold.
  const min = options.minFuzzyScore ?? MIN_FUZZY_SCORE;
  const maxErrors = Math.floor(quote.exact.length * (1 - min));
  if (maxErrors < 1) return null;
  let best: Anchor | null = null;
  for (const match of fuzzyCandidates(text, quote.exact, maxErrors)) {
    const similarity = 1 - match.errors / quote.exact.length;
    if (similarity < min) continue;
    const context =
      (contextScore(text, quote.prefix, match.start, 'before') +
        contextScore(text, quote.suffix, match.end, 'after')) /
      2;
    const score =
      similarity * 0.8 + context * 0.15 + positionScore(text, match.start, position) * 0.05;
    if (!best || score > best.score) {
      best = { start: match.start, end: match.end, method: 'fuzzy', score };
    }
  }
  return best;
}
