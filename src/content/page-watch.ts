/**
 * Monitoring of one page: highlights the watched terms as the scan finds them, describes the
 * sentence around each (the background scores it for negativity), finds the page's flagged
 * quotes again, and reports what it found once the page is scanned (then again whenever
 * mutations bring something new).
 */
import { describeQuoteOffsets } from '../core/anchoring/describe-text-quote';
import { reanchor } from '../core/anchoring/reanchor';
import { buildTextIndex, codePointCount, type TextIndex } from '../core/anchoring/text-index';
import {
  MAX_SIGHTINGS,
  sightingId,
  type FlaggedQuote,
  type MonitorConfig,
  type MonitorReport,
  type PageSighting,
} from '../core/monitoring/report';
import { compileWatchlist, sentenceRange } from '../core/monitoring/watch';
import { createHighlighter, rangeSegments, type Highlighter, type Segment } from './highlighter';
import { startScanner, type TextHit } from './scanner';

export interface PageWatchOptions {
  doc: Document;
  config: MonitorConfig;
  send: (report: MonitorReport) => void;
  /** Aborting stops the watch and removes every highlight. */
  signal: AbortSignal;
  highlighter?: Highlighter;
  schedule?: (task: (budgetMs?: number) => void) => void;
  batchMs?: number;
}

/** Context kept around a sentence, as a right-click capture keeps it around a selection. */
const CONTEXT_LENGTH = 64;
/** The longest sentence kept around a sighting, either side of it. */
const SENTENCE_MAX = 300;
/** Flagged quotes not found are looked for again after this many mutation batches at most. */
const MAX_RETRIES = 10;

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

function blockOf(node: Node): Element | null {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (BLOCKS.has(el.tagName.toUpperCase())) return el;
  }
  return null;
}

/** Watches `doc` with `config` until `signal` aborts. */
export function watchPage(options: PageWatchOptions): void {
  const { doc, config, signal } = options;
  const body = doc.body;
  if (!body || signal.aborted) return;
  const watchlist = compileWatchlist(config.watchlist);
  const highlighter = options.highlighter ?? createHighlighter(doc);

  const sightings: PageSighting[] = [];
  const seen = new Set<string>();
  let hits: TextHit[] = [];
  let missing: FlaggedQuote[] = [...config.flagged];
  const found: string[] = [];
  let retries = -1;
  let changed = true;

  signal.addEventListener('abort', () => scanner.quiet(() => highlighter.clear()), { once: true });

  /** The sentence around a hit as a sighting, with its selectors; null when seen already. */
  function describe(hit: TextHit, index: TextIndex): PageSighting | null {
    const { text } = index;
    const start = index.offsetOf(hit.node, hit.start);
    const end = start + (hit.end - hit.start);
    const block = blockOf(hit.node);
    const from = Math.max(block ? index.offsetOf(block, 0) : 0, start - SENTENCE_MAX);
    const to = Math.min(
      block ? index.offsetOf(block, block.childNodes.length) : text.length,
      end + SENTENCE_MAX,
    );
    // A line break in the page's source is a blank as the reader sees it, unless the block
    // keeps its line breaks (pre, pre-wrap…). Replaced one for one: offsets stay.
    const around = text.slice(from, to);
    const keepsBreaks =
      block !== null && /pre|break-spaces/.test(getComputedStyle(block).whiteSpace);
    const range = sentenceRange(
      keepsBreaks ? around : around.replace(/[\n\r]/g, ' '),
      start - from,
      end - from,
      SENTENCE_MAX,
    );
    const [s, e] = [from + range.start, from + range.end];
    const exact = text.slice(s, e).replace(/\s+/g, ' ');
    const key = `${hit.termId}\n${exact}`;
    if (seen.has(key)) return null;
    seen.add(key);
    return {
      id: sightingId(hit.termId, exact),
      termId: hit.termId,
      term: hit.term,
      sentence: exact.length > SENTENCE_MAX ? `${exact.slice(0, SENTENCE_MAX - 1)}…` : exact,
      exact,
      selectors: {
        quote: describeQuoteOffsets(text, s, e, { minimumQuoteLength: CONTEXT_LENGTH }),
        position: {
          type: 'TextPositionSelector',
          start: codePointCount(text, s),
          end: codePointCount(text, e),
        },
      },
    };
  }

  /** Finds the flagged quotes still missing, and highlights those found. */
  function anchor(index: TextIndex): void {
    const still: FlaggedQuote[] = [];
    const segments: Segment[] = [];
    for (const quote of missing) {
      const at = reanchor(index.text, quote.selectors);
      const range = at && index.rangeOf(at.start, at.end, 'after', 'before');
      if (!range) {
        still.push(quote);
        continue;
      }
      found.push(quote.mentionId);
      segments.push(...rangeSegments(range));
      changed = true;
    }
    missing = still;
    scanner.quiet(() => highlighter.add('flagged', segments));
  }

  function settle(): void {
    if (signal.aborted) return;
    retries += 1;
    const describing = hits.filter((h) => h.node.isConnected);
    hits = [];
    const wanted =
      (describing.length > 0 && sightings.length < MAX_SIGHTINGS) ||
      (missing.length > 0 && retries <= MAX_RETRIES);
    if (wanted) {
      // One indexing of the page serves every sighting and every quote of this round.
      const index = buildTextIndex(body!);
      for (const hit of describing) {
        if (sightings.length >= MAX_SIGHTINGS) break;
        const sighting = describe(hit, index);
        if (sighting) {
          sightings.push(sighting);
          changed = true;
        }
      }
      if (missing.length > 0 && retries <= MAX_RETRIES) anchor(index);
    }
    if (!changed) return;
    changed = false;
    options.send({
      title: doc.title,
      lang: doc.documentElement.lang || null,
      sightings: [...sightings],
      anchors: { found: [...found], missing: missing.map((q) => q.mentionId) },
    });
  }

  const scanner = startScanner({
    root: body,
    watchlist,
    signal,
    schedule: options.schedule,
    batchMs: options.batchMs,
    onHits(batch) {
      const moved = scanner.quiet(() => highlighter.add('watch', batch));
      batch.forEach((hit, i) => {
        const now = moved[i];
        hits.push(now ? { ...hit, ...now } : hit);
      });
    },
    onChanged: (node) => highlighter.forget(node),
    onIdle: settle,
  });
}
