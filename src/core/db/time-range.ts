/**
 * Key ranges over the indexes ordered by time, whose keys read `[...prefix, time, id]`: the
 * records of one prefix (a crisis, a site, a tone; none for the whole log) within a time window,
 * strictly after a page's cursor in the direction of the list.
 */
import type { TimeCursor } from '../model/paging';

/** 'prev' lists newest first, 'next' oldest first. */
export type Direction = 'prev' | 'next';

/** From (inclusive) and to (exclusive) ISO instants, each optional. */
export interface TimeWindow {
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * The range of `prefix`'s keys in `window` that come after `after` when read in `direction`;
 * null when nothing can be in it (an empty window, or a cursor past its end).
 */
export function timeRange(
  prefix: readonly unknown[],
  window: TimeWindow,
  after: TimeCursor | null,
  direction: Direction,
): IDBKeyRange | null {
  // An array sorts after every string: [...prefix, []] is above every key of the prefix.
  let lower: unknown[] = window.from ? [...prefix, window.from] : [...prefix];
  let upper: unknown[] = window.to ? [...prefix, window.to] : [...prefix, []];
  let lowerOpen = false;
  let upperOpen = Boolean(window.to);
  if (after) {
    const key = [...prefix, after.at, after.id];
    if (direction === 'prev' && indexedDB.cmp(key, upper) < 0) {
      upper = key;
      upperOpen = true;
    }
    if (direction === 'next' && indexedDB.cmp(key, lower) > 0) {
      lower = key;
      lowerOpen = true;
    }
  }
  const order = indexedDB.cmp(lower, upper);
  if (order > 0 || (order === 0 && (lowerOpen || upperOpen))) return null;
  return IDBKeyRange.bound(lower, upper, lowerOpen, upperOpen);
}

/** Whether the instant `at` is within the window. */
export const inWindow = (at: string, window: TimeWindow) =>
  (!window.from || at >= window.from) && (!window.to || at < window.to);

/** Whether a record at `at`/`id` comes after the cursor, read in `direction`. */
export function isAfter(at: string, id: string, after: TimeCursor | null, direction: Direction) {
  if (!after) return true;
  const order = compareTime({ at, id }, after);
  return direction === 'prev' ? order < 0 : order > 0;
}

/** Time then id, as the indexes order them (strings by UTF-16 code units, as IndexedDB does). */
export function compareTime(a: TimeCursor, b: TimeCursor): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}
