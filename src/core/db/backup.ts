/**
 * Backups on the database side: the log read for an export, in one snapshot by the crisis log
 * or in pages by the background. The import is backup-import.ts.
 */
import type { BackupPart, BackupStore, StoreCounts } from '../backup/format';
import { mentionCounts } from './mention-counts';
import { fromStored } from './mentions';
import type { VigieDatabase } from './open';

/** How many records of each kind `tx` sees (it must span the three stores). */
export async function countIn(tx: {
  objectStore(name: BackupStore): { count(): Promise<number> };
}): Promise<StoreCounts> {
  const [mentions, crises, events] = await Promise.all([
    tx.objectStore('mentions').count(),
    tx.objectStore('crises').count(),
    tx.objectStore('events').count(),
  ]);
  return { mentions, crises, events };
}

/**
 * How many records of each kind the log holds. The mentions' count is the one kept beside them
 * (mention-counts.ts): counting 100,000 records outright takes IndexedDB a fifth of a second.
 */
export async function storeCounts(db: VigieDatabase): Promise<StoreCounts> {
  const [{ mentions }, crises, events] = await Promise.all([
    mentionCounts(db),
    db.count('crises'),
    db.count('events'),
  ]);
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
