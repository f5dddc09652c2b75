/**
 * The crisis log's side of an import: the checked file staged in the background (read there
 * from the file itself, or sent in pages by stage-pages.ts), previewed, then committed, each
 * staged again when the worker lost it.
 */
import {
  BACKUP_STORES,
  countsOf,
  type BackupData,
  type ImportMode,
  type ImportPreview,
  type ImportSummary,
  type StoreCounts,
} from '../../core/backup/format';
import type { Result } from '../../core/messaging/protocol';
import { CallFailed, must, type Ask, type Progress } from './backup-transfer';
import { stageInPages } from './stage-pages';

/** The background's answer to `importStageFile`: the file it read and staged, or why not. */
export type FileStaging = Result<{ importId: string; staged: StoreCounts }>;

/**
 * Has the background read the file at `url` itself and stage it (`importStageFile`); the page
 * asks as soon as the file is chosen, and checks the file meanwhile.
 */
export const stageFile = (ask: Ask, url: string): Promise<FileStaging> =>
  ask('importStageFile', { url });

/**
 * Forgets what `staging` staged, once it is answered, for a file the page refused (or gave
 * up on); `then` runs after.
 */
export function dropStaging(ask: Ask, staging: Promise<FileStaging>, then: () => void): void {
  const drop = (reply: FileStaging) => {
    if (reply.ok) void ask('importCancel', { importId: reply.value.importId });
    then();
  };
  staging.then(drop, then);
}

/**
 * Sends the whole file to the background, which checks and keeps it; returns the import's id.
 * With `url`, a blob: URL of the chosen file, the background reads the file itself (`early`:
 * that reading already asked for); when it cannot, the records are sent in pages.
 */
export async function stageBackup(
  ask: Ask,
  data: BackupData,
  onProgress: Progress = () => undefined,
  url?: string,
  early?: Promise<FileStaging>,
): Promise<string> {
  const counts = countsOf(data);
  const total = counts.mentions + counts.crises + counts.events;
  onProgress(0, total);
  if (url) {
    const staged = await (early ?? stageFile(ask, url));
    if (staged.ok) {
      const { importId } = staged.value;
      // Both read the same bytes: other counts would be a bug, never imported.
      if (BACKUP_STORES.some((store) => staged.value.staged[store] !== counts[store])) {
        void ask('importCancel', { importId });
        throw new CallFailed({
          code: 'bad-request',
          message: 'The background read other counts than the page',
        });
      }
      onProgress(total, total);
      return importId;
    }
    if (staged.error.code !== 'unavailable') throw new CallFailed(staged.error);
  }
  // Not read there: the records go in pages.
  const { importId } = await must(ask('importStart', { counts }));
  return stageInPages(ask, importId, data, onProgress, total);
}

/** Staged records lost with a restarted worker, or a worker stopped while it answered. */
const mayRetry = (error: unknown) =>
  error instanceof CallFailed &&
  (error.error.code === 'import-expired' || error.error.code === 'unavailable');

/**
 * Stages the file and asks what importing it would do; `early` is the background's reading of
 * the file already asked for (its first try only: a retry reads the file again).
 */
export async function previewBackup(
  ask: Ask,
  data: BackupData,
  onProgress?: Progress,
  url?: string,
  early?: Promise<FileStaging>,
): Promise<{ importId: string; preview: ImportPreview }> {
  for (let attempt = 0; ; attempt++) {
    try {
      const importId = await stageBackup(ask, data, onProgress, url, attempt ? undefined : early);
      return { importId, preview: await must(ask('importPreview', { importId })) };
    } catch (error) {
      if (attempt >= 2 || !mayRetry(error)) throw error;
    }
  }
}

/**
 * Imports the staged file. When the worker restarted since staging (the records are gone) or
 * was stopped while it wrote (its transaction then rolled back whole), the file is staged
 * again and the commit asked again: an import is idempotent, so asking twice is safe even when
 * the first commit did land before the worker stopped.
 */
export async function commitBackup(
  ask: Ask,
  data: BackupData,
  importId: string,
  mode: ImportMode,
  onRestage?: Progress,
  url?: string,
): Promise<ImportSummary> {
  let id = importId;
  for (let attempt = 0; ; attempt++) {
    try {
      return await must(ask('importCommit', { importId: id, mode }));
    } catch (error) {
      if (attempt >= 2 || !mayRetry(error)) throw error;
      id = await stageBackup(ask, data, onRestage, url);
    }
  }
}
