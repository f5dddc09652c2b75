/**
 * An import on the database side, in ONE transaction over every store, so that a worker
 * stopped halfway, a full disk or a refused record leaves the log exactly as it was: crises,
 * then the journal, then mentions, then settings. The decisions themselves are
 * core/backup/merge.ts.
 */
import type { BackupData, ImportMode, ImportPreview, ImportSummary } from '../backup/format';
import { outcomeOf, settingsAfterImport } from '../backup/merge';
import type { Crisis, CrisisEvent, Settings } from '../model/types';
import { mergeSettings } from '../model/settings';
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
import { COUNTS_KEY } from './mention-counts';
import type { VigieDatabase } from './open';

/**
 * Imports the file's crises; returns the ids of every crisis there will be (the file's, and
 * when merging the log's): a mention keeps its crisis only if the crisis is one of them.
 */
async function importCrises(run: ImportRun, crises: readonly Crisis[]): Promise<Set<string>> {
  const { tx, w, merge, write, summary } = run;
  const known = new Set(crises.map((c) => c.id));
  if (merge) for (const id of await tx.objectStore('crises').getAllKeys()) known.add(id);
  await inChunks(crises, run.tick, async (chunk) => {
    const store = tx.objectStore('crises');
    const existing = merge ? await Promise.all(chunk.map((c) => store.get(c.id))) : [];
    const puts = chunk.flatMap((c, i) => {
      const outcome = outcomeOf(existing[i], c);
      summary.crises[outcome]++;
      return write && writes(outcome) ? [quiet(w.objectStore('crises').put(c))] : [];
    });
    await Promise.all(puts);
  });
  return known;
}

/** Imports the journal, which is append-only: an event is added when missing, never changed. */
async function importEvents(run: ImportRun, events: readonly CrisisEvent[]): Promise<void> {
  const { tx, w, merge, write, summary } = run;
  await inChunks(events, run.tick, async (chunk) => {
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
  };
  if (write && !run.merge) {
    await Promise.all(
      [...STORES, 'postings' as const].map((name) => run.w.objectStore(name).clear()),
    );
  }
  const known = await importCrises(run, data.crises);
  await importEvents(run, data.events);
  await importMentions(run, data.mentions, orphans, known);
  await importSettings(run, data.settings);
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
