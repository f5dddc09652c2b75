/** The backup screen's exports: the full backup (JSON), the spreadsheets (CSV) and the annotations. */
import { useState } from 'preact/hooks';
import { csvDialectFor, type CsvDialect } from '../../core/backup/csv';
import type { BackupInfo } from '../../core/backup/format';
import { t, uiLanguage, type MessageKey } from '../../core/i18n';
import type { AppErrorData } from '../../core/messaging/protocol';
import { ErrorMessage, LiveRegion } from '../../ui/components';
import { formatCount, formatDateTime } from '../../ui/format';
import { downloadExport, downloadFullBackup, type ExportKind } from './export-files';
import { asError, busyWith, ProgressLine, type Busy } from './progress';

const KINDS: { kind: ExportKind; label: MessageKey }[] = [
  { kind: 'json', label: 'backupExportJson' },
  { kind: 'mentions-csv', label: 'backupExportMentionsCsv' },
  { kind: 'actions-csv', label: 'backupExportActionsCsv' },
  { kind: 'annotations', label: 'backupExportAnnotations' },
];

/** When the last backup was made, and what the log holds. */
function LogState({ info }: { info: BackupInfo }) {
  return (
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
  );
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
    const progress = busyWith(setBusy, t('backupReadingLog'));
    try {
      let name: string;
      if (kind === 'json') {
        name = await downloadFullBackup(progress);
        props.onExported();
      } else {
        name = await downloadExport(kind, dialect, progress);
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
      {info && <LogState info={info} />}
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
