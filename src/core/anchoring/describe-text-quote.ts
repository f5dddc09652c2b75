/**
 * Describes a DOM range as a W3C TextQuoteSelector: the exact text, plus enough prefix and
 * suffix to tell it apart from every other occurrence. Same results as apache/incubator-annotator's
 * describeTextQuote (their test tables run against this code), over a flat string.
 */
import type { TextQuoteSelector } from '../model/types';
import { findQuoteOffsets } from './match-text-quote';
import { buildTextIndex } from './text-index';

export interface DescribeTextQuoteOptions {
  /** Keep prefix and suffix to the minimum that disambiguates (less robust to edits). */
  minimalContext?: boolean;
  /** Pad prefix and suffix until prefix + exact + suffix reaches this length. */
  minimumQuoteLength?: number;
  /** Give up completing a word of context after this many characters. */
  maxWordLength?: number;
}

const isSpace = (c: string) => /^\s$/.test(c);

/** Characters read from `from` outwards (backwards when `reverse`) until whitespace. */
function untilWhitespace(text: string, from: number, limit: number, reverse: boolean): string {
  let i = from;
  while (Math.abs(i - from) < limit) {
    const c = reverse ? text[i - 1] : text[i];
    if (c === undefined || isSpace(c)) break;
    i += reverse ? -1 : 1;
  }
  return reverse ? text.slice(i, from) : text.slice(from, i);
}

/**
 * Characters read outwards from `target` until they differ from those at `other`;
 * undefined when the text ends first (the two cannot be told apart this way).
 */
function untilDifferent(
  text: string,
  target: number,
  other: number,
  reverse: boolean,
): string | undefined {
  for (let n = 1; ; n++) {
    const t = reverse ? target - n : target + n - 1;
    if (t < 0 || t >= text.length) return undefined;
    const o = reverse ? other - n : other + n - 1;
    if (o < 0 || o >= text.length || text[t] !== text[o]) {
      return reverse ? text.slice(t, target) : text.slice(target, t + 1);
    }
  }
}

/** The selector for the text [start, end) of `text`. */
export function describeQuoteOffsets(
  text: string,
  start: number,
  end: number,
  options: DescribeTextQuoteOptions = {},
): TextQuoteSelector {
  const { minimalContext = false, minimumQuoteLength = 0, maxWordLength = 50 } = options;
  const exact = text.slice(start, end);
  let prefix = '';
  let suffix = '';
  const length = () => prefix.length + exact.length + suffix.length;

  if (length() < minimumQuoteLength) {
    // Half the padding before, the rest after, then before again at the end of the text.
    const half = Math.floor((minimumQuoteLength - length()) / 2);
    prefix = text.slice(Math.max(0, start - half), start);
    suffix = text.slice(end, end + (minimumQuoteLength - length()));
    if (length() < minimumQuoteLength) {
      prefix = text.slice(
        Math.max(0, start - prefix.length - (minimumQuoteLength - length())),
        start,
      );
    }
  }

  if (!minimalContext) {
    prefix = untilWhitespace(text, start - prefix.length, maxWordLength, true) + prefix;
    suffix += untilWhitespace(text, end + suffix.length, maxWordLength, false);
  }

  for (;;) {
    const selector: TextQuoteSelector = { type: 'TextQuoteSelector', exact, prefix, suffix };
    const other = findQuoteOffsets(text, selector).find(([s, e]) => s !== start || e !== end);
    if (!other) return selector;

    const [otherStart, otherEnd] = other;
    const beforeAt = start - prefix.length;
    let extraPrefix = untilDifferent(text, beforeAt, otherStart - prefix.length, true);
    if (extraPrefix !== undefined && !minimalContext) {
      extraPrefix =
        untilWhitespace(text, beforeAt - extraPrefix.length, maxWordLength, true) + extraPrefix;
    }
    const afterAt = end + suffix.length;
    let extraSuffix = untilDifferent(text, afterAt, otherEnd + suffix.length, false);
    if (extraSuffix !== undefined && !minimalContext) {
      extraSuffix += untilWhitespace(text, afterAt + extraSuffix.length, maxWordLength, false);
    }

    if (extraPrefix === undefined && extraSuffix === undefined) {
      // Only possible for a target that is not where the text says it is; keep what we have.
      return selector;
    }
    if (minimalContext) {
      if (
        extraPrefix !== undefined &&
        (extraSuffix === undefined || extraPrefix.length <= extraSuffix.length)
      ) {
        prefix = extraPrefix + prefix;
      } else {
        suffix += extraSuffix;
      }
    } else {
      if (extraPrefix !== undefined) prefix = extraPrefix + prefix;
      if (extraSuffix !== undefined) suffix += extraSuffix;
    }
  }
}

/** Describes `range`, within `scope` (default: its whole document), as a TextQuoteSelector. */
export function describeTextQuote(
  range: Range,
  scope: Node | Range = range.startContainer.ownerDocument ?? range.startContainer,
  options: DescribeTextQuoteOptions = {},
): TextQuoteSelector {
  const index = buildTextIndex(scope);
  const start = index.offsetOf(range.startContainer, range.startOffset);
  const end = Math.max(start, index.offsetOf(range.endContainer, range.endOffset));
  return describeQuoteOffsets(index.text, start, end, options);
}
