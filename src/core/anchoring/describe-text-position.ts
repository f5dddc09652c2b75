/**
 * Describes a DOM range as a W3C TextPositionSelector: where it starts and ends in the scope's
 * text, counted in code points as the W3C model asks (the DOM counts UTF-16 units, so every
 * emoji before the quote would otherwise shift it by one).
 */
import type { TextPositionSelector } from '../model/types';
import { buildTextIndex, codePointCount } from './text-index';

/**
 * The position of `range` within `scope` (default: the range's whole document, as annotator
 * does). The part of the range outside the scope is left out.
 */
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
