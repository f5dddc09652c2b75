/**
 * The word ratings and modifiers the scorer reads, per language: the published lists and Vigie's
 * own, folded.
 */
import type { Lang } from './detect-language';
import { foldWord as fold } from '../text/fold';
import { publishedList } from './published';
import { tokenize } from './tokenize';
import { EN_MODIFIERS, EN_WORDS } from './words-en';
import { FR_MODIFIERS, FR_WORDS } from './words-fr';
import { SHARED_WORDS } from './words-shared';

/** A language's word ratings, on VADER's scale (-4 … +4). */
export interface Lexicon {
  /** Vigie's own lists (words-*.ts): folded word, emoji or emoticon → rating. */
  own: Map<string, number>;
  /** Folded beginning of a word ("arnaqu") → rating, for own entries written "arnaqu*". */
  stems: Map<string, number>;
  /** The published list (lexicon-*.ts): folded word → rating. */
  words: Map<string, number>;
  /** Folded words joined by one space ("bad buzz") → rating. */
  phrases: Map<string, number>;
  /** Words in the longest phrase. */
  longest: number;
  /** Endings tried off an unlisted word, longest first: "horriblement" → "horrible". */
  endings: string[];
}

// Inflections and derived adverbs the published lists don't always list.
const ENDINGS: Record<Lang, string[]> = {
  en: ['ingly', 'edly', 'ing', 'ness', 'ed', 'ly', 'es', 's', 'd'],
  fr: ['ement', 'ment', 'es', 'e', 's', 'x'],
};

/** The words that turn or weigh other words, folded, a phrase's words joined by one space. */
export interface Modifiers {
  /** "ne"/"n'": a negation that a closer ends ("ne … pas"). */
  ne: Set<string>;
  /** What ends a "ne" negation: pas, plus, jamais, rien… */
  closers: Set<string>;
  /** Negations on their own: not, n't, never, "pas" without "ne"… */
  loose: Set<string>;
  /** Loose negations that also turn the verb just before them ("j'aime pas"). */
  backward: Set<string>;
  /** Intensifiers (très, really) and diminishers (un peu, slightly). */
  boosters: Set<string>;
  dampeners: Set<string>;
  /** "mais", "but": the clause after outweighs the one before. */
  contrast: Set<string>;
  /** "même si", "although": the clause they open weighs less. */
  concession: Set<string>;
}

/** The folded words of an entry: "rip_off" and "rip-off" both give ["rip", "off"]. */
export function entryWords(entry: string): string[] {
  return tokenize(entry.replace(/_/g, ' '))
    .filter((t) => t.kind !== 'stop' && t.kind !== 'pause')
    .map((t) => t.norm);
}

/**
 * Reads lines of "rating entry entry…" into a lexicon; a later rating of an entry replaces an
 * earlier one. `plain` lines are a published list's single folded words.
 */
function addLines(lexicon: Lexicon, text: string, plain: boolean): void {
  for (const line of text.split('\n')) {
    const [rating, ...entries] = line.trim().split(/\s+/);
    if (!rating || !entries.length) continue;
    const weight = Number(rating);
    for (const entry of entries) {
      // The published lists are single folded words already: no need to tokenize 10,000 of them.
      if (plain) lexicon.words.set(entry, weight);
      else if (entry.endsWith('*')) lexicon.stems.set(fold(entry.slice(0, -1)), weight);
      else {
        const words = entryWords(entry);
        if (words.length === 1) lexicon.own.set(words[0] ?? '', weight);
        else if (words.length > 1) {
          lexicon.phrases.set(words.join(' '), weight);
          lexicon.longest = Math.max(lexicon.longest, words.length);
        }
      }
    }
  }
}

const cache = new Map<Lang, { lexicon: Lexicon; modifiers: Modifiers }>();

function build(lang: Lang): { lexicon: Lexicon; modifiers: Modifiers } {
  const lexicon: Lexicon = {
    own: new Map(),
    stems: new Map(),
    words: new Map(),
    phrases: new Map(),
    longest: 1,
    endings: ENDINGS[lang],
  };
  addLines(lexicon, publishedList(lang), true);
  addLines(lexicon, SHARED_WORDS, false);
  addLines(lexicon, lang === 'fr' ? FR_WORDS : EN_WORDS, false);
  const m = lang === 'fr' ? FR_MODIFIERS : EN_MODIFIERS;
  const set = (words: string | readonly string[]) =>
    new Set(
      (typeof words === 'string' ? words.split(/\s+/) : words)
        .filter(Boolean)
        .map((w) => entryWords(w).join(' ')),
    );
  const modifiers: Modifiers = {
    ne: set(m.ne),
    closers: set(m.closers),
    loose: set(m.loose),
    backward: set(m.backward),
    boosters: set(m.boosters),
    dampeners: set(m.dampeners),
    contrast: set(m.contrast),
    concession: set(m.concession),
  };
  return { lexicon, modifiers };
}

/** A language's lexicon and modifiers, built on first use (a few milliseconds) and kept. */
export function languageData(lang: Lang): { lexicon: Lexicon; modifiers: Modifiers } {
  let data = cache.get(lang);
  if (!data) {
    data = build(lang);
    cache.set(lang, data);
  }
  return data;
}

/** A word as Vigie's lists or else the published list rate it. */
const exact = (lexicon: Lexicon, norm: string) => lexicon.own.get(norm) ?? lexicon.words.get(norm);

/**
 * A listed word: Vigie's own entries first, then its listed beginnings ("arnaqu*"), which
 * override the published list's words they cover, then the published list; or the same word
 * with its stretched letters put back.
 */
function listed(lexicon: Lexicon, norm: string): number | undefined {
  const own = lexicon.own.get(norm);
  if (own !== undefined) return own;
  for (let end = norm.length; end >= 3; end--) {
    const stem = lexicon.stems.get(norm.slice(0, end));
    if (stem !== undefined) return stem;
  }
  const published = lexicon.words.get(norm);
  if (published !== undefined) return published;
  if (/(\p{L})\1\1/u.test(norm)) {
    // "nuuuul", "sooooo good": stretched for emphasis.
    const two = norm.replace(/(\p{L})\1+/gu, '$1$1');
    return listed(lexicon, two) ?? listed(lexicon, two.replace(/(\p{L})\1/gu, '$1'));
  }
  return undefined;
}

/**
 * A single word's rating: the word as listed, else the word less an inflection or an adverb's
 * ending ("disappoints", "horriblement"), with a dropped "e" or doubled consonant put right.
 */
export function wordWeight(lexicon: Lexicon, norm: string): number | undefined {
  const found = listed(lexicon, norm);
  if (found !== undefined) return found;
  for (const ending of lexicon.endings) {
    const stem = norm.slice(0, -ending.length);
    if (!norm.endsWith(ending) || stem.length < 3) continue;
    const doubled = /(\p{L})\1$/u.test(stem) ? stem.slice(0, -1) : undefined;
    for (const candidate of doubled ? [stem, `${stem}e`, doubled] : [stem, `${stem}e`]) {
      const weight = exact(lexicon, candidate);
      if (weight !== undefined) return weight;
    }
  }
  return undefined;
}
