/**
 * What the steps of an import share: its ONE transaction over every store, the summary they
 * count into, and the rounds of requests that keep that transaction active.
 */
import type { IDBPTransaction } from 'idb';
import type { ImportSummary, RecordCounts } from '../backup/format';
import type { RecordOutcome } from '../backup/merge';
import type { CountChanges } from './mention-counts';
import type { VigieDB } from './schema';

/**
 * The stores a backup holds, and the transaction's: the kept mention counts too, and the team
 * cell's record, whose checkpoint a replacing import sets back (backup-import.ts).
 */
export const STORES = ['mentions', 'crises', 'events', 'settings'] as const;
export const TX_STORES = [...STORES, 'meta', 'postings', 'cell'] as const;
type Stores = typeof TX_STORES extends readonly (infer S)[] ? S[] : never;
export type ImportTx = IDBPTransaction<VigieDB, Stores, 'readonly' | 'readwrite'>;
export type WriteTx = IDBPTransaction<VigieDB, Stores, 'readwrite'>;

/** One import as its steps run it: applied (when `write`) or only counted. */
export interface ImportRun {
  tx: ImportTx;
  /** The same transaction, to write with (only when `write`). */
  w: WriteTx;
  merge: boolean;
  write: boolean;
  /** Called synchronously before each round of requests. */
  tick: () => void;
  summary: ImportSummary;
  /** The kept mention counts' changes, saved in the transaction once every mention is written. */
  counts: CountChanges;
}

/** Records read or written per round of parallel requests inside the import transaction. */
const CHUNK = 500;

/**
 * A request's promise with its rejection handled: when one write of a round fails, the others
 * of the round reject too (the transaction aborts) after `Promise.all` has already failed.
 */
export function quiet<T>(request: Promise<T>): Promise<T> {
  request.catch(() => undefined);
  return request;
}

export const noCounts = (): RecordCounts => ({ added: 0, updated: 0, unchanged: 0, kept: 0 });
export const writes = (o: RecordOutcome) => o === 'added' || o === 'updated';

/** Runs `run` over `items` a chunk at a time, calling `tick` (synchronously) before each. */
export async function inChunks<T>(
  items: readonly T[],
  tick: () => void,
  run: (chunk: T[]) => Promise<void>,
) {
  for (let i = 0; i < items.length; i += CHUNK) {
    tick();
    await run(items.slice(i, i + CHUNK));
  }
}
