/**
 * The stored form of a posting list (postings.ts): capture times as numbers, in a Float64Array,
 * and the ids in one string. An import writes thousands of lists holding millions of entries;
 * cloning one typed array and one string per list costs the browser a fraction of cloning two
 * arrays of small strings, which was a large part of the import's writing time.
 *
 * Exact for every time and id the database may hold. A time is kept as epoch ms only when
 * `toISOString` gives it back character for character: the readers compare and return the
 * times as the mentions' index keys hold them. The schemas accept other ISO forms (no
 * milliseconds, an offset, a space for the T), which a backup may bring in: such a time stays
 * its text, and its list's times a plain array of numbers and texts. Ids may hold any
 * character, so each is written after its length rather than between separators.
 */
import type { PostingList } from './schema';

/** A capture time as a list holds it: epoch ms, or the ISO text `timeOf` could not pack. */
export type Time = number | string;

/**
 * `iso` as epoch ms when that gives it back exactly, else `iso` itself. Only the 24 characters
 * of a four-digit year qualify: between them the order of the numbers is the order of the texts,
 * as the indexes sort them ("+010000-…" would sort before "2026-…").
 */
export function timeOf(iso: string): Time {
  if (iso.length !== 24) return iso;
  const ms = Date.parse(iso);
  return !Number.isNaN(ms) && new Date(ms).toISOString() === iso ? ms : iso;
}

/** The ISO text of a time `timeOf` made. */
export const isoOf = (time: Time): string =>
  typeof time === 'number' ? new Date(time).toISOString() : time;

/** Two times in the order of their ISO texts (UTF-16 code units), as the indexes order them. */
export function compareTimes(a: Time, b: Time): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [isoOf(a), isoOf(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** An entry of a list: a mention's capture time, packed, and its id. */
export interface Entry {
  at: Time;
  id: string;
}

/** The lists' order: capture time, then id (by UTF-16 code units, as IndexedDB orders them). */
export function compareEntries(a: Entry, b: Entry): number {
  const order = compareTimes(a.at, b.at);
  if (order !== 0) return order;
  return a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
}

/** Past this a length takes three code units: a marker, then its high and low 16 bits. */
const LONG = 0xffff;

/**
 * The ids as one string, each after its length in one UTF-16 code unit (three past 0xfffe).
 * Mention ids are at most 100 code units, of any kind (schemas.ts), so no separator is safe.
 */
export function packIds(ids: readonly string[]): string {
  const parts: string[] = [];
  for (const id of ids) {
    const n = id.length;
    parts.push(
      n < LONG ? String.fromCharCode(n) : String.fromCharCode(LONG, n >>> 16, n & LONG),
      id,
    );
  }
  return parts.join('');
}

/** The ids `packIds` joined, in order. */
export function unpackIds(packed: string): string[] {
  const ids: string[] = [];
  let i = 0;
  while (i < packed.length) {
    let n = packed.charCodeAt(i++);
    if (n === LONG) {
      n = packed.charCodeAt(i) * 0x10000 + packed.charCodeAt(i + 1);
      i += 2;
    }
    ids.push(packed.slice(i, i + n));
    i += n;
  }
  return ids;
}

/** A list as stored, from its times and ids in order: a Float64Array when every time packed. */
export function packList(at: readonly Time[], ids: readonly string[]): PostingList {
  const numbers = at.every((time) => typeof time === 'number');
  return { at: numbers ? new Float64Array(at as number[]) : [...at], ids: packIds(ids) };
}

/** A list as the schema-4 and -5 builds stored it (migration 5 → 6 packs it). */
export interface UnpackedList {
  at: string[];
  id: string[];
}

/** Whether a stored list is packed, or as schemas 4 and 5 stored it. */
export const isPacked = (list: PostingList | UnpackedList): list is PostingList =>
  typeof (list as Partial<PostingList>).ids === 'string';
