/**
 * Search and filters of the crisis log, as pure functions: text folded to lower case without
 * accents and cut into words; a query matches when each of its words begins a word of the record
 * ("refun" finds "refund", "eleve" finds "élevé"). The filters' types cross the message boundary.
 */
import { LEVELS, STEPS, TONES, type Level, type StepId, type Tone } from './types';
import { foldText } from '../text/fold';

/** Newest first (the default) or oldest first, by capture or opening time. */
export type SortOrder = 'newest' | 'oldest';

/** What narrows a list of mentions; every field given must hold. */
export interface MentionFilter {
  /** Words to find, all of them, each as the beginning of a word (case and accents ignored). */
  q?: string;
  tone?: Tone;
  /** The exact host name. */
  site?: string;
  /** The exact tag. */
  tag?: string;
  /** Captured at or after this instant (ISO-8601). */
  from?: string;
  /** Captured before this instant (ISO-8601). */
  to?: string;
  sort?: SortOrder;
}

/** What narrows a list of crises (open or closed is the list's own `state`). */
export interface CrisisFilter {
  /** Words of the title, as in `MentionFilter.q`. */
  q?: string;
  level?: Level;
  /** The current step of an open crisis. */
  step?: StepId;
  sort?: SortOrder;
}

/** A longer word (an address, a hash) is cut to this length, and so is a query word. */
export const MAX_WORD_LENGTH = 32;
/** The most words kept per mention: enough for a long quote, bounded for the index. */
export const MAX_WORDS = 128;
/** Query words beyond this are ignored: each one costs a check on every candidate. */
const MAX_QUERY_WORDS = 12;
const MAX_QUERY_LENGTH = 500;

/** The folded words of `text`, each cut to MAX_WORD_LENGTH, in order, repeats included. */
function* foldedWords(text: string): Generator<string> {
  for (const [word] of foldText(text).matchAll(/[\p{L}\p{N}]+/gu)) {
    yield word.slice(0, MAX_WORD_LENGTH);
  }
}

/**
 * The distinct words of `text` a search can find, in order of first appearance. Single letters
 * (the l of "l'arnaque", the s of "it's") are left out: as a query word, one letter still matches
 * the beginning of longer words.
 */
export function wordsOf(text: string, max = Infinity): string[] {
  const words = new Set<string>();
  for (const word of foldedWords(text)) {
    if (words.size >= max) break;
    if (word.length > 1) words.add(word);
  }
  return [...words];
}

/**
 * The words a mention is found by: its tags, site, page title, quote and note, at most MAX_WORDS.
 * The short fields come first, so that a long quote never crowds them out.
 */
export function mentionWords(m: {
  tags: readonly string[];
  site: string;
  pageTitle: string;
  quote: string;
  note: string;
}): string[] {
  return wordsOf([...m.tags, m.site, m.pageTitle, m.quote, m.note].join('\n'), MAX_WORDS);
}

/**
 * The `words` index entries of a mention: each of its words with its capture time. Only the
 * 1 → 2 schema migration uses them now: the 3 → 4 one replaced that index by posting lists.
 */
export function wordEntries(m: Parameters<typeof mentionWords>[0] & { capturedAt: string }) {
  return mentionWords(m).map((word): [word: string, capturedAt: string] => [word, m.capturedAt]);
}

/**
 * The words of a query, folded. A word that begins another query word is dropped: whatever the
 * longer one matches, the shorter one matches too.
 */
export function queryWords(query: string): string[] {
  const all = [...new Set(foldedWords(query.slice(0, MAX_QUERY_LENGTH)))];
  return all
    .filter((word) => !all.some((other) => other !== word && other.startsWith(word)))
    .slice(0, MAX_QUERY_WORDS);
}

/** Whether each query word begins one of `words` (an empty query matches everything). */
export function matchesWords(words: readonly string[], query: readonly string[]): boolean {
  return query.every((q) => words.some((word) => word.startsWith(q)));
}

const MAX_FIELD = 1_000;
const isText = (value: unknown) => typeof value === 'string' && value.length <= MAX_FIELD;
const isIso = (value: unknown) =>
  typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value));
const isSort = (value: unknown) => value === 'newest' || value === 'oldest';

/** Only the keys listed, each absent or valid. */
function fieldsValid(value: unknown, checks: Record<string, (v: unknown) => boolean>): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.entries(value).every(([key, v]) => {
    const check = Object.hasOwn(checks, key) ? checks[key] : undefined;
    return v === undefined || (check !== undefined && check(v));
  });
}

/** Is this a well-formed mention filter (as it comes from another context)? */
export function isMentionFilter(value: unknown): value is MentionFilter {
  return fieldsValid(value, {
    q: isText,
    tone: (v) => TONES.includes(v as Tone),
    site: isText,
    tag: isText,
    from: isIso,
    to: isIso,
    sort: isSort,
  });
}

/** Is this a well-formed crisis filter (as it comes from another context)? */
export function isCrisisFilter(value: unknown): value is CrisisFilter {
  return fieldsValid(value, {
    q: isText,
    level: (v) => LEVELS.includes(v as Level),
    step: (v) => STEPS.includes(v as StepId),
    sort: isSort,
  });
}
