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
  return describeOffsets(text, start, end);
}

/** The words of a text, blanks left out: what two renderings of one selection share. */
const bare = (text: string) => text.replace(/\s+/g, '');

/**
 * The selection the user flagged, when the browser said what it was (the context menu's
 * `selectionText`, taken at the click). The script reads the selection later, once injected:
 * a user quick enough may have selected something else by then (a second flag on its way), and
 * that would be stored in place of the first, lost. So the current selection is kept only
 * when it is the text the browser said (which Chromium may shorten and strips of line
 * breaks: compared without blanks, as a start); otherwise, the first place on the page with
 * that text; null when the page does not have it (the browser's text is then the quote).
 */
export function describeFlagged(
  selection: Selection | null,
  scope: HTMLElement | null,
  said: string | undefined,
): PageCapture['selection'] {
  const current = describeSelection(selection, scope);
  const words = said?.trim().split(/\s+/).filter(Boolean) ?? [];
  if (words.length === 0 || !scope) return current;
  if (current && bare(current.exact).startsWith(bare(said!))) return current;
  const { text } = buildTextIndex(scope);
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const found = new RegExp(escaped.join('\\s+'), 'u').exec(text);
  return found ? describeOffsets(text, found.index, found.index + found[0].length) : null;
}

/** The quote and selectors of `[start, end)` of the scope's text. */
function describeOffsets(text: string, start: number, end: number): PageCapture['selection'] {
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
