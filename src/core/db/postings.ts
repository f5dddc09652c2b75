/**
 * The search's posting lists: for each word and month, the mentions captured that month that
 * hold the word. A record of the `postings` store, keyed [word, month], holds them as two
 * parallel lists sorted by capture time, then id.
 *
 * A multiEntry index did the same with one index entry per word of each mention (about 25),
 * which made every write of a mention several times slower; these lists cost little on top of
 * the record's other indexes. Every write of a mention notes its change here, in the writer's
 * transaction (`MentionChanges`), so the lists never lag behind the records. The lists are
 * stored packed (posting-pack.ts) and merged packed: a change to a list of thousands never
 * writes its times out as texts.
 */
import { mentionWords } from '../model/search';
import { compareEntries, packList, timeOf, unpackIds, type Entry, type Time } from './posting-pack';
import type { PostingList, StoredMention } from './schema';

/** The month of an ISO-8601 instant, the second part of a posting list's key ("2026-11"). */
export const monthOf = (at: string) => at.slice(0, 7);

/** A month after every month: the end of a word's key range when nothing bounds it. */
export const LAST_MONTH = '\uffff';

/** The posting lists of every word beginning with `prefix`. */
export const prefixRange = (prefix: string) => IDBKeyRange.bound([prefix], [`${prefix}\uffff`]);

/** One month's lists that change: per word, each id that changes in it (see PostingChanges). */
type MonthChanges = Map<string, Map<string, Time | null>>;

/** Notes in `lists` that the list of `word` gets `id` at `at`, or loses it (null). */
function note(lists: MonthChanges, word: string, id: string, at: Time | null): void {
  let changes = lists.get(word);
  if (!changes) lists.set(word, (changes = new Map()));
  changes.set(id, at);
}

/**
 * A stored list's entries without those of `drop`, merged with `add` (in the list's order),
 * packed; null when none is left.
 */
function merged(
  list: PostingList | undefined,
  drop: ReadonlyMap<string, unknown>,
  add: Entry[],
): PostingList | null {
  const at: Time[] = [];
  const ids: string[] = [];
  const push = (entry: Entry) => {
    at.push(entry.at);
    ids.push(entry.id);
  };
  const times = list?.at ?? [];
  const had = list ? unpackIds(list.ids) : [];
  let j = 0;
  for (let i = 0; i < had.length; i++) {
    const entry = { at: times[i]!, id: had[i]! };
    if (drop.has(entry.id)) continue;
    while (j < add.length && compareEntries(add[j]!, entry) < 0) push(add[j++]!);
    push(entry);
  }
  for (; j < add.length; j++) push(add[j]!);
  return ids.length > 0 ? packList(at, ids) : null;
}

/** The posting lists' store of a read-write transaction, as a writer of mentions holds it. */
export interface PostingStore {
  get(key: [string, string]): Promise<PostingList | undefined>;
  put(value: PostingList, key: [string, string]): Promise<unknown>;
  delete(key: [string, string]): Promise<unknown>;
}

/** Posting lists written per round of parallel requests. */
const ROUND = 500;

/**
 * The posting list changes of one transaction, noted as it writes and saved at its end. They
 * are kept by month, then word: an import notes about 25 words of each of 100,000 mentions,
 * and a key joining word and month, made anew for each, cost more than the noting itself.
 */
export class PostingChanges {
  /** Per month, per word: each id that changes in the list, with its time, or null if it leaves. */
  private months = new Map<string, MonthChanges>();

  /** Notes that the record `was` was replaced by `now` (either absent: an add, a delete). */
  replaced(was: StoredMention | undefined, now: StoredMention | undefined): void {
    const old = was ? mentionWords(was) : [];
    const next = now ? mentionWords(now) : [];
    // Same record, same time: only the words it gained or lost change a list.
    const same = was && now && was.id === now.id && was.capturedAt === now.capturedAt;
    const kept = new Set(same ? next : []);
    const had = new Set(same ? old : []);
    if (was) {
      const lists = this.month(was.capturedAt);
      for (const word of old) if (!kept.has(word)) note(lists, word, was.id, null);
    }
    if (now) {
      const lists = this.month(now.capturedAt);
      // Packed once for the mention's every list.
      const at = timeOf(now.capturedAt);
      for (const word of next) if (!had.has(word)) note(lists, word, now.id, at);
    }
  }

  /** The changes of the lists of the month of `at`. */
  private month(at: string): MonthChanges {
    const month = monthOf(at);
    let lists = this.months.get(month);
    if (!lists) this.months.set(month, (lists = new Map()));
    return lists;
  }

  /**
   * Writes the changed lists in the writer's transaction (a list left empty is deleted), in
   * rounds of parallel requests, calling `tick` (synchronously) before each round. `fresh`: the
   * store held no list when the transaction began (an import into an empty log), so none is read
   * before it is written.
   */
  async save(
    store: PostingStore,
    tick: () => void = () => undefined,
    { fresh = false }: { fresh?: boolean } = {},
  ): Promise<void> {
    const keys: [string, string][] = [];
    for (const [month, lists] of this.months)
      for (const word of lists.keys()) keys.push([word, month]);
    for (let i = 0; i < keys.length; i += ROUND) {
      tick();
      const writes = keys.slice(i, i + ROUND).map((key) => this.saveOne(store, key, fresh));
      // When one write fails the transaction aborts and the others fail after it: expected.
      for (const write of writes) write.catch(() => undefined);
      await Promise.all(writes);
    }
    this.months.clear();
  }

  private async saveOne(store: PostingStore, key: [string, string], fresh: boolean) {
    const changes = this.months.get(key[1])!.get(key[0])!;
    const add = [...changes]
      .flatMap(([id, at]) => (at === null ? [] : [{ at, id }]))
      .sort(compareEntries);
    const before = fresh ? undefined : await store.get(key);
    const list = merged(before, changes, add);
    await (list ? store.put(list, key) : store.delete(key));
  }
}
