/**
 * What the background finds in a page's read (core/monitoring/page-read.ts): the watched terms
 * in the text a reader sees, each with the sentence around it described by the same W3C
 * selectors a right-click gives, and the page's flagged quotes found again or not. Pure: the
 * page's script only reads its text; all of this runs in the background.
 */
import { describeQuoteOffsets } from '../anchoring/describe-text-quote';
import { reanchor } from '../anchoring/reanchor';
import { codePointCount } from '../anchoring/text-index';
import { LIMITS, shorten } from '../model/limits';
import type { PageRead } from './page-read';
import { MAX_SIGHTINGS, sightingId, type FlaggedQuote, type PageSighting } from './report';
import { sentenceRange, type CompiledWatchlist } from './watch';

/** Context kept around a sentence, as a right-click capture keeps it around a selection. */
const CONTEXT_LENGTH = 64;
/** The longest sentence kept around a sighting, either side of it. */
const SENTENCE_MAX = 300;
/**
 * The most text a sighting keeps either side of its sentence: a page of blocks repeated
 * hundreds of times makes the context that tells one from the others long.
 */
const SIGHTING_CONTEXT_MAX = 2_000;

/** The innermost block of `blocks` (flat [start, end) pairs in document order) holding [start, end). */
function blockAround(blocks: readonly number[], start: number, end: number): [number, number] {
  // Blocks are in document order: by start, a block inside another after it. The innermost
  // holding the range is the last one starting at or before it that ends at or after it.
  let lo = 0;
  let hi = blocks.length / 2 - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[2 * mid]! <= start) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = last; i >= 0; i--) {
    if (blocks[2 * i + 1]! >= end) return [blocks[2 * i]!, blocks[2 * i + 1]!];
  }
  return [0, Number.POSITIVE_INFINITY];
}

/** Whether offset `at` lies in one of `runs` (flat [start, end) pairs in order). */
function inRuns(runs: readonly number[], at: number): boolean {
  let lo = 0;
  let hi = runs.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (runs[2 * mid + 1]! <= at) lo = mid + 1;
    else if (runs[2 * mid]! > at) hi = mid - 1;
    else return true;
  }
  return false;
}

/**
 * The watched terms in the text a reader sees, each once per sentence (at most `limit`), with
 * the sentence around it and its selectors; in the order of the page.
 */
export function sightingsOf(
  read: PageRead,
  watchlist: CompiledWatchlist,
  limit = MAX_SIGHTINGS,
): PageSighting[] {
  const { text, shown, blocks, pre } = read;
  const sightings: PageSighting[] = [];
  const seen = new Set<string>();
  if (watchlist.size === 0) return sightings;
  for (let r = 0; r + 1 < shown.length && sightings.length < limit; r += 2) {
    const runStart = shown[r]!;
    for (const hit of watchlist.find(text.slice(runStart, shown[r + 1]!))) {
      if (sightings.length >= limit) break;
      const start = runStart + hit.start;
      const end = runStart + hit.end;
      const [blockStart, blockEnd] = blockAround(blocks, start, end);
      const from = Math.max(blockStart, start - SENTENCE_MAX, 0);
      const to = Math.min(blockEnd, end + SENTENCE_MAX, text.length);
      // A line break in the page's source is a blank as the reader sees it, unless its text
      // keeps its line breaks (pre, pre-wrap…). Replaced one for one: offsets stay.
      const around = text
        .slice(from, to)
        .replace(/[\n\r]/g, (c, i: number) => (inRuns(pre, from + i) ? c : ' '));
      const range = sentenceRange(around, start - from, end - from, SENTENCE_MAX);
      const [s, e] = [from + range.start, from + range.end];
      const exact = text.slice(s, e).replace(/\s+/g, ' ');
      const key = `${hit.termId}\n${exact}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const quote = describeQuoteOffsets(text, s, e, { minimumQuoteLength: CONTEXT_LENGTH });
      if (quote.prefix !== undefined) {
        quote.prefix = shorten(quote.prefix, SIGHTING_CONTEXT_MAX, 'start');
      }
      if (quote.suffix !== undefined) quote.suffix = shorten(quote.suffix, SIGHTING_CONTEXT_MAX);
      sightings.push({
        id: sightingId(hit.termId, exact),
        termId: hit.termId,
        term: shorten(hit.term, LIMITS.name),
        sentence: exact.length > SENTENCE_MAX ? `${exact.slice(0, SENTENCE_MAX - 1)}…` : exact,
        exact,
        selectors: {
          quote,
          position: {
            type: 'TextPositionSelector',
            start: codePointCount(text, s),
            end: codePointCount(text, e),
          },
        },
      });
    }
  }
  return sightings;
}

/** Which of the page's flagged quotes are found again in its text, and which are not. */
export function anchorFlagged(
  text: string,
  flagged: readonly FlaggedQuote[],
): { found: string[]; missing: string[] } {
  const found: string[] = [];
  const missing: string[] = [];
  for (const quote of flagged) {
    (reanchor(text, quote.selectors) ? found : missing).push(quote.mentionId);
  }
  return { found, missing };
}
