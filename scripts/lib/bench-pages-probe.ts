/**
 * For `npm run bench -- --pages` only: what runs inside each served page. scripts/bench-pages.mjs
 * bundles this file (Vigie's own modules and the two peers with it) into one IIFE, adds it to a
 * freshly loaded page and calls `VigieBenchPages.*` with page.evaluate. Each timed function
 * measures one peer on a page that nothing else has touched.
 */
import { toRange } from 'dom-anchor-text-quote';
import Mark from 'mark.js';
import { createHighlighter, rangeSegments, type Segment } from '../../src/content/highlighter';
import { readPage } from '../../src/content/read-page';
import { createVisibility, insideSkipped, isSkipped } from '../../src/content/visible-text';
import { describeQuoteOffsets } from '../../src/core/anchoring/describe-text-quote';
import { reanchor, type AnchorMethod } from '../../src/core/anchoring/reanchor';
import { buildTextIndex, codePointCount } from '../../src/core/anchoring/text-index';
import { compileWatchlist } from '../../src/core/monitoring/watch';
import { foldSameLength as fold } from '../../src/core/text/fold';
import type { MentionSelectors, WatchTerm } from '../../src/core/model/types';

/** A quote of the page with the selectors Vigie stores for it (as a right-click describes it). */
export interface Sample {
  selectors: MentionSelectors;
}

export interface ScanResult {
  ms: number;
  /** Matches found. */
  matches: number;
  /** Matches highlighted (Vigie keeps at most 2,000 highlights). */
  highlighted: number;
}

export interface ReanchorResult {
  ms: number;
  /** How many quotes were found: a range whose text is the quote's exact text. */
  found: number;
  /** Vigie's only: how many it found by each of its methods (reanchor.ts). */
  methods?: Record<AnchorMethod, number>;
}

/** Frequent words that say nothing about a page (folded: lower case, no accents). */
const STOPWORDS = new Set(
  (
    'about above after again against along already although always among another around ' +
    'because before being below between could during either every first other others should ' +
    'since still their there these those though three through under until where which while ' +
    'whose within without would years today entre cette comme alors aussi avant apres depuis ' +
    'encore toujours selon autres notre votre leurs avait etait avoir faire quand nicht einen ' +
    'einer eines werden wurde haben diese dieser dieses durch schon unter zwischen immer'
  ).split(' '),
);

/** Context a right-click keeps around a quote (src/content/describe-selection.ts). */
const CONTEXT_LENGTH = 64;

/** What mark.js is told to leave alone: the elements Vigie's scan skips (visible-text.ts). */
const MARKJS_EXCLUDE = [
  ['noscript', 'template', 'textarea', 'input', 'select', 'option', 'iframe', 'object']
    .flatMap((tag) => [tag, `${tag} *`])
    .concat('[contenteditable]', '[contenteditable] *')
    .join(', '),
];

/**
 * What ends a word for mark.js's "exactly" besides blanks: the punctuation a page writes next to
 * a word, so that it matches whole words where Vigie does (Vigie: anything but a letter, a digit
 * or an underscore).
 */
const MARKJS_LIMITERS = [
  ...'!"#$%&\'()*+,-./:;<=>?@[\\]^`{|}~',
  ...'¡¿«»‹›‘’‚“”„–—―‐‑…•·°§¶©®™€£¥†‡′″',
  // The zero-width space some pages put after a dot or before a word, so that lines may break.
  '\u200b',
];

/** Resolves after the next frame is painted: its animation frame, then a task after it. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );
}

/** Calls `visit` with each text node the monitoring scan reads (shown, not code or fields). */
function forEachVisibleText(visit: (node: Text) => void): void {
  const isShown = createVisibility();
  const walker = document.createTreeWalker(
    document.body,
    NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
    {
      acceptNode: (node) =>
        node.nodeType === Node.TEXT_NODE
          ? NodeFilter.FILTER_ACCEPT
          : isSkipped(node as Element)
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_SKIP,
    },
  );
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && isShown(parent)) visit(node as Text);
  }
}

/**
 * The page's `count` most frequent words of five letters or more, stopwords left out, one per
 * folded spelling (Vigie and mark.js both ignore case and accents); ties in alphabetical order.
 */
export function pickTerms(count: number): string[] {
  const seen = new Map<string, { word: string; n: number }>();
  forEachVisibleText((node) => {
    for (const [word] of node.data.matchAll(/\p{L}{5,}/gu)) {
      const key = fold(word);
      if (STOPWORDS.has(key)) continue;
      const entry = seen.get(key);
      if (entry) entry.n += 1;
      else seen.set(key, { word: word.toLowerCase(), n: 1 });
    }
  });
  return [...seen.entries()]
    .sort(([a, x], [b, y]) => y.n - x.n || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, count)
    .map(([, { word }]) => word);
}

/** Blocks whose text is split into sentences to sample quotes from. */
const BLOCKS = 'p, li, blockquote, dd, dt, td, th, h1, h2, h3, h4, h5, h6, figcaption';
/** A sentence: from a non-blank to . ! ? or … (and closing quotes) before a blank, or the end. */
const SENTENCE = /\S[^]*?(?:[.!?…]+["'”’»)\]]*(?=\s|$)|$)/g;

/**
 * About `count` sentences of 40–200 characters from the page's visible blocks, spread evenly
 * over the page in document order, each described with Vigie's own selectors over the body's
 * text, as a right-click on it would describe it.
 */
export function sampleQuotes(count: number): Sample[] {
  const index = buildTextIndex(document.body);
  const { text } = index;
  const isShown = createVisibility();
  const candidates: [number, number][] = [];
  for (const block of document.body.querySelectorAll(BLOCKS)) {
    // Innermost blocks only: a sentence never runs from one block into the next.
    if (block.querySelector(BLOCKS) || insideSkipped(block) || !isShown(block)) continue;
    const from = index.offsetOf(block, 0);
    const to = index.offsetOf(block, block.childNodes.length);
    for (const match of text.slice(from, to).matchAll(SENTENCE)) {
      const sentence = match[0].trimEnd();
      const start = from + match.index;
      // Its length as the reader sees it: the page's line breaks and indents are one blank.
      const shown = sentence.replace(/\s+/g, ' ').length;
      if (shown < 40 || shown > 200 || !/\p{L}{3}/u.test(sentence)) {
        continue;
      }
      candidates.push([start, start + sentence.length]);
    }
  }
  const picked =
    candidates.length <= count
      ? candidates
      : Array.from(
          { length: count },
          (_, i) => candidates[Math.floor(((i + 0.5) * candidates.length) / count)]!,
        );
  return picked.map(([start, end]) => ({
    selectors: {
      quote: describeQuoteOffsets(text, start, end, { minimumQuoteLength: CONTEXT_LENGTH }),
      position: {
        type: 'TextPositionSelector',
        start: codePointCount(text, start),
        end: codePointCount(text, end),
      },
    },
  }));
}

/**
 * What monitoring does in every page it watches, whatever the watchlist: the page read
 * (src/content/read-page.ts). Resolves with its time.
 */
export function vigieReadPage(): { ms: number; chars: number } {
  const started = performance.now();
  const read = readPage(document);
  return { ms: performance.now() - started, chars: read.text.length };
}

/**
 * Vigie finding and highlighting every occurrence of `terms`, through the paths it has for it:
 * the page read as monitoring reads it, the terms found in the text a reader sees (as the
 * background finds them), and each occurrence highlighted in the page (as "Show on the page"
 * highlights). The same job as mark.js's below; in the product, the finding runs in the
 * background and the highlighting only on the user's request. Resolves once the frame with the
 * highlights is painted.
 */
export function vigieScanHighlight(terms: string[]): Promise<ScanResult> {
  const started = performance.now();
  const watchlist = compileWatchlist(
    terms.map((term, i): WatchTerm => ({ id: `t${i}`, term, aliases: [] })),
  );
  const read = readPage(document);
  const index = buildTextIndex(document.body);
  const segments: Segment[] = [];
  let matches = 0;
  for (let r = 0; r + 1 < read.shown.length; r += 2) {
    const start = read.shown[r]!;
    for (const hit of watchlist.find(read.text.slice(start, read.shown[r + 1]!))) {
      matches += 1;
      const range = index.rangeOf(start + hit.start, start + hit.end, 'after', 'before');
      if (range) segments.push(...rangeSegments(range));
    }
  }
  const highlighted = createHighlighter(document).add('watch', segments).filter(Boolean).length;
  return afterPaint().then(() => ({ ms: performance.now() - started, matches, highlighted }));
}

/**
 * mark.js marking the same terms: whole words ("exactly", with punctuation as word ends),
 * ignoring case and accents, within text nodes as Vigie matches, leaving out what Vigie's scan
 * leaves out. Resolves once it is done and the frame with the marks painted.
 */
export function markjsScanHighlight(terms: string[]): Promise<ScanResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    new Mark(document.body).mark(terms, {
      accuracy: { value: 'exactly', limiters: MARKJS_LIMITERS },
      separateWordSearch: false,
      diacritics: true,
      caseSensitive: false,
      acrossElements: false,
      exclude: MARKJS_EXCLUDE,
      done: (marked) => {
        void afterPaint().then(() =>
          resolve({ ms: performance.now() - started, matches: marked, highlighted: marked }),
        );
      },
    });
  });
}

/**
 * How many matches Vigie's matcher finds in all the text mark.js reads (hidden text included):
 * where the two counts differ, this tells whether hidden text is the reason.
 */
export function matchesInAllText(terms: string[]): number {
  const watchlist = compileWatchlist(
    terms.map((term, i): WatchTerm => ({ id: `t${i}`, term, aliases: [] })),
  );
  const excluded = `script, style, ${MARKJS_EXCLUDE[0]}`;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let count = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.matches(excluded)) count += watchlist.find((node as Text).data).length;
  }
  return count;
}

const isFound = (range: Range | null, sample: Sample) =>
  range !== null && range.toString() === sample.selectors.quote.exact;

/**
 * Vigie finding the quotes again (src/core/anchoring/reanchor.ts), as the monitoring script
 * does: one index of the page's text for them all, then each quote's range.
 */
export function vigieReanchor(samples: Sample[]): ReanchorResult {
  const started = performance.now();
  const index = buildTextIndex(document.body);
  const anchors = samples.map((sample) => reanchor(index.text, sample.selectors));
  const ranges = anchors.map((at) => at && index.rangeOf(at.start, at.end, 'after', 'before'));
  const ms = performance.now() - started;
  const methods = { exact: 0, quote: 0, fuzzy: 0 };
  for (const at of anchors) if (at) methods[at.method] += 1;
  return { ms, found: samples.filter((sample, i) => isFound(ranges[i]!, sample)).length, methods };
}

/**
 * dom-anchor-text-quote finding the same quotes: `toRange` with the exact text, the prefix and
 * suffix (cut to the 32 characters its matcher takes at most: longer throws), and the position
 * as its `hint`, as Hypothesis used it.
 */
export function peerReanchor(samples: Sample[]): ReanchorResult {
  const started = performance.now();
  const ranges = samples.map(({ selectors: { quote, position } }) => {
    try {
      return toRange(
        document.body,
        {
          exact: quote.exact,
          prefix: quote.prefix ? quote.prefix.slice(-32) : undefined,
          suffix: quote.suffix ? quote.suffix.slice(0, 32) : undefined,
        },
        { hint: position.start },
      );
    } catch {
      return null;
    }
  });
  const ms = performance.now() - started;
  return { ms, found: samples.filter((sample, i) => isFound(ranges[i]!, sample)).length };
}

/** Which of the quotes' exact texts this page's text holds. */
export function textHolds(samples: Sample[]): boolean[] {
  const { text } = buildTextIndex(document.body);
  return samples.map((sample) => text.includes(sample.selectors.quote.exact));
}
