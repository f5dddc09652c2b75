/**
 * Finding watched terms in a page's text: each term and its aliases (brand, products, people),
 * whatever the case or the accents, as whole words, French elisions included ("l'ACME",
 * "d’ACME": the apostrophe is not a letter, so the word starts after it). Offsets are the
 * text's own, so a sighting can be highlighted where it is.
 */
import type { WatchTerm } from '../model/types';

export interface Sighting {
  termId: string;
  /** The watched term as the user wrote it (an alias maps back to its term). */
  term: string;
  /** UTF-16 offsets in the text. */
  start: number;
  end: number;
}

/**
 * The text in lower case without accents, of the very same length: each character becomes
 * its own base letter, so offsets in the folded text are offsets in the original.
 */
export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Surrogate halves and plain ASCII stay as they are (ASCII only lowered).
    if (c < 128) out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : text[i];
    else if (c >= 0xd800 && c <= 0xdfff) out += text[i];
    else {
      const base = text[i]!.normalize('NFD')[0]!.toLowerCase();
      out += base.length === 1 ? base : text[i];
    }
  }
  return out;
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
      const key = fold(name.trim()).replace(/\s+/g, ' ');
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
      const folded = fold(text);
      const found: Sighting[] = [];
      for (const match of folded.matchAll(pattern)) {
        const owner = owners.get(match[0].replace(/\s+/g, ' '));
        if (owner) found.push({ ...owner, start: match.index, end: match.index + match[0].length });
      }
      return found;
    },
  };
}

/** The sentence around [start, end) in `text`, trimmed and at most `max` characters long. */
export function sentenceAround(text: string, start: number, end: number, max = 300): string {
  const before = text.slice(Math.max(0, start - max), start);
  const after = text.slice(end, end + max);
  const from = Math.max(before.search(/[.!?…\n][^.!?…\n]*$/) + 1, 0);
  const stop = after.search(/[.!?…\n]/);
  const sentence =
    before.slice(from) + text.slice(start, end) + (stop === -1 ? after : after.slice(0, stop + 1));
  const clean = sentence.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
