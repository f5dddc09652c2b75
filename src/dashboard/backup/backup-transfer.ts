/**
 * The crisis log's side of backups: reading the whole log to write a file (straight from the
 * database, or from the background in pages), and how a call to the background fails (the
 * import, import-transfer.ts, calls it so too). The background is reached through `ask`, handed
 * in, so that the tests can wire it to a real background.
 */
import { BackupWriter, buildBackup, type BuiltBackup } from '../../core/backup/build';
import type { BackupData, BackupInfo, BackupPart, BackupStore } from '../../core/backup/format';
// The one read of the database from a page (a lint exception, eslint.config.js): an export's
// snapshot, read-only, rather than 100,000 records carried through messages.
import { readBatches, readStores } from '../../core/db/backup';
import { openForReading, type VigieDatabase } from '../../core/db/open';
import type { AppErrorData, BackgroundCalls, Result } from '../../core/messaging/protocol';
import type { Client } from '../../core/messaging/rpc';
import type { Crisis, CrisisEvent, Mention } from '../../core/model/types';

export type Ask = Client<BackgroundCalls>;

/** A call to the background that failed, carrying its error as data. */
export class CallFailed extends Error {
  constructor(readonly error: AppErrorData) {
    super(error.message);
    this.name = 'CallFailed';
  }
}

/** The value of a reply, or its error thrown as a CallFailed. */
export async function must<T>(reply: Promise<Result<T>>): Promise<T> {
  const result = await reply;
  if (!result.ok) throw new CallFailed(result.error);
  return result.value;
}

/** How far a long task has come: `done` of `total` records. */
export type Progress = (done: number, total: number) => void;

/** Records asked for per page (the background also stops a page at a size). */
const PAGE = 1000;

interface StoreRecords {
  mentions: Mention[];
  crises: Crisis[];
  events: CrisisEvent[];
}

/** Every record of `store`, page by page; `onRecords` is told how many came each time. */
async function readStore<S extends BackupStore>(
  ask: Ask,
  store: S,
  onRecords: (n: number) => void,
): Promise<StoreRecords[S]> {
  const records: unknown[] = [];
  let after: string | null = null;
  do {
    const part: BackupPart = await must(ask('backupPart', { store, after, limit: PAGE }));
    for (const record of part.records) records.push(record);
    onRecords(part.records.length);
    after = part.next;
  } while (after !== null);
  return records as StoreRecords[S];
}

/**
 * Opens the log's database in this page, for reading it directly (`readLog`): the crisis log
 * passes `openLog`, the tests a database of their own.
 */
export type OpenLog = () => Promise<VigieDatabase>;

/** The crisis log's OpenLog: the database, read-only (never created nor upgraded here). */
export const openLog: OpenLog = () => openForReading();

/**
 * Counts records as they come and tells `onProgress` whenever another hundredth of `total` is
 * done (a progress bar drawn a thousand times would slow what it shows).
 */
function progressCounter(total: number, onProgress: Progress) {
  let done = 0;
  let shown = -1;
  const show = () => {
    const step = total > 0 ? Math.floor((done * 100) / total) : 100;
    if (step === shown) return;
    shown = step;
    onProgress(Math.min(done, total), total);
  };
  show();
  return {
    add(n: number) {
      done += n;
      show();
    },
    restart() {
      done = 0;
      shown = -1;
      show();
    },
  };
}

/**
 * `read` on the database opened in this page, or null when that fails (say, this page is older
 * than the database after an update): the caller then asks the background.
 */
async function readDirectly<T>(open: OpenLog, read: (db: VigieDatabase) => Promise<T>) {
  try {
    const db = await open();
    try {
      return await read(db);
    } finally {
      db.close();
    }
  } catch (error) {
    console.warn('Vigie: reading the log directly failed; asking the background', error);
    return null;
  }
}

/**
 * The stores asked for, from the background in pages. Crises are read last: crises are never
 * deleted, so every crisis that a mention or an event read before names is still there, even
 * when the user flags something while the export runs (a journal without its crisis would be
 * refused on import).
 */
async function readPages(
  ask: Ask,
  stores: readonly BackupStore[],
  counted: (n: number) => void,
): Promise<Partial<StoreRecords>> {
  const out: Partial<StoreRecords> = {};
  for (const store of (['mentions', 'events', 'crises'] as const).filter((s) =>
    stores.includes(s),
  )) {
    (out as Record<string, unknown>)[store] = await readStore(ask, store, counted);
  }
  return out;
}

/**
 * Reads the stores asked for. With `open`, straight from the database in one read-only
 * transaction (a snapshot; 100,000 mentions are not carried through messages); should that
 * fail, or without it, from the background in pages.
 */
export async function readLog(
  ask: Ask,
  stores: readonly BackupStore[],
  onProgress: Progress = () => undefined,
  open?: OpenLog,
): Promise<{ info: BackupInfo } & Partial<StoreRecords>> {
  const info = await must(ask('backupInfo', {}));
  const progress = progressCounter(
    stores.reduce((sum, store) => sum + info.counts[store], 0),
    onProgress,
  );
  if (open) {
    const read = await readDirectly(open, (db) => readStores(db, stores, progress.add));
    if (read) return { info, ...(read as Partial<StoreRecords>) };
    progress.restart();
  }
  return { info, ...(await readPages(ask, stores, progress.add)) };
}

/** The file name of a full backup made at `exportedAt`: vigie-backup-2026-11-25-0930.json. */
export function backupFileName(exportedAt: string, kind = 'backup', ext = 'json'): string {
  const stamp = exportedAt.slice(0, 16).replace('T', '-').replace(':', '');
  return `vigie-${kind}-${stamp}.${ext}`;
}

/**
 * A full backup of the log as it is now (`open`: as readLog's). Read directly, each batch of
 * records is written into the file while the database reads the next.
 */
export async function exportBackup(
  ask: Ask,
  onProgress: Progress = () => undefined,
  now: () => Date = () => new Date(),
  open?: OpenLog,
): Promise<{ built: BuiltBackup; exportedAt: string }> {
  const exportedAt = now().toISOString();
  const info = await must(ask('backupInfo', {}));
  const meta = { appVersion: info.appVersion, schemaVersion: info.schemaVersion, exportedAt };
  const { mentions, crises, events } = info.counts;
  const progress = progressCounter(mentions + crises + events, onProgress);
  if (open) {
    const built = await readDirectly(open, async (db) => {
      // The counts only size the writer's buffer: the snapshot read may hold a flag more.
      const writer = new BackupWriter(info.counts);
      await readBatches(db, ['crises', 'events', 'mentions'], (store, records) => {
        writer.add(store, records);
        progress.add(records.length);
      });
      return writer.finish(meta, info.settings);
    });
    if (built) return { built, exportedAt };
    progress.restart();
  }
  const log = await readPages(ask, ['mentions', 'events', 'crises'], progress.add);
  const data: BackupData = {
    mentions: log.mentions ?? [],
    crises: log.crises ?? [],
    events: log.events ?? [],
    settings: info.settings,
  };
  return { built: await buildBackup(meta, data), exportedAt };
}
