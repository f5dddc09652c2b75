/**
 * What the query planner reads of the search words' posting lists (postings.ts), by key only
 * where it can: the one word a prefix names, a prefix's mentions when they are few, a word's
 * entries in time order, and how many a word holds in a time window. The lists' times are
 * compared packed (posting-pack.ts), with the window and the cursor packed once: only the
 * entries handed back are written out as ISO texts.
 */
import type { TimeCursor } from '../model/paging';
import {
  compareEntries,
  compareTimes,
  isoOf,
  timeOf,
  unpackIds,
  type Entry,
  type Time,
} from './posting-pack';
import { LAST_MONTH, monthOf, prefixRange } from './postings';
import type { Postings } from './query-stores';
import type { Direction, TimeWindow } from './time-range';

/**
 * The one word that begins with `prefix` ("chargeback" for "charg", when no other word begins
 * so); '' when several do, null when none does.
 */
export async function onlyWord(postings: Postings, prefix: string): Promise<string | null> {
  const first = await postings.openKeyCursor(prefixRange(prefix));
  if (!first) return null;
  const word = first.key[0];
  // [word, []] sorts after every key of `word`: is there a key of another word after them?
  const other = await postings.openKeyCursor(IDBKeyRange.bound([word, []], [`${prefix}\uffff`]));
  return other ? '' : word;
}

/** A time window with its bounds packed, as `timeOf` packs the lists' times. */
interface Bounds {
  from: Time | null;
  to: Time | null;
}

const boundsOf = (window: TimeWindow): Bounds => ({
  from: window.from ? timeOf(window.from) : null,
  to: window.to ? timeOf(window.to) : null,
});

/** Whether a packed time is within the window (from inclusive, to exclusive). */
const within = (at: Time, { from, to }: Bounds) =>
  (from === null || compareTimes(at, from) >= 0) && (to === null || compareTimes(at, to) < 0);

/** Whether the posting list of `month` may hold entries of the window. */
const monthInWindow = (month: string, window: TimeWindow) =>
  (!window.from || month >= monthOf(window.from)) && (!window.to || month <= monthOf(window.to));

/**
 * The mentions holding a word that begins with `prefix`, within the window, read from the
 * posting lists alone; null when they hold more than `bound` entries of the window.
 */
export async function wordCandidates(
  postings: Postings,
  prefix: string,
  window: TimeWindow,
  bound: number,
): Promise<TimeCursor[] | null> {
  // A mention is in the list of each word beginning with `prefix` ("refund", "refunded").
  const found = new Map<string, Time>();
  const bounds = boundsOf(window);
  let read = 0;
  let cursor = await postings.openCursor(prefixRange(prefix));
  for (; cursor; cursor = await cursor.continue()) {
    if (!monthInWindow(cursor.key[1], window)) continue;
    const { at } = cursor.value;
    read += at.length;
    if (read > bound) return null;
    const ids = unpackIds(cursor.value.ids);
    for (let i = 0; i < ids.length; i++) if (within(at[i]!, bounds)) found.set(ids[i]!, at[i]!);
  }
  return [...found].map(([id, at]) => ({ at: isoOf(at), id }));
}

/** The key range of one word's posting lists, for the window and after the cursor. */
function wordRange(
  word: string,
  window: TimeWindow,
  after: TimeCursor | null,
  direction: Direction,
): IDBKeyRange | null {
  let from = window.from ? monthOf(window.from) : '';
  let to = window.to ? monthOf(window.to) : LAST_MONTH;
  if (after && direction === 'prev' && monthOf(after.at) < to) to = monthOf(after.at);
  if (after && direction === 'next' && monthOf(after.at) > from) from = monthOf(after.at);
  return from <= to ? IDBKeyRange.bound([word, from], [word, to]) : null;
}

/** One word's entries in the window after the cursor, in order, list by list. */
export async function* postedEntries(
  postings: Postings,
  word: string,
  window: TimeWindow,
  after: TimeCursor | null,
  direction: Direction,
): AsyncGenerator<TimeCursor> {
  const range = wordRange(word, window, after, direction);
  if (!range) return;
  const bounds = boundsOf(window);
  const from = after && { at: timeOf(after.at), id: after.id };
  const sign = direction === 'prev' ? -1 : 1;
  // Whether an entry comes after the cursor, read in `direction`.
  const isAfter = (entry: Entry) => !from || sign * compareEntries(entry, from) > 0;
  let cursor = await postings.openCursor(range, direction);
  for (; cursor; cursor = await cursor.continue()) {
    const { at } = cursor.value;
    const ids = unpackIds(cursor.value.ids);
    const n = ids.length;
    for (let k = 0; k < n; k++) {
      const i = direction === 'prev' ? n - 1 - k : k;
      const entry = { at: at[i]!, id: ids[i]! };
      if (within(entry.at, bounds) && isAfter(entry)) yield { at: isoOf(entry.at), id: entry.id };
    }
  }
}

/** How many entries one word holds in the window, if fewer than `bound`. */
export async function postedSizeBelow(
  postings: Postings,
  word: string,
  window: TimeWindow,
  bound: number,
): Promise<number | null> {
  const range = wordRange(word, window, null, 'next');
  if (!range) return 0;
  const bounds = boundsOf(window);
  let size = 0;
  let cursor = await postings.openCursor(range);
  for (; cursor; cursor = await cursor.continue()) {
    // The range holds the window's months only; their first and last may reach beyond it.
    const { at } = cursor.value;
    for (let i = 0; i < at.length; i++) if (within(at[i]!, bounds)) size += 1;
    if (size >= bound) return null;
  }
  return size;
}
