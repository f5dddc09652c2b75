/**
 * The planner behind every list of mentions. In Chromium, reading a record costs about ten
 * times as much as reading an index key, and counting an index range reads every key of it: so
 * the planner narrows the list by keys first, reads only the records a page needs, and never
 * counts a large range.
 *
 * - A search word (or a word of the tag filter) is looked up in the `words` index, whose keys
 *   hold each word with its capture time: the mentions of the rarest word, when at most
 *   MAX_CANDIDATES, are sorted by time from their keys alone, then read a page at a time.
 * - Otherwise, an index in time order (a crisis, a site, a tone, the inbox, the whole log; each
 *   within the date window) is read by cursor from the page's cursor on. The smallest is taken,
 *   each probed by key up to the size of the best so far.
 *
 * The rest of the filter is checked on each record read. A page is bounded twice: by its size,
 * and by the records read to fill it (MAX_SCAN): a filter that matches little of a long range
 * returns a short page with a cursor to read on from, rather than reading the whole log at once.
 */
import { unwrap, type IDBPIndex, type IDBPObjectStore } from 'idb';
import type { MentionScope, TimeCursor } from '../messaging/protocol';
import { matchesWords, queryWords, wordsOf, type MentionFilter } from '../model/search';
import type { VigieDatabase } from './open';
import { COUNTS_KEY } from './mention-counts';
import type { StoredMention, VigieDB } from './schema';
import { compareTime, isAfter, timeRange, type Direction, type TimeWindow } from './time-range';

/** The records one call reads at most before it returns its page, full or not. */
export const MAX_SCAN = 500;
/** A word's entries read by key at most; a word found more often narrows too little. */
export const MAX_CANDIDATES = 2000;
/** The keys an index in time order is probed for, to learn that it is small. */
const PROBE = 500;
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

/** An index in time order: its keys read [...prefix, capturedAt, id]. */
interface TimePath {
  index: TimeIndex;
  prefix: string[];
  covers: Condition | null;
}

type Store = IDBPObjectStore<VigieDB, ('mentions' | 'meta')[], 'mentions', 'readonly'>;

const cursorOf = (m: StoredMention): TimeCursor => ({ at: m.capturedAt, id: m.id });

/** The indexes in time order that can answer the list, the likely smallest first. */
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
    (!from || m.capturedAt >= from) &&
    (!to || m.capturedAt < to) &&
    (words.length === 0 ||
      matchesWords(
        m.words.map(([word]) => word),
        words,
      ));
}

/**
 * The mentions holding a word that begins with `word` within the window, by time, read from
 * the `words` index keys only; null when there are more than `bound` entries to read.
 */
function wordCandidates(
  store: Store,
  word: string,
  window: TimeWindow,
  bound: number,
): Promise<TimeCursor[] | null> {
  // The plain IndexedDB cursor: idb's promise for each step cost about three times the read
  // itself over a thousand keys.
  const index = unwrap(store.index('words'));
  const range = IDBKeyRange.bound([word], [`${word}\uffff`]);
  return new Promise((resolve, reject) => {
    // A mention has one entry per word beginning with `word` ("refund", "refunded").
    const found = new Map<string, string>();
    let read = 0;
    const request = index.openKeyCursor(range);
    request.onerror = () => reject(request.error ?? new Error('words index unreadable'));
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve([...found].map(([id, at]) => ({ at, id })));
      if (++read > bound) return resolve(null);
      const [, at] = cursor.key as [string, string];
      if ((!window.from || at >= window.from) && (!window.to || at < window.to)) {
        found.set(cursor.primaryKey as string, at);
      }
      cursor.continue();
    };
  });
}

/**
 * How many entries a time path holds in the window, if fewer than `bound` (read by key, up to
 * `bound` keys); a crisis's mentions are counted outright, their total shown with the crisis.
 */
async function sizeBelow(
  store: Store,
  path: TimePath,
  window: TimeWindow,
  bound: number,
): Promise<number | null> {
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
  const tx = db.transaction(['mentions', 'meta']);
  const store = tx.objectStore('mentions');

  // The whole log or the whole inbox: its size is kept (see mention-counts.ts).
  let kept: number | null = null;
  if (
    conditions.every((c) => c === 'scope') &&
    scope.in !== 'crisis' &&
    !filter.from &&
    !filter.to
  ) {
    const counts = await tx.objectStore('meta').get(COUNTS_KEY);
    if (counts) kept = scope.in === 'all' ? counts.mentions : counts.inbox;
  }

  // The rarest word by key. One letter begins too many words to narrow anything down.
  const drivers = [...new Set([...words, ...wordsOf(filter.tag ?? '')])]
    .filter((word) => word.length > 1)
    .sort((a, b) => b.length - a.length)
    .slice(0, DRIVERS);
  let candidates: TimeCursor[] | null = null;
  let driver = '';
  for (const word of drivers) {
    const bound = candidates ? candidates.length - 1 : MAX_CANDIDATES;
    const found = await wordCandidates(store, word, window, bound);
    if (found) [candidates, driver] = [found, word];
  }

  // The smallest index in time order, if smaller than the candidates. The whole log is never
  // smaller than another index: it is only probed alone, for its total.
  const paths = timePaths(scope, filter);
  const sizes = new Map<TimePath, number>();
  let chosen: TimePath | null = null;
  let bound = candidates ? candidates.length : PROBE;
  for (const path of paths) {
    if (path.index === 'capturedAt' && paths.length > 1) continue;
    if (kept !== null) break;
    const size = await sizeBelow(store, path, window, bound);
    if (size === null) continue;
    sizes.set(path, size);
    if (size < bound) [chosen, bound] = [path, size];
  }

  let page: StoredPage;
  if (chosen || !candidates) {
    const path = chosen ?? paths[0]!;
    const size = sizes.get(path) ?? null;
    page = await scan(
      store.index(path.index),
      timeRange(path.prefix, window, after, direction),
      matches,
      limit,
      direction,
    );
    if (kept !== null) page.total = kept;
    else if (size !== null && conditions.every((c) => c === path.covers)) page.total = size;
    else if (page.next === null && after === null) page.total = page.items.length;
  } else {
    const only = conditions.length === 1 && words.length === 1 && words[0] === driver;
    page = await fromCandidates(store, candidates, matches, limit, after, direction);
    // Every candidate holds the one word searched for, nothing else asked: they are the list.
    if (only) page.total = candidates.length;
    else if (page.next === null && after === null) page.total = page.items.length;
  }
  await tx.done;
  return page;
}

/** Reads candidates in time order, a page's worth at a time, keeping those that match. */
async function fromCandidates(
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
  const items: StoredMention[] = [];
  let read = 0;
  while (read < rest.length && items.length < limit && read < MAX_SCAN) {
    const batch = rest.slice(read, read + Math.min(limit - items.length, MAX_SCAN - read));
    const values = await Promise.all(batch.map((c) => store.get(c.id)));
    read += batch.length;
    for (const value of values) if (value && matches(value)) items.push(value);
  }
  const last = rest[read - 1];
  return { items, next: read < rest.length && last ? last : null, total: null };
}

type MentionIndex = IDBPIndex<VigieDB, ('mentions' | 'meta')[], 'mentions', TimeIndex>;

/** Reads an index range in order until the page is full or MAX_SCAN records were read. */
function scan(
  index: MentionIndex,
  range: IDBKeyRange | null,
  matches: (m: StoredMention) => boolean,
  limit: number,
  direction: Direction,
): Promise<StoredPage> {
  if (!range) return Promise.resolve({ items: [], next: null, total: null });
  // The plain IndexedDB cursor, as in wordCandidates.
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
      last = cursor.value as StoredMention;
      scanned += 1;
      if (matches(last)) items.push(last);
      full = items.length >= limit || scanned >= MAX_SCAN;
      cursor.continue();
    };
  });
}
