/**
 * The text of a scope (a node or a range) as one string, with the way back and forth between
 * string offsets and DOM positions. Built once per call with a TreeWalker, so that describing
 * and matching stay linear in the page's size however many text nodes it has. Offsets are
 * UTF-16 code units, as in the DOM; `codePointCount` and `utf16Offset` convert for the
 * TextPositionSelector, which counts code points.
 */

interface Piece {
  node: Text;
  /** Where this piece starts in the scope's text. */
  start: number;
  /** Where the piece's text starts inside its node (non-zero only when a range scope cuts it). */
  base: number;
  length: number;
}

/**
 * Which DOM position an offset that falls between two text nodes gets: the end of the node
 * before it, or the start of the node after it (skipping empty text nodes either way).
 */
export type Bias = 'before' | 'after';

export interface TextIndex {
  /** The scope's text: the data of its text nodes, in document order, cut to the scope. */
  readonly text: string;
  /** The scope's text offset of a DOM boundary point (clamped into the scope). */
  offsetOf(container: Node, offset: number): number;
  /** The text node and offset in it of a text offset; null when the scope has no text node. */
  pointAt(offset: number, bias: Bias): [Text, number] | null;
  /** The DOM range of the text [start, end); null when the scope has no text node. */
  rangeOf(start: number, end: number, startBias: Bias, endBias: Bias): Range | null;
}

const following = (a: Node, b: Node) =>
  (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

/**
 * Whether `node` lies at or after the boundary point (container, offset), in document order.
 * Written with compareDocumentPosition rather than Range.comparePoint, which some DOMs
 * (happy-dom) get wrong for documents made by DOMParser.
 */
function atOrAfter(node: Node, container: Node, offset: number): boolean {
  if (container.nodeType === Node.TEXT_NODE) return following(container, node);
  const ref = container.childNodes[offset];
  if (ref) return ref === node || ref.contains(node) || following(ref, node);
  return !container.contains(node) && following(container, node);
}

function ownerOf(node: Node): Document {
  return node.ownerDocument ?? (node as Document);
}

function scopeRange(scope: Node | Range): Range {
  if (!('nodeType' in scope)) return scope;
  const range = ownerOf(scope).createRange();
  range.selectNodeContents(scope);
  return range;
}

/** The text nodes of `range` (cut to it at both ends) as pieces of one text, in order. */
function piecesOf(range: Range): { pieces: Piece[]; text: string } {
  const root = range.commonAncestorContainer;
  const pieces: Piece[] = [];
  const parts: string[] = [];
  let total = 0;
  // A scope that is a node's whole content needs no per-node test; a cut range does.
  const whole =
    range.startContainer === range.endContainer &&
    range.startContainer.nodeType !== Node.TEXT_NODE &&
    range.startOffset === 0 &&
    range.endOffset === range.endContainer.childNodes.length;

  const add = (node: Text) => {
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
    const walker = ownerOf(root).createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) add(node as Text);
  }
  return { pieces, text: parts.join('') };
}

/** Index of the last piece starting at or before `offset` (binary search: pieces are sorted). */
function lastStartingBy(pieces: readonly Piece[], offset: number): number {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pieces[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Indexes the text of `scope`: one pass over its text nodes. */
export function buildTextIndex(scope: Node | Range): TextIndex {
  const range = scopeRange(scope);
  const doc = ownerOf(range.startContainer);
  const { pieces, text } = piecesOf(range);
  const total = text.length;

  const pointAt = (offset: number, bias: Bias): [Text, number] | null => {
    if (pieces.length === 0) return null;
    let k = lastStartingBy(pieces, offset);
    if (bias === 'before') {
      // Back to the piece that ends here, past any empty ones.
      while (k > 0 && offset <= pieces[k]!.start) k--;
    } else {
      // The last piece starting here is the first non-empty one; past the end, the last piece.
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
      const piece = pieces[lo];
      if (!piece) return total;
      return piece.node === container
        ? piece.start + Math.max(0, Math.min(piece.length, offset - piece.base))
        : piece.start;
    },

    pointAt,

    rangeOf(start, end, startBias, endBias) {
      const from = pointAt(start, startBias);
      const to = pointAt(end, endBias);
      if (!from || !to) return null;
      const result = doc.createRange();
      result.setStart(from[0], from[1]);
      result.setEnd(to[0], to[1]);
      return result;
    },
  };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The UTF-16 offset of the `codePoints`-th code point of `text` (its length when past the end). */
export function utf16Offset(text: string, codePoints: number): number {
  let offset = 0;
  for (let i = 0; i < codePoints && offset < text.length; i++) {
    offset +=
      isHighSurrogate(text.charCodeAt(offset)) && isLowSurrogate(text.charCodeAt(offset + 1))
        ? 2
        : 1;
  }
  return offset;
}

/**
 * How many code points the first `offset` UTF-16 units of `text` hold. An offset inside a
 * surrogate pair counts up to the character's start, as incubator-annotator's seeker rounds.
 */
export function codePointCount(text: string, offset: number): number {
  const end = Math.min(offset, text.length);
  let count = 0;
  for (let i = 0; i < end; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      if (i + 1 >= end) break; // the pair is cut: its character is not before `offset`
      i++;
    }
    count++;
  }
  return count;
}
