/** What each export of the backup screen downloads: the full backup, or one of the other files. */
import { actionsCsv, mentionsCsv, type CsvDialect } from '../../core/backup/csv';
import { mentionsAnnotations } from '../../core/backup/annotations';
import { ask } from '../../ui/background';
import { downloadBlob, downloadText } from '../../ui/download';
import {
  backupFileName,
  CallFailed,
  exportBackup,
  readLog,
  openLog,
  type Progress,
} from './backup-transfer';

export type ExportKind = 'json' | 'mentions-csv' | 'actions-csv' | 'annotations';

/** Makes a full backup and downloads it; returns the file's name and time. */
export async function downloadFullBackup(onProgress: Progress): Promise<string> {
  const { built, exportedAt } = await exportBackup(ask, onProgress, undefined, openLog);
  const name = backupFileName(exportedAt);
  downloadBlob(name, new Blob(built.pieces, { type: 'application/json' }));
  const done = await ask('backupDone', { exportedAt });
  if (!done.ok) throw new CallFailed(done.error);
  return name;
}

/** Reads the log and downloads the export `kind` other than the full backup; returns its name. */
export async function downloadExport(
  kind: Exclude<ExportKind, 'json'>,
  dialect: CsvDialect,
  progress: Progress,
): Promise<string> {
  const now = new Date().toISOString();
  let name: string;
  if (kind === 'actions-csv') {
    const log = await readLog(ask, ['crises'], progress, openLog);
    name = backupFileName(now, 'actions', 'csv');
    downloadText(name, 'text/csv;charset=utf-8', actionsCsv(log.crises ?? [], dialect));
    return name;
  }
  const log = await readLog(ask, ['mentions', 'crises'], progress, openLog);
  const mentions = log.mentions ?? [];
  if (kind === 'mentions-csv') {
    name = backupFileName(now, 'mentions', 'csv');
    downloadText(name, 'text/csv;charset=utf-8', mentionsCsv(mentions, log.crises ?? [], dialect));
  } else {
    name = backupFileName(now, 'annotations', 'jsonld');
    const collection = mentionsAnnotations(mentions, now);
    downloadText(name, 'application/ld+json', `${JSON.stringify(collection, null, 2)}\n`);
  }
  return name;
}
