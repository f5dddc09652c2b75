/**
 * How long the texts of Vigie's records may be, and how a text is shortened to its limit: cut,
 * with `CUT_MARK` where it was cut, so that a reader sees it and Vigie can tell. Kept apart
 * from the schemas (core/model/schemas.ts, which read these limits) so that the pages' fields
 * and the evidence panel know them without loading the schema library.
 */

/** The longest text of each kind a record holds; the crisis log's fields stop there too. */
export const LIMITS = {
  id: 100,
  url: 100_000,
  pageTitle: 10_000,
  site: 1_000,
  lang: 100,
  quote: 100_000,
  /** The text kept either side of a quote, to find it again. */
  context: 10_000,
  note: 20_000,
  tag: 60,
  /** Titles, labels, names, channels, contacts, owners, parties, watched terms, words. */
  name: 1_000,
  /** What an action or a precaution is. */
  action: 5_000,
  /** Messages, templates, status updates, journal texts. */
  message: 100_000,
  currency: 10,
} as const;

/** The longest lists the settings hold: what a merge of settings may add up to. */
export const SETTINGS_LISTS = {
  stakeholders: 2_000,
  watchlist: 5_000,
  wordRules: 10_000,
} as const;

/** Where a text was cut: at its end, or at its start for the text before a quote. */
export const CUT_MARK = '[…]';

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** `text` shortened to at most `max` characters with the mark at the cut; never splits a pair. */
export function shorten(text: string, max: number, side: 'end' | 'start' = 'end'): string {
  if (text.length <= max) return text;
  const keep = Math.max(0, max - CUT_MARK.length);
  if (side === 'end') {
    let end = keep;
    if (end > 0 && isHigh(text.charCodeAt(end - 1))) end -= 1;
    return text.slice(0, end) + CUT_MARK;
  }
  let start = text.length - keep;
  if (start < text.length && isLow(text.charCodeAt(start))) start += 1;
  return CUT_MARK + text.slice(start);
}

/** Whether `text` looks as `shorten` leaves a text cut to `max` (a pair kept whole may cost one). */
export function wasShortened(text: string, max: number, side: 'end' | 'start' = 'end'): boolean {
  if (text.length < max - 1) return false;
  return side === 'end' ? text.endsWith(CUT_MARK) : text.startsWith(CUT_MARK);
}
