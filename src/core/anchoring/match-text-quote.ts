/**
 * Finds a W3C TextQuoteSelector in the DOM.
 */
import type { TextQuoteSelector } from '../model/types';
import { buildTextIndex, type TextIndex } from './text-index';

/**
 * Every [start, end) of `selector.exact` in `text` whose prefix and suffix match too, in order,
 * overlapping ones included. An empty quote matches at every position its context allows.
 */
export function findQuoteOffsets(text: string, selector: TextQuoteSelector): [number, number][] {
  const prefix = selector.prefix ?? '';
  const suffix = selector.suffix ?? '';
  const pattern = prefix + selector.exact + suffix;
  const found: [number, number][] = [];
  for (let i = text.indexOf(pattern); i !== -1; i = text.indexOf(pattern, i + 1)) {
    const start = i + prefix.length;
    found.push([start, start + selector.exact.length]);
    if (i >= text.length) break;
  }
  return found;
}

/** Every range of the scope's text that the selector describes, in document order. */
export function matchTextQuote(
  scope: Node | Range,
  selector: TextQuoteSelector,
  index: TextIndex = buildTextIndex(scope),
): Range[] {
  return findQuoteOffsets(index.text, selector).flatMap(([start, end]) => {
    const range = index.rangeOf(start, end, 'quote');
    return range ? [range] : [];
  });
}
