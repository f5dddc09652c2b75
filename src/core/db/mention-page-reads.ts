/**
 * Reading one page of mentions along the list the query planner chose (mention-query.ts): an
 * index range, a word's posting lists, or candidates already known. A page is bounded twice:
 * by its size, and by the records read to fill it (MAX_SCAN).
 */
import { unwrap } from 'idb';
import type { TimeCursor } from '../model/paging';
import type { MentionIndex, Store } from './query-stores';
import type { StoredMention } from './schema';
import { compareTime, isAfter, type Direction } from './time-range';

/** The records one call reads at most before it returns its page, full or not. */
export const MAX_SCAN = 500;

export interface StoredPage {
  items: StoredMention[];
  /** Where the next page starts; null when the list is read to its end. */
  next: TimeCursor | null;
  /** How many records the whole list holds, when that is known without reading them all. */
  total: number | null;
}

type Matches = (m: StoredMention) => boolean;

const cursorOf = (m: StoredMention): TimeCursor => ({ at: m.capturedAt, id: m.id });

/** Reads candidates in time order, a page's worth at a time, keeping those that match. */
export function fromCandidates(
  store: Store,
  candidates: TimeCursor[],
  matches: Matches,
  limit: number,
  after: TimeCursor | null,
  direction: Direction,
): Promise<StoredPage> {
  const sign = direction === 'prev' ? -1 : 1;
  const rest = candidates
    .filter((c) => isAfter(c.at, c.id, after, direction))
    .sort((a, b) => sign * compareTime(a, b));
  return fromEntries(store, rest, matches, limit);
}

/**
 * Reads the records of `entries` (in list order) a page's worth at a time, keeping those that
 * match, until the page is full or MAX_SCAN records were read.
 */
export async function fromEntries(
  store: Store,
  entries: Iterable<TimeCursor> | AsyncIterable<TimeCursor>,
  matches: Matches,
  limit: number,
): Promise<StoredPage> {
  const items: StoredMention[] = [];
  let batch: TimeCursor[] = [];
  let read = 0;
  let last: TimeCursor | null = null;
  const readBatch = async () => {
    const values = await Promise.all(batch.map((c) => store.get(c.id)));
    for (const value of values) if (value && matches(value)) items.push(value);
    read += batch.length;
    last = batch[batch.length - 1] ?? last;
    batch = [];
  };
  for await (const entry of entries) {
    // Stopped early: the list goes on, since it holds this one more entry.
    if (items.length >= limit || read >= MAX_SCAN) return { items, next: last, total: null };
    batch.push(entry);
    if (batch.length >= Math.min(limit - items.length, MAX_SCAN - read)) await readBatch();
  }
  if (batch.length > 0) await readBatch();
  return { items, next: null, total: null };
}

/** Reads an index range in order until the page is full or MAX_SCAN records were read. */
export function scan(
  index: MentionIndex,
  range: IDBKeyRange | null,
  matches: Matches,
  limit: number,
  direction: Direction,
): Promise<StoredPage> {
  if (!range) return Promise.resolve({ items: [], next: null, total: null });
  // The plain IndexedDB cursor: idb wraps each step in a promise, which costs more than the
  // read itself when a page scans many records.
  const request = unwrap(index).openCursor(range, direction);
  return new Promise((resolve, reject) => {
    const items: StoredMention[] = [];
    let last: StoredMention | null = null;
    let scanned = 0;
    let full = false;
    request.onerror = () => reject(request.error ?? new Error('index unreadable'));
    request.onsuccess = () => {
      const cursor = request.result;
      // Stopped early: the list goes on if the index holds one more record.
      if (full || !cursor) {
        const more = full && cursor !== null;
        return resolve({ items, next: more && last ? cursorOf(last) : null, total: null });
      }
      const value = cursor.value as StoredMention;
      last = value;
      scanned += 1;
      if (matches(value)) items.push(value);
      full = items.length >= limit || scanned >= MAX_SCAN;
      cursor.continue();
    };
  });
}
