/**
 * Describes the user's selection as the W3C selectors Vigie stores with a mention.
 */
import { describeTextPosition } from '../core/anchoring/text-position';
import { describeTextQuote } from '../core/anchoring/describe-text-quote';
import type { PageCapture } from '../core/messaging/protocol';

/** Context kept around a quote: enough to find it again on a page that changed a little. */
const CONTEXT_LENGTH = 64;

/** The selection's quote and selectors, or null when nothing (or only blanks) is selected. */
export function describeSelection(
  selection: Selection | null,
  scope: HTMLElement | null,
): PageCapture['selection'] {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !scope) return null;
  const range = selection.getRangeAt(0);
  if (!scope.contains(range.commonAncestorContainer)) return null;
  const quote = describeTextQuote(range, scope, { minimumQuoteLength: CONTEXT_LENGTH });
  if (!quote.exact.trim()) return null;
  return { exact: quote.exact, quote, position: describeTextPosition(range, scope) };
}
