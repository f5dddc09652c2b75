/**
 * The planner behind every list of mentions. In Chromium, reading a record costs several times
 * as much as reading an index key, and counting an index range reads every key of it: so the
 * planner narrows the list by keys, reads only the records a page needs (mention-page-reads.ts),
 * and never counts a large range.
 *
 * Every list is read in time order: from an index whose keys end with the capture time (the
 * whole log, the inbox, a crisis, a site, a tone), or from one word's posting lists (month by
 * month, each sorted by time: postings.ts). Of those the filter allows, the smallest is read,
 * each probed by key up to the size of the best so far, and the rest of the filter is checked
 * on each record. A search word that begins several words ("refun": refund, refunded) has
 * several lists: its mentions, when at most MAX_CANDIDATES, are sorted by time from the lists
 * alone, then read a page at a time.
 *
 * A filter that matches little of a long range returns a short page with a cursor to read on
 * from, rather than reading the whole log at once.
 */
import type { MentionScope, TimeCursor } from '../model/paging';
import {
  matchesWords,
  mentionWords,
  queryWords,
  wordsOf,
  type MentionFilter,
} from '../model/search';
import { COUNTS_KEY } from './mention-counts';
import { fromCandidates, fromEntries, scan, type StoredPage } from './mention-page-reads';
import type { VigieDatabase } from './open';
import { onlyWord, postedEntries, postedSizeBelow, wordCandidates } from './posting-reads';
import type { Postings, QueryTx, Store, TimeIndex } from './query-stores';
import type { StoredMention } from './schema';
import { inWindow, timeRange, type Direction, type TimeWindow } from './time-range';

/** A word's entries read by key at most; a word found more often narrows too little. */
export const MAX_CANDIDATES = 2000;
/** The keys an index is probed for, to learn that it is small. */
const PROBE = 200;
/** Search words looked up by key, longest first (the longer, the rarer, as a rule). */
const DRIVERS = 2;

/** A part of the filter that an index can answer by itself. */
type Condition = 'scope' | 'tone' | 'site' | 'tag' | 'words';

/**
 * A list read in time order: an index whose keys read [...prefix, capturedAt, id], where the id
 * is the record's primary key, or (`words`) the posting lists of the word `prefix[0]`.
 */
interface TimePath {
  index: TimeIndex | 'words';
  prefix: string[];
  covers: Condition | null;
}

/** What one call asks, worked out once for every step of its plan. */
interface Query {
  scope: MentionScope;
  filter: MentionFilter;
  /** The search words. */
  words: string[];
  window: TimeWindow;
  direction: Direction;
  /** The parts of the filter that narrow the list: a path covering them all is the list. */
  conditions: Condition[];
  matches: (m: StoredMention) => boolean;
  limit: number;
  after: TimeCursor | null;
}

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

/** The parts of the filter that narrow the list (the time window aside). */
function conditionsOf(
  scope: MentionScope,
  filter: MentionFilter,
  words: readonly string[],
): Condition[] {
  return [
    ...(scope.in === 'all' ? [] : ['scope' as const]),
    ...(filter.tone ? ['tone' as const] : []),
    ...(filter.site ? ['site' as const] : []),
    ...(filter.tag ? ['tag' as const] : []),
    ...(words.length > 0 ? ['words' as const] : []),
  ];
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
  const query: Query = {
    scope,
    filter,
    words,
    window: { from: filter.from, to: filter.to },
    direction: filter.sort === 'oldest' ? 'next' : 'prev',
    conditions: conditionsOf(scope, filter, words),
    matches: matcher(scope, filter, words),
    limit,
    after,
  };
  const tx = db.transaction(['mentions', 'meta', 'postings']);
  const page = await plan(tx, query);
  await tx.done;
  return page;
}

/** Chooses the list to read from, reads a page of it, and says its total when it is known. */
async function plan(tx: QueryTx, query: Query): Promise<StoredPage> {
  const store = tx.objectStore('mentions');
  const postings = tx.objectStore('postings');
  const kept = await keptSize(tx, query);
  const looked = await lookUpWords(postings, query);
  // A word that begins no word: nothing can match.
  if (!looked) return EMPTY;
  const { drivers, candidates } = looked;
  const paths = [...looked.paths, ...timePaths(query.scope, query.filter)];
  // The whole log is never smaller than another path or the candidates.
  const probed = paths.filter((path) => path.index !== 'capturedAt');
  const { chosen, sizes } = await smallest(
    store,
    postings,
    kept === null ? probed : [],
    query.window,
    candidates,
  );
  if (candidates && !chosen) return candidatesPage(store, candidates, drivers, query);
  const path = chosen ?? probed[0] ?? paths[0]!;
  const page = await readPath(store, postings, path, query);
  const size = sizes.get(path);
  if (kept !== null) page.total = kept;
  else if (size !== undefined && query.conditions.every((c) => c === path.covers)) {
    page.total = size;
  } else if (page.next === null && query.after === null) page.total = page.items.length;
  return page;
}

/** The size of the whole log or inbox, kept (see mention-counts.ts), when that is the list. */
async function keptSize(tx: QueryTx, query: Query): Promise<number | null> {
  const { scope, window } = query;
  const whole = query.conditions.every((c) => c === 'scope') && scope.in !== 'crisis';
  if (!whole || window.from || window.to) return null;
  const counts = await tx.objectStore('meta').get(COUNTS_KEY);
  if (!counts) return null;
  return scope.in === 'all' ? counts.mentions : counts.inbox;
}

/**
 * The search words (and the tag's) looked up by key, longest first: a word that begins only one
 * word is a path to read by, one that begins several gives candidates when they are few. Null
 * when one begins no word.
 */
async function lookUpWords(postings: Postings, query: Query) {
  const { words, filter, window } = query;
  // One letter begins too many words to narrow anything down: it is only checked.
  const drivers = [...new Set([...words, ...wordsOf(filter.tag ?? '')])]
    .filter((word) => word.length > 1)
    .sort((a, b) => b.length - a.length)
    .slice(0, DRIVERS);
  const paths: TimePath[] = [];
  let candidates: TimeCursor[] | null = null;
  for (const prefix of drivers) {
    const word = await onlyWord(postings, prefix);
    if (word === null) return null;
    const covers = words.length === 1 && words[0] === prefix ? 'words' : null;
    if (word) {
      paths.push({ index: 'words', prefix: [word], covers });
      continue;
    }
    const bound = candidates ? candidates.length - 1 : MAX_CANDIDATES;
    const found = await wordCandidates(postings, prefix, window, bound);
    if (found) candidates = found;
  }
  return { drivers, paths, candidates };
}

/**
 * The smallest of `paths`, each probed by key up to the best size so far, and the sizes learnt
 * (a small one's size is also the list's total when it answers the whole filter); no path when
 * none is smaller than the candidates.
 */
async function smallest(
  store: Store,
  postings: Postings,
  paths: readonly TimePath[],
  window: TimeWindow,
  candidates: readonly TimeCursor[] | null,
) {
  const sizes = new Map<TimePath, number>();
  let chosen: TimePath | null = null;
  let bound = candidates ? candidates.length : PROBE;
  for (const path of paths) {
    const size = await sizeBelow(store, postings, path, window, bound);
    if (size === null) continue;
    sizes.set(path, size);
    if (size < bound) [chosen, bound] = [path, size];
  }
  return { chosen, sizes };
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
  if (path.index === 'words') return postedSizeBelow(postings, path.prefix[0]!, window, bound);
  const range = timeRange(path.prefix, window, null, 'next');
  if (!range) return 0;
  const index = store.index(path.index);
  if (path.index === 'crisisId') return index.count(range);
  const keys = await index.getAllKeys(range, bound);
  return keys.length < bound ? keys.length : null;
}

/** A page of the candidates; their number is the list's total when they are the list. */
async function candidatesPage(
  store: Store,
  candidates: TimeCursor[],
  drivers: readonly string[],
  query: Query,
): Promise<StoredPage> {
  const { matches, limit, after, direction, conditions, words } = query;
  const page = await fromCandidates(store, candidates, matches, limit, after, direction);
  // Every candidate holds the one word searched for, nothing else asked: they are the list.
  if (conditions.length === 1 && drivers.length === 1 && words[0] === drivers[0]) {
    page.total = candidates.length;
  } else if (page.next === null && after === null) page.total = page.items.length;
  return page;
}

/** A page read along one path: a word's posting lists, or an index range. */
function readPath(
  store: Store,
  postings: Postings,
  path: TimePath,
  query: Query,
): Promise<StoredPage> {
  const { window, after, direction, matches, limit } = query;
  if (path.index === 'words') {
    const entries = postedEntries(postings, path.prefix[0]!, window, after, direction);
    return fromEntries(store, entries, matches, limit);
  }
  const range = timeRange(path.prefix, window, after, direction);
  return scan(store.index(path.index), range, matches, limit, direction);
}
