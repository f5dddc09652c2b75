/**
 * Describes a DOM range as a W3C TextQuoteSelector: the exact text, plus enough prefix and
 * suffix to tell it apart from every other occurrence. Same algorithm and results as
 * apache/incubator-annotator's describeTextQuote (their test tables run against this code),
 * over the flat text of the scope instead of a chunk seeker.
 */
import type { TextQuoteSelector } from '../model/types';
import { buildTextIndex } from './text-index';

export interface DescribeTextQuoteOptions {
  /** Keep prefix and suffix to the minimum that disambiguates (less robust to edits). */
  minimalContext?: boolean;
  /** Pad prefix and suffix until prefix + exact + suffix reaches this length. */
  minimumQuoteLength?: number;
  /** Give up completing a word of context after this many characters (default 50). */
  maxWordLength?: number;
}

const isSpace = (c: string) => /^\s$/.test(c);

/**
 * The characters read from `from` outwards (backwards when `reverse`) up to whitespace, the
 * text's edge, or `limit` characters: what completes a word cut by the context.
 */
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
 * The characters read outwards from `target` up to and including the first one that differs
 * from the character as far from `other`: the context that rules `other` out. Undefined when
 * the text ends first on the target's side, since no context there can tell them apart.
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

/**
 * Where the first match of `selector` other than the one at `target` starts its exact text,
 * in document order; undefined when the target is the only one.
 */
function firstOtherOccurrence(
  text: string,
  selector: TextQuoteSelector,
  target: number,
): number | undefined {
  const prefix = selector.prefix ?? '';
  const pattern = prefix + selector.exact + (selector.suffix ?? '');
  for (let i = text.indexOf(pattern); i !== -1; i = text.indexOf(pattern, i + 1)) {
    if (i + prefix.length !== target) return i + prefix.length;
    // indexOf('', n) keeps answering text.length: stop there.
    if (i >= text.length) break;
  }
  return undefined;
}

/**
 * The selector for the text [start, end) of `text`. Exported for callers that already hold the
 * scope's text index (the capture script), so a page is indexed once per capture.
 */
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
    // Half the padding before, the rest after, then before again when the text ends too soon.
    const half = Math.floor((minimumQuoteLength - length()) / 2);
    prefix = text.slice(Math.max(0, start - half), start);
    if (length() < minimumQuoteLength) {
      suffix = text.slice(end, end + (minimumQuoteLength - length()));
    }
    if (length() < minimumQuoteLength) {
      const wanted = prefix.length + (minimumQuoteLength - length());
      prefix = text.slice(Math.max(0, start - wanted), start);
    }
  }

  if (!minimalContext) {
    // Context that stops mid-word reads badly and breaks on the slightest edit: finish words.
    prefix = untilWhitespace(text, start - prefix.length, maxWordLength, true) + prefix;
    suffix += untilWhitespace(text, end + suffix.length, maxWordLength, false);
  }

  // Each round looks for the first occurrence of the tentative selector other than the target,
  // and extends the context just enough to rule that one out, until none is left. Only the
  // first other occurrence is needed, so the search stops there: on a 5 MB page a common word
  // costs a short indexOf per round, not a list of every occurrence.
  for (;;) {
    const selector: TextQuoteSelector = { type: 'TextQuoteSelector', exact, prefix, suffix };
    const other = firstOtherOccurrence(text, selector, start);
    if (other === undefined) return selector;

    const beforeAt = start - prefix.length;
    let extraPrefix = untilDifferent(text, beforeAt, other - prefix.length, true);
    if (extraPrefix !== undefined && !minimalContext) {
      extraPrefix =
        untilWhitespace(text, beforeAt - extraPrefix.length, maxWordLength, true) + extraPrefix;
    }
    const afterAt = end + suffix.length;
    let extraSuffix = untilDifferent(text, afterAt, other + exact.length + suffix.length, false);
    if (extraSuffix !== undefined && !minimalContext) {
      extraSuffix += untilWhitespace(text, afterAt + extraSuffix.length, maxWordLength, false);
    }

    if (extraPrefix === undefined && extraSuffix === undefined) {
      // Two different offsets always differ somewhere before or after; kept as a guard against
      // looping forever, where annotator throws.
      return selector;
    }
    if (minimalContext) {
      // The shorter of the two is enough.
      if (
        extraPrefix !== undefined &&
        (extraSuffix === undefined || extraPrefix.length <= extraSuffix.length)
      ) {
        prefix = extraPrefix + prefix;
      } else {
        suffix += extraSuffix;
      }
    } else {
      // Both, for redundancy against later edits of the page.
      if (extraPrefix !== undefined) prefix = extraPrefix + prefix;
      if (extraSuffix !== undefined) suffix += extraSuffix;
    }
  }
}

/**
 * Describes `range` as a TextQuoteSelector within `scope` (default: the range's whole
 * document, as annotator does). The part of the range outside the scope is left out.
 */
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
