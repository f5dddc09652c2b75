/**
 * The preview of a checked file: where it comes from, merge or replace, what each would add,
 * update, keep or remove, and the button that imports it.
 */
import type {
  ImportMode,
  ImportPreview,
  RecordCounts,
  StoreCounts,
} from '../../core/backup/format';
import { t, type MessageKey } from '../../core/i18n';
import { formatCount, formatDateTime } from '../../ui/format';
import { PreviewNotes } from './preview-notes';
import type { Previewed } from './use-import';

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

function ModeChoice(props: { mode: ImportMode; onMode: (mode: ImportMode) => void }) {
  return (
    <fieldset class="backup-modes">
      <legend>{t('backupModeLegend')}</legend>
      {(['merge', 'replace'] as const).map((m) => (
        <label key={m} class="backup-mode">
          <input
            type="radio"
            name="backup-mode"
            value={m}
            data-testid={`backup-mode-${m}`}
            checked={props.mode === m}
            aria-describedby={`backup-mode-${m}-help`}
            onChange={() => props.onMode(m)}
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
  );
}

export function ImportPreviewForm(props: {
  state: Previewed;
  mode: ImportMode;
  onMode: (mode: ImportMode) => void;
  onImport: () => void;
  onCancel: () => void;
}) {
  const { state, mode } = props;
  return (
    <form
      class="backup-preview-form"
      data-testid="backup-preview"
      onSubmit={(e) => {
        e.preventDefault();
        props.onImport();
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
      <ModeChoice mode={mode} onMode={props.onMode} />
      <PreviewTable preview={state.preview} mode={mode} />
      <PreviewNotes summary={state.preview[mode]} shortened={state.shortened} />
      <div class="backup-buttons">
        <button type="submit" class="button primary" data-testid="backup-import">
          {t(mode === 'merge' ? 'backupImportMerge' : 'backupImportReplace')}
        </button>
        <button type="button" class="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
