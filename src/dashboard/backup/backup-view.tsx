/**
 * The backup screen of the crisis log: a full backup (JSON) and the spreadsheet and annotation
 * exports, and the import of a backup, checked whole in the page, then by the background,
 * previewed, and written all at once or not at all.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { actionsCsv, csvDialectFor, mentionsCsv, type CsvDialect } from '../../core/backup/csv';
import { mentionsAnnotations } from '../../core/backup/annotations';
import type {
  BackupData,
  BackupFile,
  BackupInfo,
  ImportMode,
  ImportPreview,
  ImportSummary,
  RecordCounts,
  Shortened,
  StoreCounts,
} from '../../core/backup/format';
import { MAX_BACKUP_CHARS, parseBackup } from '../../core/backup/parse';
import type { BackupProblem } from '../../core/backup/problems';
import { t, uiLanguage, type MessageKey } from '../../core/i18n';
import type { AppErrorData } from '../../core/messaging/protocol';
import { ask } from '../../ui/background';
import { ErrorMessage, LiveRegion } from '../../ui/components';
import { downloadBlob, downloadText } from '../../ui/download';
import { errorText, formatCount, formatDateTime } from '../../ui/format';
import './backup.css';
import {
  backupFileName,
  CallFailed,
  commitBackup,
  exportBackup,
  previewBackup,
  readLog,
  openLog,
  type Progress,
} from './backup-transfer';
import { StorageStatus } from '../storage-status';

type ExportKind = 'json' | 'mentions-csv' | 'actions-csv' | 'annotations';

const KINDS: { kind: ExportKind; label: MessageKey }[] = [
  { kind: 'json', label: 'backupExportJson' },
  { kind: 'mentions-csv', label: 'backupExportMentionsCsv' },
  { kind: 'actions-csv', label: 'backupExportActionsCsv' },
  { kind: 'annotations', label: 'backupExportAnnotations' },
];

/** Where a long task is: a label and, when known, how many records of how many. */
interface Busy {
  label: string;
  done?: number;
  total?: number;
}

const asError = (error: unknown): AppErrorData =>
  error instanceof CallFailed
    ? error.error
    : { code: 'internal', message: error instanceof Error ? error.message : String(error) };

/** A progress bar with its words, announced through the live region it sits in. */
function ProgressLine({ busy, testid }: { busy: Busy; testid: string }) {
  const total = busy.total ?? 0;
  const known = total > 0;
  return (
    <div class="backup-progress" data-testid={testid}>
      <progress
        max={known ? total : undefined}
        value={known ? busy.done : undefined}
        aria-label={busy.label}
      />
      <span>
        {busy.label}
        {known && ` ${t('backupProgressCount', [formatCount(busy.done ?? 0), formatCount(total)])}`}
      </span>
    </div>
  );
}

/** Makes a full backup and downloads it; returns the file's name and time. */
async function downloadFullBackup(onProgress: Progress): Promise<string> {
  const { built, exportedAt } = await exportBackup(ask, onProgress, undefined, openLog);
  const name = backupFileName(exportedAt);
  downloadBlob(name, new Blob(built.pieces, { type: 'application/json' }));
  const done = await ask('backupDone', { exportedAt });
  if (!done.ok) throw new CallFailed(done.error);
  return name;
}

function ExportSection(props: { info: BackupInfo | null; onExported: () => void }) {
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

const PROBLEM_KEYS: Record<BackupProblem['code'], MessageKey> = {
  'not-json': 'backupProblemNotJson',
  'not-backup': 'backupProblemNotBackup',
  newer: 'backupProblemNewer',
  checksum: 'backupProblemChecksum',
  'too-large': 'backupProblemTooLarge',
  invalid: 'backupProblemInvalid',
};

/** Why a file was refused: in words, then the technical detail, then that nothing changed. */
function ImportProblem({ problem }: { problem: BackupProblem | AppErrorData }) {
  let text: string;
  let detail = '';
  if ('detail' in problem) {
    text = t(PROBLEM_KEYS[problem.code], problem.detail);
    if (problem.code === 'invalid' || problem.code === 'not-json') detail = problem.detail;
  } else if (problem.code === 'bad-backup') {
    text = t('backupProblemInvalid');
    detail = problem.message;
  } else {
    text = errorText(problem);
  }
  return (
    <div class="error backup-problem" role="alert" data-testid="backup-import-error" tabIndex={-1}>
      <p>{text}</p>
      {detail && (
        <p class="small">
          {t('backupProblemDetail')} <code class="backup-detail">{detail}</code>
        </p>
      )}
      <p>{t('backupNothingChanged')}</p>
    </div>
  );
}

const ROWS: { store: keyof StoreCounts; label: MessageKey }[] = [
  { store: 'mentions', label: 'backupKindMentions' },
  { store: 'crises', label: 'backupKindCrises' },
  { store: 'events', label: 'backupKindEvents' },
];
const MERGE_COLUMNS: { key: keyof RecordCounts; label: MessageKey }[] = [
  { key: 'added', label: 'backupColAdded' },
  { key: 'updated', label: 'backupColUpdated' },
  { key: 'unchanged', label: 'backupColUnchanged' },
  { key: 'kept', label: 'backupColKept' },
];

const written = (c: RecordCounts) => c.added + c.updated;

function PreviewTable({ preview, mode }: { preview: ImportPreview; mode: ImportMode }) {
  const head =
    mode === 'merge'
      ? MERGE_COLUMNS.map((c) => t(c.label))
      : [t('backupColRemoved'), t('backupColWritten')];
  return (
    <table class="backup-preview" data-testid={`backup-preview-${mode}`}>
      <caption class="visually-hidden">{t('backupPreviewTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('backupKind')}</th>
          {head.map((label) => (
            <th key={label} scope="col">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {ROWS.map(({ store, label }) => {
          const counts = preview[mode][store];
          const cells =
            mode === 'merge'
              ? MERGE_COLUMNS.map((c) => counts[c.key])
              : [preview.current[store], written(counts)];
          return (
            <tr key={store} data-testid={`backup-preview-${store}`}>
              <th scope="row">{t(label)}</th>
              {cells.map((n, i) => (
                <td key={i}>{formatCount(n)}</td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** "mentions.pageTitle (2), crises.title (1)": where texts were shortened, most first. */
function shortenedPlaces(shortened: Shortened): string {
  return Object.entries(shortened)
    .sort((a, b) => b[1] - a[1])
    .map(([place, n]) => `${place} (${formatCount(n)})`)
    .join(', ');
}

function PreviewNotes({ summary, shortened }: { summary: ImportSummary; shortened: Shortened }) {
  const cut = Object.values(shortened).reduce((a, b) => a + b, 0);
  const settings =
    summary.settings === 'taken'
      ? t('backupSettingsTaken')
      : summary.settings === 'kept'
        ? t('backupSettingsKept')
        : t('backupSettingsMerged', String(summary.settingsAdded));
  return (
    <ul class="backup-notes small">
      {summary.sameQuote > 0 && <li>{t('backupSameQuote', String(summary.sameQuote))}</li>}
      {summary.toInbox > 0 && <li>{t('backupToInbox', String(summary.toInbox))}</li>}
      {summary.otherCapture > 0 && (
        <li data-testid="backup-other-capture">
          {t('backupOtherCapture', formatCount(summary.otherCapture))}
        </li>
      )}
      {cut > 0 && (
        <li data-testid="backup-shortened">
          {t('backupShortened', [formatCount(cut), shortenedPlaces(shortened)])}
        </li>
      )}
      <li>{settings}</li>
    </ul>
  );
}

type ImportState =
  | { step: 'idle' }
  | { step: 'checking'; busy: Busy }
  | {
      step: 'preview';
      name: string;
      backup: BackupFile;
      /** Texts of the file shortened to their limits, by place. */
      shortened: Shortened;
      importId: string;
      preview: ImportPreview;
    }
  | { step: 'importing'; busy: Busy }
  | { step: 'done'; summary: ImportSummary; mode: ImportMode; shortened: Shortened }
  | { step: 'failed'; problem: BackupProblem | AppErrorData };

function doneText(s: ImportSummary): string {
  const sum = (key: keyof RecordCounts) => s.mentions[key] + s.crises[key] + s.events[key];
  return t('backupImportDone', [
    formatCount(sum('added')),
    formatCount(sum('updated')),
    formatCount(sum('unchanged') + sum('kept') + s.sameQuote),
  ]);
}

function ImportSection(props: { onImported: () => void }) {
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const [mode, setMode] = useState<ImportMode>('merge');
  const message = useRef<HTMLDivElement>(null);
  // A blob: URL of the chosen file, for the background to read it itself (stageBackup).
  const fileUrl = useRef<string | null>(null);
  const releaseFile = () => {
    if (fileUrl.current) URL.revokeObjectURL(fileUrl.current);
    fileUrl.current = null;
  };
  useEffect(() => releaseFile, []);
  const data = state.step === 'preview' ? state.backup.data : null;

  // The preview, the result or the problem takes the focus, so that it is read out first.
  useEffect(() => {
    if (['preview', 'done', 'failed'].includes(state.step)) {
      message.current?.querySelector<HTMLElement>('[tabindex="-1"]')?.focus();
    }
  }, [state.step]);

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    // Another file replaces the one previewed: its staged records are no longer needed.
    if (state.step === 'preview') void ask('importCancel', { importId: state.importId });
    releaseFile();
    setMode('merge');
    const checking = t('backupChecking', file.name);
    setState({ step: 'checking', busy: { label: checking } });
    try {
      if (file.size > MAX_BACKUP_CHARS) {
        setState({ step: 'failed', problem: { code: 'too-large', detail: `${file.size} bytes` } });
        return;
      }
      const parsed = await parseBackup(await file.text());
      if (!parsed.ok) {
        setState({ step: 'failed', problem: parsed.problem });
        return;
      }
      fileUrl.current = URL.createObjectURL(file);
      const { importId, preview } = await previewBackup(
        ask,
        parsed.backup.data,
        (done, total) => setState({ step: 'checking', busy: { label: checking, done, total } }),
        fileUrl.current,
      );
      setState({
        step: 'preview',
        name: file.name,
        backup: parsed.backup,
        shortened: parsed.shortened,
        importId,
        preview,
      });
    } catch (e) {
      releaseFile();
      setState({ step: 'failed', problem: asError(e) });
    }
  };

  const cancel = () => {
    if (state.step === 'preview') void ask('importCancel', { importId: state.importId });
    releaseFile();
    setState({ step: 'idle' });
  };

  const run = async (importId: string, file: BackupData, shortened: Shortened) => {
    try {
      if (mode === 'replace') {
        // Replacing must never cost the user their log: it is downloaded first.
        const saving = t('backupSafetyBackup');
        setState({ step: 'importing', busy: { label: saving } });
        await downloadFullBackup((done, total) =>
          setState({ step: 'importing', busy: { label: saving, done, total } }),
        );
      }
      setState({ step: 'importing', busy: { label: t('backupWriting') } });
      const summary = await commitBackup(
        ask,
        file,
        importId,
        mode,
        (done, total) =>
          setState({ step: 'importing', busy: { label: t('backupWriting'), done, total } }),
        fileUrl.current ?? undefined,
      );
      setState({ step: 'done', summary, mode, shortened });
      props.onImported();
    } catch (e) {
      void ask('importCancel', { importId });
      setState({ step: 'failed', problem: asError(e) });
    } finally {
      releaseFile();
    }
  };

  const busy = state.step === 'checking' || state.step === 'importing';
  return (
    <section class="backup-section" aria-labelledby="backup-import-title">
      <h2 class="section" id="backup-import-title">
        {t('backupImportTitle')}
      </h2>
      <p class="muted small">{t('backupImportHelp')}</p>
      <div class="backup-file">
        <label for="backup-file">{t('backupFileLabel')}</label>
        <input
          type="file"
          id="backup-file"
          accept=".json,application/json"
          data-testid="backup-file"
          disabled={busy}
          onChange={(e) => void choose(e.currentTarget)}
        />
      </div>
      <LiveRegion>
        {busy && <ProgressLine busy={state.busy} testid="backup-import-progress" />}
      </LiveRegion>
      <div ref={message}>
        {state.step === 'failed' && <ImportProblem problem={state.problem} />}
        {state.step === 'done' && (
          <div class="backup-done" role="status" tabIndex={-1} data-testid="backup-import-done">
            <p class="backup-ok">{doneText(state.summary)}</p>
            <PreviewNotes summary={state.summary} shortened={state.shortened} />
          </div>
        )}
        {state.step === 'preview' && data && (
          <form
            class="backup-preview-form"
            data-testid="backup-preview"
            onSubmit={(e) => {
              e.preventDefault();
              void run(state.importId, data, state.shortened);
            }}
          >
            <h3 id="backup-preview-title" tabIndex={-1}>
              {t('backupPreviewTitle')}
            </h3>
            <p class="muted small">
              {t('backupPreviewFile', [
                state.name,
                formatDateTime(state.backup.exportedAt),
                state.backup.appVersion,
              ])}
            </p>
            <fieldset class="backup-modes">
              <legend>{t('backupModeLegend')}</legend>
              {(['merge', 'replace'] as const).map((m) => (
                <label key={m} class="backup-mode">
                  <input
                    type="radio"
                    name="backup-mode"
                    value={m}
                    data-testid={`backup-mode-${m}`}
                    checked={mode === m}
                    aria-describedby={`backup-mode-${m}-help`}
                    onChange={() => setMode(m)}
                  />
                  <span>
                    <strong>{t(m === 'merge' ? 'backupModeMerge' : 'backupModeReplace')}</strong>
                    <span class="muted small" id={`backup-mode-${m}-help`}>
                      {t(m === 'merge' ? 'backupModeMergeHelp' : 'backupModeReplaceHelp')}
                    </span>
                  </span>
                </label>
              ))}
            </fieldset>
            <PreviewTable preview={state.preview} mode={mode} />
            <PreviewNotes summary={state.preview[mode]} shortened={state.shortened} />
            <div class="backup-buttons">
              <button type="submit" class="button primary" data-testid="backup-import">
                {t(mode === 'merge' ? 'backupImportMerge' : 'backupImportReplace')}
              </button>
              <button type="button" class="button" onClick={cancel}>
                {t('cancel')}
              </button>
            </div>
          </form>
        )}
      </div>
    </section>
  );
}

export function BackupView(props: { onChanged?: () => void }) {
  const [info, setInfo] = useState<BackupInfo | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const { onChanged } = props;

  const load = useCallback(() => {
    void ask('backupInfo', {}).then((reply) => {
      if (reply.ok) setInfo(reply.value);
      else setError(reply.error);
    });
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    if (info || error) document.body.dataset.ready = 'true';
  }, [info, error]);

  return (
    <>
      <h1>{t('backupTitle')}</h1>
      <p class="muted">{t('backupIntro')}</p>
      <StorageStatus />
      <ErrorMessage error={error} />
      <ExportSection info={info} onExported={load} />
      <ImportSection
        onImported={() => {
          load();
          onChanged?.();
        }}
      />
    </>
  );
}
