/**
 * Highlights text in a page without breaking it: through the CSS Custom Highlight API where the
 * browser has it (nothing in the page changes: the browser paints ranges it is given), otherwise
 * by wrapping the text in <mark data-vigie> elements that `clear` removes, giving every text
 * node back its whole text. The styles come with the monitoring script (monitor.css).
 */
import { MARK_ATTRIBUTE } from './visible-text';

export type HighlightKind = 'watch' | 'flagged';

/** A run of text within one text node: [start, end) of its data. */
export interface Segment {
  node: Text;
  start: number;
  end: number;
}

export interface Highlighter {
  readonly mode: 'css' | 'wrap';
  /**
   * Highlights the segments; returns where each one's text is now (wrapping moves it into a
   * mark), in the same order, null for one left unhighlighted.
   */
  add(kind: HighlightKind, segments: readonly Segment[]): (Segment | null)[];
  /** Drops the highlights of a text node whose text changed (their offsets no longer hold). */
  forget(node: Text): void;
  /** Removes every highlight, leaving the page's text and elements as they were. */
  clear(): void;
}

/** Highlights kept at most: past this, those of text gone from the page are dropped. */
const MAX_RANGES = 2_000;
const HTML = 'http://www.w3.org/1999/xhtml';

export const HIGHLIGHT_NAMES: Record<HighlightKind, string> = {
  watch: 'vigie-watch',
  flagged: 'vigie-flagged',
};

/** The text segments a DOM range covers, in document order (empty ones left out). */
export function rangeSegments(range: AbstractRange): Segment[] {
  const { startContainer, startOffset, endContainer, endOffset } = range;
  if (startContainer === endContainer && startContainer.nodeType === Node.TEXT_NODE) {
    return startOffset < endOffset
      ? [{ node: startContainer as Text, start: startOffset, end: endOffset }]
      : [];
  }
  const doc = startContainer.ownerDocument!;
  const live = doc.createRange();
  live.setStart(startContainer, startOffset);
  live.setEnd(endContainer, endOffset);
  const walker = doc.createTreeWalker(live.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  const segments: Segment[] = [];
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (!live.intersectsNode(node)) continue;
    const start = node === startContainer ? startOffset : 0;
    const end = node === endContainer ? endOffset : node.data.length;
    if (start < end) segments.push({ node, start, end });
  }
  live.detach();
  return segments;
}

function supportsHighlights(): boolean {
  return (
    typeof CSS !== 'undefined' &&
    'highlights' in CSS &&
    typeof Highlight === 'function' &&
    typeof StaticRange === 'function'
  );
}

function cssHighlighter(): Highlighter {
  const highlights: Record<HighlightKind, Highlight> = {
    watch: new Highlight(),
    flagged: new Highlight(),
  };
  // A flagged quote shows above a sighting inside it.
  highlights.flagged.priority = 1;
  const byNode = new Map<Text, { kind: HighlightKind; range: StaticRange }[]>();
  let count = 0;

  /** Forgets the ranges of text nodes gone from the page. */
  const prune = () => {
    for (const node of [...byNode.keys()]) if (!node.isConnected) forget(node);
  };
  const forget = (node: Text) => {
    for (const { kind, range } of byNode.get(node) ?? []) {
      highlights[kind].delete(range);
      count -= 1;
    }
    byNode.delete(node);
  };

  return {
    mode: 'css',
    add(kind, segments) {
      if (segments.length === 0) return [];
      if (count + segments.length > MAX_RANGES) prune();
      const done: (Segment | null)[] = [];
      const name = HIGHLIGHT_NAMES[kind];
      // Registered only once there is something to show: a page with no sighting keeps none.
      if (CSS.highlights.get(name) !== highlights[kind]) CSS.highlights.set(name, highlights[kind]);
      for (const segment of segments) {
        const { node, start, end } = segment;
        if (count >= MAX_RANGES) {
          done.push(null);
          continue;
        }
        const range = new StaticRange({
          startContainer: node,
          startOffset: start,
          endContainer: node,
          endOffset: end,
        });
        highlights[kind].add(range);
        count += 1;
        const list = byNode.get(node);
        if (list) list.push({ kind, range });
        else byNode.set(node, [{ kind, range }]);
        done.push(segment);
      }
      return done;
    },
    forget,
    clear() {
      for (const kind of ['watch', 'flagged'] as const) {
        const name = HIGHLIGHT_NAMES[kind];
        if (CSS.highlights.get(name) === highlights[kind]) CSS.highlights.delete(name);
        highlights[kind].clear();
      }
      byNode.clear();
      count = 0;
    },
  };
}

/** One text node split around marks: `node` keeps the text before the first one. */
interface Wrapped {
  node: Text;
  /** The marks and the text nodes split off, in document order after `node`. */
  created: Node[];
}

/** The segments that a mark can wrap, by text node, in the order given. */
function wrappableByNode(segments: readonly Segment[]): Map<Text, Segment[]> {
  const byNode = new Map<Text, Segment[]>();
  for (const segment of segments) {
    const { node } = segment;
    // <mark> means nothing inside SVG or MathML: the text would vanish.
    if (node.parentElement?.namespaceURI !== HTML) continue;
    const list = byNode.get(node);
    if (list) list.push(segment);
    else byNode.set(node, [segment]);
  }
  return byNode;
}

function wrapHighlighter(doc: Document): Highlighter {
  const wrapped: Wrapped[] = [];
  let count = 0;

  /**
   * Wraps the runs of one text node, last to first so that the offsets of the earlier ones
   * still hold. The node keeps the text before the first mark (possibly none): the page may
   * hold on to it. Returns where each run's text is now, by run.
   */
  function wrapNode(
    kind: HighlightKind,
    node: Text,
    runs: Segment[],
    moved: Map<Segment, Segment>,
  ) {
    const created = new Set<Node>();
    for (const run of [...runs].sort((a, b) => b.start - a.start)) {
      // Overlapping runs: the later one won.
      if (run.end > node.data.length || run.start >= run.end) continue;
      if (run.end < node.data.length) created.add(node.splitText(run.end));
      const inside = node.splitText(run.start);
      const mark = doc.createElement('mark');
      mark.setAttribute(MARK_ATTRIBUTE, kind);
      inside.replaceWith(mark);
      mark.append(inside);
      created.add(mark);
      moved.set(run, { node: inside, start: 0, end: inside.data.length });
      count += 1;
    }
    if (created.size === 0) return;
    const ordered: Node[] = [];
    for (let n = node.nextSibling; n && created.has(n); n = n.nextSibling) ordered.push(n);
    wrapped.push({ node, created: ordered });
  }

  return {
    mode: 'wrap',
    add(kind, segments) {
      const moved = new Map<Segment, Segment>();
      for (const [node, runs] of wrappableByNode(segments)) {
        if (count >= MAX_RANGES) break;
        wrapNode(kind, node, runs, moved);
      }
      return segments.map((segment) => moved.get(segment) ?? null);
    },
    forget() {
      // Marks are in the page: they stay with their text until `clear`.
    },
    clear() {
      // Last wrapped first: a mark inside another comes out before its outer one.
      for (const { node, created } of wrapped.reverse()) {
        let text = node.data;
        let previous: Node = node;
        const ok = created.every((piece) => {
          if (piece.previousSibling !== previous) return false;
          text += piece.textContent ?? '';
          previous = piece;
          return true;
        });
        // Pieces the page moved meanwhile are left to the sweep below.
        if (!ok) continue;
        for (const piece of created) piece.parentNode?.removeChild(piece);
        node.data = text;
      }
      wrapped.length = 0;
      count = 0;
      // Whatever the page moved meanwhile: each remaining mark gives way to its text.
      for (const mark of doc.querySelectorAll(`mark[${MARK_ATTRIBUTE}]`)) {
        mark.replaceWith(...mark.childNodes);
      }
    },
  };
}

/** A highlighter for `doc`: the CSS Custom Highlight API if there is one, else marks. */
export function createHighlighter(doc: Document, options: { css?: boolean } = {}): Highlighter {
  return (options.css ?? supportsHighlights()) ? cssHighlighter() : wrapHighlighter(doc);
}
