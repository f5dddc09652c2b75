/** The backup screen's exports: the full backup (JSON), the spreadsheets (CSV) and the annotations. */
import { useState } from 'preact/hooks';
import { actionsCsv, csvDialectFor, mentionsCsv, type CsvDialect } from '../../core/backup/csv';
import { mentionsAnnotations } from '../../core/backup/annotations';
import type { BackupInfo } from '../../core/backup/format';
import { t, uiLanguage, type MessageKey } from '../../core/i18n';
import type { AppErrorData } from '../../core/messaging/protocol';
import { ask } from '../../ui/background';
import { ErrorMessage, LiveRegion } from '../../ui/components';
import { downloadBlob, downloadText } from '../../ui/download';
import { formatCount, formatDateTime } from '../../ui/format';
import {
  backupFileName,
  CallFailed,
  exportBackup,
  readLog,
  openLog,
  type Progress,
} from './backup-transfer';
import { asError, ProgressLine, type Busy } from './progress';

type ExportKind = 'json' | 'mentions-csv' | 'actions-csv' | 'annotations';

const KINDS: { kind: ExportKind; label: MessageKey }[] = [
  { kind: 'json', label: 'backupExportJson' },
  { kind: 'mentions-csv', label: 'backupExportMentionsCsv' },
  { kind: 'actions-csv', label: 'backupExportActionsCsv' },
  { kind: 'annotations', label: 'backupExportAnnotations' },
];

/** Makes a full backup and downloads it; returns the file's name and time. */
export async function downloadFullBackup(onProgress: Progress): Promise<string> {
  const { built, exportedAt } = await exportBackup(ask, onProgress, undefined, openLog);
  const name = backupFileName(exportedAt);
  downloadBlob(name, new Blob(built.pieces, { type: 'application/json' }));
  const done = await ask('backupDone', { exportedAt });
  if (!done.ok) throw new CallFailed(done.error);
  return name;
}

export function ExportSection(props: { info: BackupInfo | null; onExported: () => void }) {
  const [busy, setBusy] = useState<Busy | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [dialect, setDialect] = useState<CsvDialect>(() => csvDialectFor(uiLanguage()));
  const { info } = props;

  const run = async (kind: ExportKind) => {
    setDone(null);
    setError(null);
    const reading = t('backupReadingLog');
    const progress: Progress = (n, total) => setBusy({ label: reading, done: n, total });
    setBusy({ label: reading });
    try {
      const now = new Date().toISOString();
      let name: string;
      if (kind === 'json') {
        name = await downloadFullBackup(progress);
        props.onExported();
      } else if (kind === 'actions-csv') {
        const log = await readLog(ask, ['crises'], progress, openLog);
        name = backupFileName(now, 'actions', 'csv');
        downloadText(name, 'text/csv;charset=utf-8', actionsCsv(log.crises ?? [], dialect));
      } else {
        const log = await readLog(ask, ['mentions', 'crises'], progress, openLog);
        const mentions = log.mentions ?? [];
        if (kind === 'mentions-csv') {
          name = backupFileName(now, 'mentions', 'csv');
          downloadText(
            name,
            'text/csv;charset=utf-8',
            mentionsCsv(mentions, log.crises ?? [], dialect),
          );
        } else {
          name = backupFileName(now, 'annotations', 'jsonld');
          const collection = mentionsAnnotations(mentions, now);
          downloadText(name, 'application/ld+json', `${JSON.stringify(collection, null, 2)}\n`);
        }
      }
      setDone(t('backupExportDone', name));
    } catch (e) {
      setError(asError(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="backup-section" aria-labelledby="backup-export-title">
      <h2 class="section" id="backup-export-title">
        {t('backupExportTitle')}
      </h2>
      {/* Nothing said of the last backup until it is known (not "never" while it is asked). */}
      {info && (
        <>
          <p data-testid="backup-last">
            {info.settings.lastBackupAt
              ? t('backupLastBackup', formatDateTime(info.settings.lastBackupAt))
              : t('backupNeverBackedUp')}
          </p>
          <p class="muted small" data-testid="backup-counts">
            {t('backupLogCounts', [
              formatCount(info.counts.mentions),
              formatCount(info.counts.crises),
              formatCount(info.counts.events),
            ])}
          </p>
        </>
      )}
      <div class="backup-buttons">
        {KINDS.map(({ kind, label }) => (
          <button
            key={kind}
            type="button"
            class={kind === 'json' ? 'button primary' : 'button'}
            data-testid={`backup-export-${kind}`}
            disabled={busy !== null}
            onClick={() => void run(kind)}
          >
            {t(label)}
          </button>
        ))}
      </div>
      <p>
        <label>
          {t('backupCsvDialect')}{' '}
          <select
            data-testid="backup-csv-dialect"
            value={dialect}
            onChange={(e) => setDialect(e.currentTarget.value as CsvDialect)}
          >
            <option value="semicolon">{t('backupCsvSemicolon')}</option>
            <option value="comma">{t('backupCsvComma')}</option>
          </select>
        </label>
      </p>
      <p class="muted small">{t('backupExportHelp')}</p>
      <LiveRegion>
        {busy && <ProgressLine busy={busy} testid="backup-export-progress" />}
        {done && (
          <p class="backup-ok" data-testid="backup-export-done">
            {done}
          </p>
        )}
      </LiveRegion>
      <ErrorMessage error={error} />
    </section>
  );
}
