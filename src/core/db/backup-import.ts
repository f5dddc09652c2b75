/**
 * An import on the database side, in ONE transaction over every store, so that a worker
 * stopped halfway, a full disk or a refused record leaves the log exactly as it was: crises,
 * then the journal, then mentions, then settings. The decisions themselves are
 * core/backup/merge.ts.
 */
import type { BackupData, ImportMode, ImportPreview, ImportSummary } from '../backup/format';
import { outcomeOf, settingsAfterImport, type RecordOutcome } from '../backup/merge';
import type { Crisis, Settings } from '../model/types';
import { mergeSettings } from '../model/settings';
import { countIn } from './backup';
import { importMentions } from './import-mentions';
import {
  inChunks,
  noCounts,
  quiet,
  STORES,
  TX_STORES,
  writes,
  type ImportRun,
  type ImportTx,
  type WriteTx,
} from './import-tx';
import { CountChanges, COUNTS_KEY } from './mention-counts';
import type { VigieDatabase } from './open';

/**
 * Imports the file's crises or journal events: each read against the log's record of its id
 * (when merging), counted by `outcome`, and written when it adds or updates.
 */
async function importRecords<T extends { id: string }>(
  run: ImportRun,
  name: 'crises' | 'events',
  records: readonly T[],
  read: 'get' | 'getKey',
  outcome: (existing: unknown, record: T) => RecordOutcome,
): Promise<void> {
  await inChunks(records, run.tick, async (chunk) => {
    const store = run.tx.objectStore(name);
    const existing = run.merge ? await Promise.all(chunk.map((r) => store[read](r.id))) : [];
    const puts = chunk.flatMap((r, i) => {
      const o = outcome(existing[i], r);
      run.summary[name][o]++;
      // `r` belongs to the store `name`, which idb's types cannot tell from the other one.
      return run.write && writes(o) ? [quiet(run.w.objectStore(name).put(r as never))] : [];
    });
    await Promise.all(puts);
  });
}

/** Imports the settings: taken, kept, or merged with the log's (core/backup/merge.ts). */
async function importSettings(run: ImportRun, settings: Settings): Promise<void> {
  const { tx, w, merge, write, summary } = run;
  const record = merge ? await tx.objectStore('settings').get('settings') : undefined;
  const after = settingsAfterImport(record ? mergeSettings(record.value) : null, settings);
  summary.settings = after.outcome;
  summary.settingsAdded = after.added;
  if (write && after.outcome !== 'kept') {
    await w.objectStore('settings').put({ key: 'settings', value: after.settings });
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
  const run: ImportRun = {
    tx,
    w: tx as WriteTx,
    merge: mode === 'merge',
    write,
    tick,
    summary: {
      mentions: noCounts(),
      crises: noCounts(),
      events: noCounts(),
      sameQuote: 0,
      toInbox: 0,
      otherCapture: 0,
      settings: 'taken',
      settingsAdded: 0,
    },
    counts: new CountChanges(),
  };
  if (write && !run.merge) {
    await Promise.all(
      [...STORES, 'postings' as const].map((name) => run.w.objectStore(name).clear()),
    );
    await run.w.objectStore('meta').put({ key: COUNTS_KEY, untriaged: 0, inbox: 0, mentions: 0 });
    // The crises shared with a team cell are the cell's, not only this log's: read from the
    // start again at the next sync, they come back over what the file put in their place.
    const cell = await run.w.objectStore('cell').get('cell');
    if (cell) await run.w.objectStore('cell').put({ ...cell, since: '0' });
  }
  // Crises first: a mention keeps its crisis only if the crisis is in the file or in the log.
  const known = new Set(data.crises.map((c) => c.id));
  if (run.merge) for (const id of await tx.objectStore('crises').getAllKeys()) known.add(id);
  await importRecords(run, 'crises', data.crises, 'get', (e, c) =>
    outcomeOf(e as Crisis | undefined, c),
  );
  // The journal is append-only: an event is added when missing, never changed.
  await importRecords(run, 'events', data.events, 'getKey', (e) =>
    e !== undefined ? 'unchanged' : 'added',
  );
  await importMentions(run, data.mentions, orphans, known);
  await importSettings(run, data.settings);
  // Kept in the same transaction: counting 100,000 mentions afresh took seconds after it.
  if (write) await run.counts.save(run.w.objectStore('meta'));
  return run.summary;
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
  const current = await countIn(tx);
  await tx.done;
  return { merge, replace, current };
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
