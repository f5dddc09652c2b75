/**
 * The planner behind every list of mentions. In Chromium, reading a record costs several times
 * as much as reading an index key, and counting an index range reads every key of it: so the
 * planner narrows the list by keys, reads only the records a page needs, and never counts a
 * large range.
 *
 * Every list is read in time order: from an index whose keys end with the capture time (the
 * whole log, the inbox, a crisis, a site, a tone), or from one word's posting lists (month by
 * month, each sorted by time: postings.ts). Of those the filter allows, the smallest is read,
 * each probed by key up to the size of the best so far, and the rest of the filter is checked
 * on each record. A search word that begins several words ("refun": refund, refunded) has
 * several lists: its mentions, when at most MAX_CANDIDATES, are sorted by time from the lists
 * alone, then read a page at a time.
 *
 * A page is bounded twice: by its size, and by the records read to fill it (MAX_SCAN). A filter
 * that matches little of a long range returns a short page with a cursor to read on from,
 * rather than reading the whole log at once.
 */
import { unwrap, type IDBPIndex, type IDBPObjectStore } from 'idb';
import type { MentionScope, TimeCursor } from '../model/paging';
import {
  matchesWords,
  mentionWords,
  queryWords,
  wordsOf,
  type MentionFilter,
} from '../model/search';
import { COUNTS_KEY } from './mention-counts';
import type { VigieDatabase } from './open';
import { LAST_MONTH, monthOf, prefixRange } from './postings';
import type { PostingList, StoredMention, VigieDB } from './schema';
import {
  compareTime,
  inWindow,
  isAfter,
  timeRange,
  type Direction,
  type TimeWindow,
} from './time-range';

/** The records one call reads at most before it returns its page, full or not. */
export const MAX_SCAN = 500;
/** A word's entries read by key at most; a word found more often narrows too little. */
export const MAX_CANDIDATES = 2000;
/** The keys an index is probed for, to learn that it is small. */
const PROBE = 200;
/** Search words looked up by key, longest first (the longer, the rarer, as a rule). */
const DRIVERS = 2;

export interface StoredPage {
  items: StoredMention[];
  /** Where the next page starts; null when the list is read to its end. */
  next: TimeCursor | null;
  /** How many records the whole list holds, when that is known without reading them all. */
  total: number | null;
}

/** A part of the filter that an index can answer by itself. */
type Condition = 'scope' | 'tone' | 'site' | 'tag' | 'words';

type TimeIndex = 'capturedAt' | 'inboxAt' | 'crisisId' | 'siteAt' | 'toneAt';

/**
 * A list read in time order: an index whose keys read [...prefix, capturedAt, id], where the id
 * is the record's primary key, or (`words`) the posting lists of the word `prefix[0]`.
 */
interface TimePath {
  index: TimeIndex | 'words';
  prefix: string[];
  covers: Condition | null;
}

type Stores = ('mentions' | 'meta' | 'postings')[];
type Store = IDBPObjectStore<VigieDB, Stores, 'mentions', 'readonly'>;
type Postings = IDBPObjectStore<VigieDB, Stores, 'postings', 'readonly'>;
type MentionIndex = IDBPIndex<VigieDB, Stores, 'mentions', TimeIndex>;

const cursorOf = (m: StoredMention): TimeCursor => ({ at: m.capturedAt, id: m.id });
const EMPTY: StoredPage = { items: [], next: null, total: 0 };

/** The indexes in time order that the scope and filter allow, the likely smallest first. */
function timePaths(scope: MentionScope, filter: MentionFilter): TimePath[] {
  const paths: TimePath[] = [];
  if (scope.in === 'crisis') {
    paths.push({ index: 'crisisId', prefix: [scope.crisisId], covers: 'scope' });
  }
  if (filter.site) paths.push({ index: 'siteAt', prefix: [filter.site], covers: 'site' });
  if (filter.tone) paths.push({ index: 'toneAt', prefix: [filter.tone], covers: 'tone' });
  if (scope.in === 'inbox') paths.push({ index: 'inboxAt', prefix: [], covers: 'scope' });
  if (scope.in === 'all') paths.push({ index: 'capturedAt', prefix: [], covers: null });
  return paths;
}

/** The filter as one test of a stored record. */
function matcher(scope: MentionScope, filter: MentionFilter, words: readonly string[]) {
  const { tone, site, tag, from, to } = filter;
  return (m: StoredMention) =>
    (scope.in === 'all' || m.crisisId === (scope.in === 'crisis' ? scope.crisisId : null)) &&
    (!tone || m.tone === tone) &&
    (!site || m.site === site) &&
    (!tag || m.tags.includes(tag)) &&
    inWindow(m.capturedAt, { from, to }) &&
    (words.length === 0 || matchesWords(mentionWords(m), words));
}

/**
 * The one word that begins with `prefix` ("chargeback" for "charg", when no other word begins
 * so); '' when several do, null when none does.
 */
async function onlyWord(postings: Postings, prefix: string): Promise<string | null> {
  const first = await postings.openKeyCursor(prefixRange(prefix));
  if (!first) return null;
  const word = first.key[0];
  // [word, []] sorts after every key of `word`: is there a key of another word after them?
  const other = await postings.openKeyCursor(IDBKeyRange.bound([word, []], [`${prefix}\uffff`]));
  return other ? '' : word;
}

/** Whether the posting list of `month` may hold entries of the window. */
const monthInWindow = (month: string, window: TimeWindow) =>
  (!window.from || month >= monthOf(window.from)) && (!window.to || month <= monthOf(window.to));

/**
 * The mentions holding a word that begins with `prefix`, within the window, read from the
 * posting lists alone; null when they hold more than `bound` entries of the window.
 */
async function wordCandidates(
  postings: Postings,
  prefix: string,
  window: TimeWindow,
  bound: number,
): Promise<TimeCursor[] | null> {
  // A mention is in the list of each word beginning with `prefix` ("refund", "refunded").
  const found = new Map<string, string>();
  let read = 0;
  let cursor = await postings.openCursor(prefixRange(prefix));
  for (; cursor; cursor = await cursor.continue()) {
    if (!monthInWindow(cursor.key[1], window)) continue;
    const { at, id } = cursor.value;
    read += id.length;
    if (read > bound) return null;
    for (let i = 0; i < id.length; i++) if (inWindow(at[i]!, window)) found.set(id[i]!, at[i]!);
  }
  return [...found].map(([id, at]) => ({ at, id }));
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
async function* postedEntries(
  postings: Postings,
  word: string,
  window: TimeWindow,
  after: TimeCursor | null,
  direction: Direction,
): AsyncGenerator<TimeCursor> {
  const range = wordRange(word, window, after, direction);
  if (!range) return;
  let cursor = await postings.openCursor(range, direction);
  for (; cursor; cursor = await cursor.continue()) {
    const list: PostingList = cursor.value;
    const n = list.id.length;
    for (let k = 0; k < n; k++) {
      const i = direction === 'prev' ? n - 1 - k : k;
      const [at, id] = [list.at[i]!, list.id[i]!];
      if (inWindow(at, window) && isAfter(at, id, after, direction)) yield { at, id };
    }
  }
}

/**
 * How many entries a time path holds in the window, if fewer than `bound` (read by key, up to
 * `bound` keys); a crisis's mentions are counted outright, their total shown with the crisis.
 */
async function sizeBelow(
  store: Store,
  postings: Postings,
  path: TimePath,
  window: TimeWindow,
  bound: number,
): Promise<number | null> {
  if (path.index === 'words') {
    const range = wordRange(path.prefix[0]!, window, null, 'next');
    if (!range) return 0;
    let size = 0;
    let cursor = await postings.openCursor(range);
    for (; cursor; cursor = await cursor.continue()) {
      // The range holds the window's months only; their first and last may reach beyond it.
      size += cursor.value.at.filter((time) => inWindow(time, window)).length;
      if (size >= bound) return null;
    }
    return size;
  }
  const range = timeRange(path.prefix, window, null, 'next');
  if (!range) return 0;
  const index = store.index(path.index);
  if (path.index === 'crisisId') return index.count(range);
  const keys = await index.getAllKeys(range, bound);
  return keys.length < bound ? keys.length : null;
}

/**
 * One page of the mentions in `scope` that pass `filter`, in time order (newest first unless
 * the filter sorts oldest first), starting after `after`.
 */
export async function queryMentions(
  db: VigieDatabase,
  scope: MentionScope,
  filter: MentionFilter,
  limit: number,
  after: TimeCursor | null,
): Promise<StoredPage> {
  const words = queryWords(filter.q ?? '');
  const direction: Direction = filter.sort === 'oldest' ? 'next' : 'prev';
  const window: TimeWindow = { from: filter.from, to: filter.to };
  const conditions: Condition[] = [
    ...(scope.in === 'all' ? [] : ['scope' as const]),
    ...(filter.tone ? ['tone' as const] : []),
    ...(filter.site ? ['site' as const] : []),
    ...(filter.tag ? ['tag' as const] : []),
    ...(words.length > 0 ? ['words' as const] : []),
  ];
  const matches = matcher(scope, filter, words);
  const tx = db.transaction(['mentions', 'meta', 'postings']);
  const store = tx.objectStore('mentions');
  const postings = tx.objectStore('postings');
  const page = await plan();
  await tx.done;
  return page;

  async function plan(): Promise<StoredPage> {
    // The whole log or the whole inbox: its size is kept (see mention-counts.ts).
    let kept: number | null = null;
    if (
      conditions.every((c) => c === 'scope') &&
      scope.in !== 'crisis' &&
      !window.from &&
      !window.to
    ) {
      const counts = await tx.objectStore('meta').get(COUNTS_KEY);
      if (counts) kept = scope.in === 'all' ? counts.mentions : counts.inbox;
    }

    // The search words (and the tag's), longest first. One letter begins too many words to
    // narrow anything down: it is only checked.
    const paths: TimePath[] = [];
    let candidates: TimeCursor[] | null = null;
    const drivers = [...new Set([...words, ...wordsOf(filter.tag ?? '')])]
      .filter((word) => word.length > 1)
      .sort((a, b) => b.length - a.length)
      .slice(0, DRIVERS);
    for (const prefix of drivers) {
      const word = await onlyWord(postings, prefix);
      // No word begins so: nothing can match.
      if (word === null) return EMPTY;
      const covers = words.length === 1 && words[0] === prefix ? 'words' : null;
      if (word) {
        paths.push({ index: 'words', prefix: [word], covers });
        continue;
      }
      const bound = candidates ? candidates.length - 1 : MAX_CANDIDATES;
      const found = await wordCandidates(postings, prefix, window, bound);
      if (found) candidates = found;
    }
    paths.push(...timePaths(scope, filter));

    // The smallest path, probed by key up to the best size so far (a small one's size is also
    // the list's total when it answers the whole filter). The whole log is never smaller than
    // another path or the candidates.
    const probed = paths.filter((path) => path.index !== 'capturedAt');
    const sizes = new Map<TimePath, number>();
    let chosen: TimePath | null = null;
    if (probed.length > 0 && kept === null) {
      let bound = candidates ? candidates.length : PROBE;
      for (const path of probed) {
        const size = await sizeBelow(store, postings, path, window, bound);
        if (size === null) continue;
        sizes.set(path, size);
        if (size < bound) [chosen, bound] = [path, size];
      }
    }

    if (candidates && !chosen) {
      const page = await fromCandidates(store, candidates, matches, limit, after, direction);
      // Every candidate holds the one word searched for, nothing else asked: they are the list.
      if (conditions.length === 1 && drivers.length === 1 && words[0] === drivers[0]) {
        page.total = candidates.length;
      } else if (page.next === null && after === null) page.total = page.items.length;
      return page;
    }
    const path = chosen ?? probed[0] ?? paths[0]!;
    const page =
      path.index === 'words'
        ? await fromEntries(
            store,
            postedEntries(postings, path.prefix[0]!, window, after, direction),
            matches,
            limit,
          )
        : await scan(
            store.index(path.index),
            timeRange(path.prefix, window, after, direction),
            matches,
            limit,
            direction,
          );
    const size = sizes.get(path);
    if (kept !== null) page.total = kept;
    else if (size !== undefined && conditions.every((c) => c === path.covers)) page.total = size;
    else if (page.next === null && after === null) page.total = page.items.length;
    return page;
  }
}

/** Reads candidates in time order, a page's worth at a time, keeping those that match. */
function fromCandidates(
  store: Store,
  candidates: TimeCursor[],
  matches: (m: StoredMention) => boolean,
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
async function fromEntries(
  store: Store,
  entries: Iterable<TimeCursor> | AsyncIterable<TimeCursor>,
  matches: (m: StoredMention) => boolean,
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
function scan(
  index: MentionIndex,
  range: IDBKeyRange | null,
  matches: (m: StoredMention) => boolean,
  limit: number,
  direction: Direction,
): Promise<StoredPage> {
  if (!range) return Promise.resolve({ items: [], next: null, total: null });
  // The plain IndexedDB cursor: idb's promise for each step cost about three times the read
  // itself over a thousand records.
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
