/**
 * The crisis log's side of an import: the checked file staged in the background (read there
 * from the file itself, or sent in pages by stage-pages.ts), previewed, then committed, each
 * staged again when the worker lost it.
 */
import type {
  BackupData,
  ImportMode,
  ImportPreview,
  ImportSummary,
} from '../../core/backup/format';
import { countsOf } from '../../core/backup/format';
import { CallFailed, must, type Ask, type Progress } from './backup-transfer';
import { stageInPages } from './stage-pages';

/**
 * Sends the whole file to the background, which checks and keeps it; returns the import's id.
 * With `url`, a blob: URL of the chosen file, the background reads the file itself; when it
 * cannot, the records are sent in pages.
 */
export async function stageBackup(
  ask: Ask,
  data: BackupData,
  onProgress: Progress = () => undefined,
  url?: string,
): Promise<string> {
  const counts = countsOf(data);
  const total = counts.mentions + counts.crises + counts.events;
  const { importId } = await must(ask('importStart', { counts }));
  onProgress(0, total);
  if (!url) return stageInPages(ask, importId, data, onProgress, total);
  const staged = await ask('importStageFile', { importId, url });
  if (staged.ok) {
    onProgress(total, total);
    return importId;
  }
  if (staged.error.code !== 'unavailable') throw new CallFailed(staged.error);
  // Not read there: the records go in pages, into a staging of their own.
  void ask('importCancel', { importId });
  const paged = await must(ask('importStart', { counts }));
  return stageInPages(ask, paged.importId, data, onProgress, total);
}

/** Staged records lost with a restarted worker, or a worker stopped while it answered. */
const mayRetry = (error: unknown) =>
  error instanceof CallFailed &&
  (error.error.code === 'import-expired' || error.error.code === 'unavailable');

/** Stages the file and asks what importing it would do. */
export async function previewBackup(
  ask: Ask,
  data: BackupData,
  onProgress?: Progress,
  url?: string,
): Promise<{ importId: string; preview: ImportPreview }> {
  for (let attempt = 0; ; attempt++) {
    try {
      const importId = await stageBackup(ask, data, onProgress, url);
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
