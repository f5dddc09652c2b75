/**
 * The text of a scope (a node or a range) as one string, with the way back from string offsets
 * to DOM positions. Built once per call with a TreeWalker, so that matching and describing
 * stay linear in the page's size. Offsets are UTF-16 code units, as in the DOM.
 */

interface Piece {
  node: Text;
  /** Where this piece starts in the scope's text. */
  start: number;
  /** Where the piece's text starts inside its node (non-zero only when a range scope cuts it). */
  base: number;
  length: number;
}

export interface TextIndex {
  readonly text: string;
  /** The scope's text offset of a DOM boundary point (clamped into the scope). */
  offsetOf(container: Node, offset: number): number;
  /** The DOM range of the text [start, end), null when the scope has no text node. */
  rangeOf(start: number, end: number, mode: 'quote' | 'position'): Range | null;
}

/**
 * Whether `node` lies at or after the boundary point (container, offset), in document order.
 * Written with compareDocumentPosition rather than Range.comparePoint, which some DOMs
 * (happy-dom) refuse across documents made by DOMParser.
 */
function atOrAfter(node: Node, container: Node, offset: number): boolean {
  const following = (a: Node, b: Node) =>
    (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  if (container.nodeType === Node.TEXT_NODE) return following(container, node);
  const ref = container.childNodes[offset];
  if (ref) return ref === node || ref.contains(node) || following(ref, node);
  return !container.contains(node) && following(container, node);
}

function scopeRange(scope: Node | Range): Range {
  if (!('nodeType' in scope)) return scope;
  const range = (scope.ownerDocument ?? (scope as Document)).createRange();
  range.selectNodeContents(scope);
  return range;
}

/** Indexes the text of `scope`. */
export function buildTextIndex(scope: Node | Range): TextIndex {
  const range = scopeRange(scope);
  const doc = range.startContainer.ownerDocument ?? (range.startContainer as Document);
  const root = range.commonAncestorContainer;
  const pieces: Piece[] = [];
  const parts: string[] = [];
  let total = 0;
  const whole =
    range.startContainer === range.endContainer &&
    range.startOffset === 0 &&
    range.endOffset === range.endContainer.childNodes.length &&
    range.endContainer.nodeType !== Node.TEXT_NODE;
  const add = (node: Text) => {
    // A text node is in the scope when it starts before the scope's end and ends after its start.
    if (
      !whole &&
      ((node !== range.startContainer &&
        !atOrAfter(node, range.startContainer, range.startOffset)) ||
        (node !== range.endContainer && atOrAfter(node, range.endContainer, range.endOffset)))
    ) {
      return;
    }
    const data = node.data;
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : data.length;
    if (to < from) return;
    pieces.push({ node, start: total, base: from, length: to - from });
    parts.push(from === 0 && to === data.length ? data : data.slice(from, to));
    total += to - from;
  };
  if (root.nodeType === Node.TEXT_NODE) {
    add(root as Text);
  } else {
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) add(node as Text);
  }
  const text = parts.join('');

  /** The last piece starting at or before `offset`. */
  const pieceAt = (offset: number): number => {
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (pieces[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  /** The DOM position of a text offset: in the piece ending there, or the one starting there. */
  const position = (offset: number, preferPrevious: boolean): [Text, number] | null => {
    if (pieces.length === 0) return null;
    let k = pieceAt(offset);
    if (preferPrevious) {
      // Walk back to the piece whose end is this offset, past empty pieces.
      while (k > 0 && offset === pieces[k]!.start) k--;
    } else {
      while (k < pieces.length - 1 && offset >= pieces[k]!.start + pieces[k]!.length) k++;
    }
    const piece = pieces[k]!;
    const within = Math.max(0, Math.min(piece.length, offset - piece.start));
    return [piece.node, piece.base + within];
  };

  return {
    text,

    offsetOf(container, offset) {
      // The first piece at or after the boundary point holds it, or follows it.
      let lo = 0;
      let hi = pieces.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const node = pieces[mid]!.node;
        if (node === container || atOrAfter(node, container, offset)) hi = mid;
        else lo = mid + 1;
      }
      const p = pieces[lo];
      if (!p) return total;
      return p.node === container
        ? p.start + Math.max(0, Math.min(p.length, offset - p.base))
        : p.start;
    },

    rangeOf(start, end, mode) {
      // Where a boundary falls between two text nodes, annotator's matchers put a quote's start
      // in the following node and its end (or an empty quote) in the preceding one, and both
      // ends of a position in the following node. Vigie keeps the same convention.
      const empty = start === end;
      const from = position(start, mode === 'quote' && empty);
      const to = position(end, mode === 'quote');
      if (!from || !to) return null;
      const result = doc.createRange();
      result.setStart(from[0], from[1]);
      result.setEnd(to[0], to[1]);
      return result;
    },
  };
}

/** The UTF-16 offset of the `codePoints`-th code point of `text`. */
export function utf16Offset(text: string, codePoints: number): number {
  let offset = 0;
  for (let i = 0; i < codePoints && offset < text.length; i++) {
    const code = text.charCodeAt(offset);
    offset += code >= 0xd800 && code <= 0xdbff && offset + 1 < text.length ? 2 : 1;
  }
  return offset;
}

/** How many code points the first `offset` UTF-16 units of `text` hold. */
export function codePointCount(text: string, offset: number): number {
  let count = 0;
  for (let i = 0; i < offset; i++) {
    const code = text.charCodeAt(i);
    if (!(code >= 0xdc00 && code <= 0xdfff && i > 0)) count++;
  }
  return count;
}
