/**
 * Backups on the database side: the log read for an export (in one snapshot by the crisis log,
 * or in pages by the background), and an import applied in ONE transaction over every store, so
 * that a worker stopped halfway, a full disk or a refused record leaves the log exactly as it
 * was. The decisions themselves are core/backup/merge.ts.
 */
import type { IDBPTransaction } from 'idb';
import type {
  BackupData,
  BackupPart,
  BackupStore,
  ImportMode,
  ImportPreview,
  ImportSummary,
  RecordCounts,
  StoreCounts,
} from '../backup/format';
import {
  intoKnownCrisis,
  keptBeside,
  mergeRepeatsWithin,
  mergeSameQuote,
  outcomeOf,
  sameCapture,
  settingsAfterImport,
  withLaterEdits,
  type RecordOutcome,
} from '../backup/merge';
import { dedupeKeyOf } from '../model/mention';
import type { Mention } from '../model/types';
import { mergeSettings } from '../model/settings';
import { COUNTS_KEY } from './mention-counts';
import { fromStored, toStored } from './mentions';
import { PostingChanges } from './postings';
import type { VigieDatabase } from './open';
import type { StoredMention, VigieDB } from './schema';

/** The stores a backup holds, and the transaction's (the kept mention counts too). */
const STORES = ['mentions', 'crises', 'events', 'settings'] as const;
const TX_STORES = [...STORES, 'meta', 'postings'] as const;
type Stores = typeof TX_STORES extends readonly (infer S)[] ? S[] : never;
type ImportTx = IDBPTransaction<VigieDB, Stores, 'readonly' | 'readwrite'>;
type WriteTx = IDBPTransaction<VigieDB, Stores, 'readwrite'>;

/** Records read or written per round of parallel requests inside the import transaction. */
const CHUNK = 500;

/** How many records of each kind the log holds. */
export async function storeCounts(db: VigieDatabase): Promise<StoreCounts> {
  const tx = db.transaction(['mentions', 'crises', 'events']);
  const [mentions, crises, events] = await Promise.all([
    tx.objectStore('mentions').count(),
    tx.objectStore('crises').count(),
    tx.objectStore('events').count(),
  ]);
  await tx.done;
  return { mentions, crises, events };
}

/** A stored record of `store` as a backup holds it: mentions without their index keys. */
function domainForm(store: BackupStore, record: unknown): unknown {
  return store === 'mentions' ? fromStored(record as never) : record;
}

/**
 * Records per request of `readBatches`. Small on purpose: Chromium reads a large store about
 * twice as fast in requests of 100 records as in requests of 500 or more (the time jumps a
 * little above 100).
 */
const READ_BATCH = 100;

/**
 * Where `readBatches` cuts each store's keys into ranges read side by side: two streams of
 * requests read a large store faster than one, and more are no faster. Any keys are read
 * whole; ids made by `crypto.randomUUID` fall about half on each side.
 */
const SPLITS = ['8'];

/** The keys from `lower` (itself included unless `after`) to `upper` (excluded); null: no bound. */
function keysFrom(lower: string | null, after: boolean, upper: string | null): IDBKeyRange | null {
  if (lower === null) return upper === null ? null : IDBKeyRange.upperBound(upper, true);
  if (upper === null) return IDBKeyRange.lowerBound(lower, after);
  return IDBKeyRange.bound(lower, upper, after, true);
}

/**
 * Every record of `source` in key order, `batch` at a time, to `onBatch`. The key ranges cut at
 * `splits` are read side by side, each with its next request asked as soon as its last one
 * answers; the batches of a range wait until the ranges before it have been handed over.
 */
function readInOrder(
  source: { getAll(range: IDBKeyRange | null, count: number): Promise<unknown[]> },
  batch: number,
  splits: readonly string[],
  onBatch: (records: unknown[]) => void,
): Promise<void> {
  const bounds = [null, ...splits, null];
  const ranges = splits.length + 1;
  const waiting: unknown[][][] = Array.from({ length: ranges }, () => []);
  const finished: boolean[] = Array.from({ length: ranges }, () => false);
  let current = 0;
  let failed = false;
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => {
      failed = true;
      reject(error);
    };
    /** Hands over what can be, in order. */
    const drain = () => {
      while (current < ranges) {
        for (const records of waiting[current]!.splice(0)) onBatch(records);
        if (!finished[current]) return;
        current++;
      }
      resolve();
    };
    const read = (range: number, lower: string | null, after: boolean) => {
      source
        .getAll(keysFrom(lower, after, bounds[range + 1]!), batch)
        .then((records) => {
          if (failed) return;
          if (records.length === batch) {
            read(range, (records[records.length - 1] as { id: string }).id, true);
          } else {
            finished[range] = true;
          }
          waiting[range]!.push(records);
          drain();
        })
        .catch(fail);
    };
    for (let range = 0; range < ranges; range++) read(range, bounds[range]!, false);
  });
}

/**
 * Every record of `stores`, read in ONE read-only transaction: a snapshot of the log as it was
 * at one moment, whatever is flagged meanwhile. `onBatch` gets the records a batch at a time,
 * in id order, each store's after the previous store's, while the next batches are being read;
 * it must not wait (the transaction would end). Mentions come in their domain form, without the
 * index keys.
 */
export async function readBatches<S extends BackupStore>(
  db: VigieDatabase,
  stores: readonly S[],
  onBatch: (store: S, records: unknown[]) => void,
  { batch = READ_BATCH, splits = SPLITS }: { batch?: number; splits?: readonly string[] } = {},
): Promise<void> {
  const tx = db.transaction([...stores]);
  for (const store of stores) {
    await readInOrder(tx.objectStore(store), batch, splits, (records) =>
      onBatch(
        store,
        records.map((record) => domainForm(store, record)),
      ),
    );
  }
  await tx.done;
}

/** Every record of `stores`, as `readBatches` reads them; `onRecords` is told how many came. */
export async function readStores<S extends BackupStore>(
  db: VigieDatabase,
  stores: readonly S[],
  onRecords: (n: number) => void = () => undefined,
  options?: Parameters<typeof readBatches>[3],
): Promise<Record<S, unknown[]>> {
  const out = Object.fromEntries(stores.map((store) => [store, []])) as unknown as Record<
    S,
    unknown[]
  >;
  await readBatches(
    db,
    stores,
    (store, records) => {
      for (const record of records) out[store].push(record);
      onRecords(records.length);
    },
    options,
  );
  return out;
}

/**
 * Up to `limit` records of `store` after the id `after`, in id order, stopping early once their
 * JSON passes `maxChars` (a runtime message must stay well under 64 MiB). Mentions come in
 * their domain form, without the index keys.
 */
export async function readPart(
  db: VigieDatabase,
  store: BackupStore,
  after: string | null,
  limit: number,
  maxChars: number,
): Promise<BackupPart> {
  const tx = db.transaction(store);
  const records: unknown[] = [];
  let chars = 0;
  let last: string | null = null;
  let cursor = await tx.store.openCursor(
    after === null ? null : IDBKeyRange.lowerBound(after, true),
  );
  while (cursor && records.length < limit && chars < maxChars) {
    const value = domainForm(store, cursor.value);
    chars += JSON.stringify(value).length;
    records.push(value);
    last = cursor.key;
    cursor = await cursor.continue();
  }
  await tx.done;
  return { records, next: cursor ? last : null };
}

/**
 * A request's promise with its rejection handled: when one write of a round fails, the others
 * of the round reject too (the transaction aborts) after `Promise.all` has already failed.
 */
function quiet<T>(request: Promise<T>): Promise<T> {
  request.catch(() => undefined);
  return request;
}

const noCounts = (): RecordCounts => ({ added: 0, updated: 0, unchanged: 0, kept: 0 });
const writes = (o: RecordOutcome) => o === 'added' || o === 'updated';

/** Runs `run` over `items` a chunk at a time, calling `tick` (synchronously) before each. */
async function inChunks<T>(
  items: readonly T[],
  tick: () => void,
  run: (chunk: T[]) => Promise<void>,
) {
  for (let i = 0; i < items.length; i += CHUNK) {
    tick();
    await run(items.slice(i, i + CHUNK));
  }
}

/**
 * Applies (when `write`) or only counts an import inside `tx`. Between the requests there is
 * only synchronous work, so the transaction stays active from the first to the last.
 */
async function applyImport(
  tx: ImportTx,
  data: BackupData,
  orphans: ReadonlySet<string>,
  mode: ImportMode,
  write: boolean,
  tick: () => void = () => undefined,
): Promise<ImportSummary> {
  const merge = mode === 'merge';
  const w = tx as WriteTx;
  const summary: ImportSummary = {
    mentions: noCounts(),
    crises: noCounts(),
    events: noCounts(),
    sameQuote: 0,
    toInbox: 0,
    otherCapture: 0,
    settings: 'taken',
    settingsAdded: 0,
  };
  if (write && !merge) {
    await Promise.all([...STORES, 'postings' as const].map((name) => w.objectStore(name).clear()));
  }

  // Crises first: a mention keeps its crisis only if the crisis is in the file or in the log.
  const known = new Set(data.crises.map((c) => c.id));
  if (merge) for (const id of await tx.objectStore('crises').getAllKeys()) known.add(id);
  await inChunks(data.crises, tick, async (chunk) => {
    const store = tx.objectStore('crises');
    const existing = merge ? await Promise.all(chunk.map((c) => store.get(c.id))) : [];
    const puts = chunk.flatMap((c, i) => {
      const outcome = outcomeOf(existing[i], c);
      summary.crises[outcome]++;
      return write && writes(outcome) ? [quiet(w.objectStore('crises').put(c))] : [];
    });
    await Promise.all(puts);
  });

  // The journal is append-only: an event is added when missing, never changed.
  await inChunks(data.events, tick, async (chunk) => {
    const store = tx.objectStore('events');
    const existing = merge ? await Promise.all(chunk.map((e) => store.getKey(e.id))) : [];
    const puts = chunk.flatMap((e, i) => {
      if (existing[i] !== undefined) {
        summary.events.unchanged++;
        return [];
      }
      summary.events.added++;
      return write ? [quiet(w.objectStore('events').put(e))] : [];
    });
    await Promise.all(puts);
  });

  const placed = data.mentions.map((m) => (orphans.has(m.id) ? intoKnownCrisis(m, known) : m));
  summary.toInbox = placed.filter((m, i) => m.crisisId !== data.mentions[i]!.crisisId).length;
  const within = mergeRepeatsWithin(placed);
  summary.sameQuote = within.merged;
  // Into an empty log (a new browser, or after `replace` cleared it), nothing is there to read.
  const none = !merge || !(await tx.objectStore('mentions').openKeyCursor());
  // The search's posting lists of every mention written, saved once all are.
  const lists = new PostingChanges();
  await inChunks(within.mentions, tick, async (chunk) => {
    const store = tx.objectStore('mentions');
    const byId = none ? [] : await Promise.all(chunk.map((m) => store.get(m.id)));
    // What to write, each with the log's record of its id. A mention holding another capture
    // than the log's under its id gives two: the log's with the file's edits, and the file's
    // capture beside it (unless it is the log's quote again, which the log holds already).
    const incoming: Mention[] = [];
    const existing: (StoredMention | undefined)[] = [];
    const beside: number[] = [];
    chunk.forEach((m, i) => {
      const ours = byId[i];
      if (!ours || sameCapture(fromStored(ours), m)) {
        incoming.push(m);
        existing.push(ours);
        return;
      }
      summary.otherCapture++;
      incoming.push(withLaterEdits(fromStored(ours), m));
      existing.push(ours);
      const theirs = keptBeside(m);
      if (dedupeKeyOf(theirs) === ours.dedupeKey) return;
      beside.push(incoming.length);
      incoming.push(theirs);
      existing.push(undefined);
    });
    const stored = incoming.map(toStored);
    const [besideRecords, sameKey] = !none
      ? await Promise.all([
          Promise.all(beside.map((k) => store.get(incoming[k]!.id))),
          Promise.all(stored.map((s) => store.index('dedupeKey').get(s.dedupeKey))),
        ])
      : [[], []];
    beside.forEach((k, j) => (existing[k] = besideRecords[j]));
    const puts = incoming.flatMap((m, i) => {
      const twin = sameKey[i];
      if (twin && twin.id !== m.id) {
        // The same quote on the same page, flagged under another id (another browser).
        summary.sameQuote++;
        if (!write) return [];
        const merged = toStored(mergeSameQuote(fromStored(twin), m));
        lists.replaced(twin, merged);
        return [quiet(w.objectStore('mentions').put(merged))];
      }
      const outcome = outcomeOf(existing[i], m);
      summary.mentions[outcome]++;
      if (!write || !writes(outcome)) return [];
      lists.replaced(existing[i], stored[i]);
      return [quiet(w.objectStore('mentions').put(stored[i]!))];
    });
    await Promise.all(puts);
  });
  if (write) await lists.save(w.objectStore('postings'), tick, { fresh: none });

  const record = merge ? await tx.objectStore('settings').get('settings') : undefined;
  const after = settingsAfterImport(record ? mergeSettings(record.value) : null, data.settings);
  summary.settings = after.outcome;
  summary.settingsAdded = after.added;
  if (write && after.outcome !== 'kept') {
    await w.objectStore('settings').put({ key: 'settings', value: after.settings });
  }
  return summary;
}

/** What importing `data` would do, merging and replacing, and what the log holds now. */
export async function previewImport(
  db: VigieDatabase,
  data: BackupData,
  orphans: ReadonlySet<string>,
): Promise<ImportPreview> {
  const tx = db.transaction([...TX_STORES], 'readonly');
  const merge = await applyImport(tx, data, orphans, 'merge', false);
  const replace = await applyImport(tx, data, orphans, 'replace', false);
  const [mentions, crises, events] = await Promise.all([
    tx.objectStore('mentions').count(),
    tx.objectStore('crises').count(),
    tx.objectStore('events').count(),
  ]);
  await tx.done;
  return { merge, replace, current: { mentions, crises, events } };
}

/**
 * Imports `data` in one readwrite transaction over every store. Any failure (a constraint, a
 * full disk, the worker stopped) aborts it whole: the log is then exactly as before. `tick` is
 * called between rounds of writes, synchronously: awaiting anything but the transaction's own
 * requests would let it commit half done.
 */
export async function commitImport(
  db: VigieDatabase,
  data: BackupData,
  orphans: ReadonlySet<string>,
  mode: ImportMode,
  tick?: () => void,
): Promise<ImportSummary> {
  const tx = db.transaction([...TX_STORES], 'readwrite');
  try {
    // The import writes without noting each change in the kept mention counts: forget them in
    // the same transaction, so that the next read counts outright whatever stops the worker.
    await tx.objectStore('meta').delete(COUNTS_KEY);
    const summary = await applyImport(tx, data, orphans, mode, true, tick);
    await tx.done;
    return summary;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request.
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}
