/**
 * Finds a W3C TextQuoteSelector in the DOM: every place where prefix + exact + suffix occurs in
 * the scope's text, as incubator-annotator's matcher does.
 */
import type { TextQuoteSelector } from '../model/types';
import { buildTextIndex, type Bias, type TextIndex } from './text-index';

/**
 * Every [start, end) of `selector.exact` in `text` whose prefix and suffix match too, in order,
 * overlapping ones included. An empty pattern matches at every offset, end of text included.
 */
export function findQuoteOffsets(text: string, selector: TextQuoteSelector): [number, number][] {
  const prefix = selector.prefix ?? '';
  const suffix = selector.suffix ?? '';
  const pattern = prefix + selector.exact + suffix;
  const found: [number, number][] = [];
  for (let i = text.indexOf(pattern); i !== -1; i = text.indexOf(pattern, i + 1)) {
    const start = i + prefix.length;
    found.push([start, start + selector.exact.length]);
    // indexOf('', n) keeps answering text.length: stop there.
    if (i >= text.length) break;
  }
  return found;
}

/**
 * Where a match's ends go when they fall between two text nodes, as annotator's chunked matcher
 * leaves them (its tables check the very nodes): a quote starts in the node after the boundary
 * and ends in the node before it. An empty quote sits at the end of the node before, except
 * one found through its suffix alone, which annotator finds at the start of the node after.
 */
function biases(selector: TextQuoteSelector): [Bias, Bias] {
  if (selector.exact !== '') return ['after', 'before'];
  return !selector.prefix && selector.suffix ? ['after', 'after'] : ['before', 'before'];
}

/**
 * Every range of the scope's text that the selector describes, in document order, overlapping
 * matches included; [] when the quote, or its context, is not on the page any more. Pass
 * `index` to anchor several selectors against one indexing of the page.
 */
export function matchTextQuote(
  scope: Node | Range,
  selector: TextQuoteSelector,
  index: TextIndex = buildTextIndex(scope),
): Range[] {
  const [startBias, endBias] = biases(selector);
  const ranges: Range[] = [];
  for (const [start, end] of findQuoteOffsets(index.text, selector)) {
    const range = index.rangeOf(start, end, startBias, endBias);
    if (range) ranges.push(range);
  }
  return ranges;
}
