/**
 * W3C TextPositionSelector: offsets in code points of the scope's text (the DOM counts UTF-16
 * units, so an emoji shifts the two apart).
 */
import type { TextPositionSelector } from '../model/types';
import { buildTextIndex, codePointCount, utf16Offset } from './text-index';

/** Describes `range` by its position in `scope` (default: its whole document). */
export function describeTextPosition(
  range: Range,
  scope: Node | Range = range.startContainer.ownerDocument ?? range.startContainer,
): TextPositionSelector {
  const index = buildTextIndex(scope);
  const start = index.offsetOf(range.startContainer, range.startOffset);
  const end = Math.max(start, index.offsetOf(range.endContainer, range.endOffset));
  return {
    type: 'TextPositionSelector',
    start: codePointCount(index.text, start),
    end: codePointCount(index.text, end),
  };
}

/** The range a position selector points at, or null when the scope's text is shorter. */
export function matchTextPosition(
  scope: Node | Range,
  selector: TextPositionSelector,
): Range | null {
  const index = buildTextIndex(scope);
  const { text } = index;
  if (selector.start < 0 || selector.end < selector.start) return null;
  const start = utf16Offset(text, selector.start);
  const end = utf16Offset(text, selector.end);
  if (codePointCount(text, end) < selector.end) return null;
  return index.rangeOf(start, end, 'position');
}
