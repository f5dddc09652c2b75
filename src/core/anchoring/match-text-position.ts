/**
 * Finds a W3C TextPositionSelector in the DOM. Its offsets count code points; the range's
 * offsets are the DOM's UTF-16 units.
 */
import type { TextPositionSelector } from '../model/types';
import { buildTextIndex, codePointCount, utf16Offset } from './text-index';

/**
 * The range a position selector points at within `scope`, or null when it cannot be there
 * (negative, reversed, or past the end of the scope's text). Ends that fall between two text
 * nodes go to the start of the node after, as in annotator's matcher.
 */
export function matchTextPosition(
  scope: Node | Range,
  selector: TextPositionSelector,
): Range | null {
  const { start, end } = selector;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) return null;
  const index = buildTextIndex(scope);
  const { text } = index;
  const to = utf16Offset(text, end);
  // utf16Offset stops at the end of the text: a selector beyond it points at nothing.
  if (codePointCount(text, to) < end) return null;
  return index.rangeOf(utf16Offset(text, start), to, 'after', 'after');
}
