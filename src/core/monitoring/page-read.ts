/**
 * What a monitored page's script sends: the page's text and where a reader sees it, nothing
 * more. The script does the same work on every page whatever the watchlist, which never enters
 * the page's process: the background finds the watched terms, describes their sentences and
 * finds the flagged quotes again (core/monitoring/analyze.ts). The page can learn nothing of
 * the watchlist, or of what was flagged, from what runs beside it.
 */
import * as v from 'valibot';
import { LIMITS, shorten } from '../model/limits';

/** The most text of a page that is read: its start, when it has more (a report stays a few MB). */
export const MAX_PAGE_TEXT = 2_000_000;
/** The most numbers of each list of offsets (runs, blocks): twice the pairs it holds. */
export const MAX_OFFSETS = 400_000;

export interface PageRead {
  title: string;
  lang: string | null;
  /**
   * The page's text as a right-click capture reads it: the data of every text node of the body,
   * in document order (so that selectors describe a sighting as they describe a selection).
   */
  text: string;
  /** Where the text a reader sees lies: [start, end) of each shown text node, flat, in order. */
  shown: number[];
  /** Block elements, [start, end) of each, flat, in document order: a sentence stays in its block. */
  blocks: number[];
  /** Shown text nodes whose line breaks show (pre, pre-wrap…): [start, end), flat. */
  pre: number[];
  /** Whether the page held more text than was read (MAX_PAGE_TEXT). */
  cut: boolean;
}

const offsets = v.array(v.pipe(v.number(), v.integer(), v.minValue(0)));

/** The shape of a read, before its bounds: types only (lengths are cut, not refused). */
const PageReadShape = v.strictObject({
  title: v.string(),
  lang: v.nullable(v.string()),
  text: v.string(),
  shown: offsets,
  blocks: offsets,
  pre: offsets,
  cut: v.boolean(),
});

/** A list of [start, end) pairs within `length`, at most MAX_OFFSETS numbers. */
function pairs(list: number[], length: number): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < list.length && out.length < MAX_OFFSETS; i += 2) {
    const [start, end] = [list[i]!, list[i + 1]!];
    if (start <= end && end <= length) out.push(start, end);
  }
  return out;
}

/**
 * A page's read as the background takes it from a script that runs beside the page: null when
 * it is not of the shape at all; otherwise bounded, never refused for its size: text past
 * MAX_PAGE_TEXT is left out (`cut`), pairs past the text or the list's bound dropped, the
 * title shortened, a language tag too long to be one forgotten.
 */
export function pageReadFrom(value: unknown): PageRead | null {
  const parsed = v.safeParse(PageReadShape, value);
  if (!parsed.success) return null;
  const read = parsed.output;
  const text = read.text.length > MAX_PAGE_TEXT ? read.text.slice(0, MAX_PAGE_TEXT) : read.text;
  const lang = read.lang?.trim() ?? '';
  return {
    title: shorten(read.title, LIMITS.pageTitle),
    lang: lang && lang.length <= LIMITS.lang ? lang : null,
    text,
    shown: pairs(read.shown, text.length),
    blocks: pairs(read.blocks, text.length),
    pre: pairs(read.pre, text.length),
    cut: read.cut || text.length < read.text.length,
  };
}
