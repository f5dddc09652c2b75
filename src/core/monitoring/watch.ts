/**
 * Finding watched terms in a page's text: each term and its aliases (brand, products, people),
 * whatever the case or the accents, as whole words, French elisions included ("l'ACME",
 * "d’ACME": the apostrophe is not a letter, so the word starts after it). Offsets are the
 * text's own, so a sighting can be highlighted where it is.
 */
import type { WatchTerm } from '../model/types';
import { foldSameLength } from '../text/fold';

export interface Sighting {
  termId: string;
  /** The watched term as the user wrote it (an alias maps back to its term). */
  term: string;
  /** UTF-16 offsets in the text. */
  start: number;
  end: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface CompiledWatchlist {
  /** Every sighting in `text`, in order; overlapping terms yield the longest one. */
  find(text: string): Sighting[];
  readonly size: number;
}

/** Compiles the watchlist once for many texts (a page's text nodes, mutation after mutation). */
export function compileWatchlist(watchlist: readonly WatchTerm[]): CompiledWatchlist {
  const owners = new Map<string, { termId: string; term: string }>();
  for (const entry of watchlist) {
    for (const name of [entry.term, ...entry.aliases]) {
      const key = foldSameLength(name.trim()).replace(/\s+/g, ' ');
      if (key && !owners.has(key)) owners.set(key, { termId: entry.id, term: entry.term });
    }
  }
  const keys = [...owners.keys()].sort((a, b) => b.length - a.length);
  if (keys.length === 0) return { find: () => [], size: 0 };
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}_])(?:${keys.map((k) => escape(k).replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}_])`,
    'gu',
  );
  return {
    size: keys.length,
    find(text) {
      const folded = foldSameLength(text);
      const found: Sighting[] = [];
      for (const match of folded.matchAll(pattern)) {
        const owner = owners.get(match[0].replace(/\s+/g, ' '));
        if (owner) found.push({ ...owner, start: match.index, end: match.index + match[0].length });
      }
      return found;
    },
  };
}

/**
 * A sentence's end: . ! ? or … (and the closing quotes or brackets after it) followed by a
 * blank, or a line break. A full stop inside a number ("5.40") or an address ends nothing.
 */
const SENTENCE_END = /[.!?…]+["'”’»)\]]*(?=\s|$)|\n/g;

/**
 * Where the sentence around [start, end) of `text` starts and ends: back to the last sentence
 * end and on to the next one, at most `max` characters either side of the sighting, blanks at
 * both ends left out.
 */
export function sentenceRange(
  text: string,
  start: number,
  end: number,
  max = 300,
): { start: number; end: number } {
  const lo = Math.max(0, start - max);
  const after = text.slice(end, end + max);
  let from = lo;
  for (const m of text.slice(lo, start).matchAll(SENTENCE_END)) from = lo + m.index + m[0].length;
  const stop = new RegExp(SENTENCE_END.source).exec(after);
  let to = stop ? end + stop.index + stop[0].length : end + after.length;
  while (from < start && /\s/.test(text[from]!)) from++;
  while (to > end && /\s/.test(text[to - 1]!)) to--;
  return { start: from, end: to };
}

/** The sentence around [start, end) in `text`, trimmed and at most `max` characters long. */
export function sentenceAround(text: string, start: number, end: number, max = 300): string {
  const range = sentenceRange(text, start, end, max);
  const clean = text.slice(range.start, range.end).replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
