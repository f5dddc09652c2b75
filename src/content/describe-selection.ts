/**
 * Describes the user's selection as the W3C selectors Vigie stores with a mention.
 */
import { describeQuoteOffsets } from '../core/anchoring/describe-text-quote';
import { buildTextIndex, codePointCount } from '../core/anchoring/text-index';
import type { PageCapture } from '../core/messaging/protocol';

/** Context kept around a quote: enough to find it again on a page that changed a little. */
const CONTEXT_LENGTH = 64;

/**
 * The selection's quote and selectors, or null when nothing (or only blanks) is selected.
 * Blanks at either end of the selection (a triple-click takes the line break) are left out;
 * `exact` keeps the page's own text, `quote` is that text as the user reads it.
 */
export function describeSelection(
  selection: Selection | null,
  scope: HTMLElement | null,
): PageCapture['selection'] {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !scope) return null;
  const range = selection.getRangeAt(0);
  const index = buildTextIndex(scope);
  const { text } = index;
  let start = index.offsetOf(range.startContainer, range.startOffset);
  let end = index.offsetOf(range.endContainer, range.endOffset);
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (start === end) return null;
  const quote = describeQuoteOffsets(text, start, end, { minimumQuoteLength: CONTEXT_LENGTH });
  return {
    exact: quote.exact.replace(/\s+/g, ' '),
    quote,
    position: {
      type: 'TextPositionSelector',
      start: codePointCount(text, start),
      end: codePointCount(text, end),
    },
  };
}
