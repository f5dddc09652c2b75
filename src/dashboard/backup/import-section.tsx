/**
 * The backup screen's import: a backup file checked whole in the page, then by the background,
 * previewed (what it adds, updates, keeps), and written all at once or not at all.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type {
  BackupData,
  BackupFile,
  ImportMode,
  ImportPreview,
  ImportSummary,
  RecordCounts,
  Shortened,
  StoreCounts,
} from '../../core/backup/format';
import { MAX_BACKUP_CHARS, parseBackup } from '../../core/backup/parse';
import type { BackupProblem } from '../../core/backup/problems';
import { t, type MessageKey } from '../../core/i18n';
import type { AppErrorData } from '../../core/messaging/protocol';
import { ask } from '../../ui/background';
import { LiveRegion } from '../../ui/components';
import { errorText, formatCount, formatDateTime } from '../../ui/format';
import { commitBackup, previewBackup } from './import-transfer';
import { downloadFullBackup } from './export-section';
import { asError, ProgressLine, type Busy } from './progress';

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

export function ImportSection(props: { onImported: () => void }) {
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
