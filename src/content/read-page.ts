/**
 * Reads a page the way the background needs it to find watched terms there: its text as a
 * right-click capture reads it (every text node of the body, in order: the same offsets as
 * `buildTextIndex`), where a reader sees that text, where its blocks start and end, and which
 * of its text keeps its line breaks. The same walk for every page, whatever is watched: the
 * watchlist never comes into the page.
 */
import { MAX_PAGE_TEXT, type PageRead } from '../core/monitoring/page-read';
import { createVisibility, isSkipped } from './visible-text';

/** Block elements: a sentence never runs from one into the next. */
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'DD',
  'DIV',
  'DT',
  'FIGCAPTION',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'LI',
  'MAIN',
  'NAV',
  'P',
  'PRE',
  'SECTION',
  'TD',
  'TH',
]);

/** A node to read, whether it is inside text a reader does not see; or a block's end. */
type Step = { node: Node; skipped: boolean } | { endOf: number };

/** Reads `doc`'s body (see above); at most MAX_PAGE_TEXT characters, `cut` when there were more. */
export function readPage(doc: Document, maxText = MAX_PAGE_TEXT): PageRead {
  const parts: string[] = [];
  const shown: number[] = [];
  const blocks: number[] = [];
  const pre: number[] = [];
  const isShown = createVisibility();
  const keepsBreaks = new Map<Element, boolean>();
  let total = 0;
  let cut = false;
  const body = doc.body;
  // Depth first with a stack of its own (a hostile page may nest deeper than the call stack),
  // each block's end taken when its content is done.
  const stack: Step[] = body ? [{ node: body, skipped: false }] : [];
  while (stack.length > 0) {
    const step = stack.pop()!;
    if ('endOf' in step) {
      blocks[step.endOf + 1] = total;
      continue;
    }
    const { node, skipped } = step;
    if (node.nodeType === Node.TEXT_NODE) {
      const whole = (node as Text).data;
      const data = total + whole.length > maxText ? whole.slice(0, maxText - total) : whole;
      if (data.length < whole.length) cut = true;
      const parent = node.parentElement;
      if (!skipped && parent && /\S/.test(data) && isShown(parent)) {
        shown.push(total, total + data.length);
        if (/[\n\r]/.test(data) && breaksKept(parent, keepsBreaks)) {
          pre.push(total, total + data.length);
        }
      }
      parts.push(data);
      total += data.length;
      if (cut) break;
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const element = node as Element;
    if (BLOCKS.has(element.tagName.toUpperCase())) {
      blocks.push(total, total);
      stack.push({ endOf: blocks.length - 2 });
    }
    // A template's content is no child of it (as the browser's own walks see it).
    if (element.tagName.toUpperCase() === 'TEMPLATE') continue;
    const inside = skipped || isSkipped(element);
    for (let child = element.lastChild; child; child = child.previousSibling) {
      stack.push({ node: child, skipped: inside });
    }
  }
  // Read no further: the blocks still open end where the reading stopped.
  for (const step of stack) if ('endOf' in step) blocks[step.endOf + 1] = total;
  return {
    title: doc.title,
    lang: doc.documentElement.lang || null,
    text: parts.join(''),
    shown,
    blocks,
    pre,
    cut,
  };
}

/** Whether an element shows its text's line breaks (pre, pre-wrap…), each element asked once. */
function breaksKept(element: Element, known: Map<Element, boolean>): boolean {
  let answer = known.get(element);
  if (answer === undefined) {
    answer = /pre|break-spaces/.test(getComputedStyle(element).whiteSpace);
    known.set(element, answer);
  }
  return answer;
}
