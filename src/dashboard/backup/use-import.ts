/**
 * The import's state machine: idle, a file checked (in the page, then staged and previewed by
 * the background), its preview, the import written, and its result or problem.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type {
  BackupFile,
  ImportMode,
  ImportPreview,
  ImportSummary,
  Shortened,
} from '../../core/backup/format';
import { MAX_BACKUP_CHARS, parseBackup } from '../../core/backup/parse';
import type { BackupProblem } from '../../core/backup/problems';
import { t } from '../../core/i18n';
import type { AppErrorData } from '../../core/messaging/protocol';
import { ask } from '../../ui/background';
import { downloadFullBackup } from './export-files';
import { commitBackup, dropStaging, previewBackup, stageFile } from './import-transfer';
import { asError, busyWith, type Busy } from './progress';

/** A file checked and staged, shown before it is imported. */
export interface Previewed {
  step: 'preview';
  name: string;
  backup: BackupFile;
  /** Texts of the file shortened to their limits, by place. */
  shortened: Shortened;
  importId: string;
  preview: ImportPreview;
}

export type ImportState =
  | { step: 'idle' }
  | { step: 'checking'; busy: Busy }
  | Previewed
  | { step: 'importing'; busy: Busy }
  | { step: 'done'; summary: ImportSummary; mode: ImportMode; shortened: Shortened }
  | { step: 'failed'; problem: BackupProblem | AppErrorData };

type Show = (state: ImportState) => void;

/** Shows the busy step `step` with `label`; returns what shows the progress of its task. */
const busyIn = (show: Show, step: 'checking' | 'importing', label: string) =>
  busyWith((busy) => show({ step, busy }), label);

/** A blob: URL of the chosen file, for the background to read it itself (stageBackup). */
function useFileUrl() {
  const url = useRef<string | null>(null);
  const release = () => {
    if (url.current) URL.revokeObjectURL(url.current);
    url.current = null;
  };
  useEffect(() => release, []);
  return { url, release };
}

/**
 * Checks `file` in the page while the background reads it too, then has the background preview
 * it. The two reads run side by side (each about half of a large file's check). A file that is
 * not previewed (refused by the page or the background, or a call that failed) is dropped from
 * the background as soon as its reading there ends, never written, and the file let go.
 */
async function check(file: File, show: Show, fileUrl: ReturnType<typeof useFileUrl>) {
  const progress = busyIn(show, 'checking', t('backupChecking', file.name));
  if (file.size > MAX_BACKUP_CHARS) {
    show({ step: 'failed', problem: { code: 'too-large', detail: `${file.size} bytes` } });
    return;
  }
  const url = URL.createObjectURL(file);
  const early = stageFile(ask, url);
  let previewed = false;
  try {
    const parsed = await parseBackup(await file.text());
    if (!parsed.ok) {
      show({ step: 'failed', problem: parsed.problem });
      return;
    }
    const { importId, preview } = await previewBackup(
      ask,
      parsed.backup.data,
      progress,
      url,
      early,
    );
    previewed = true;
    fileUrl.url.current = url;
    show({
      step: 'preview',
      name: file.name,
      backup: parsed.backup,
      shortened: parsed.shortened,
      importId,
      preview,
    });
  } catch (e) {
    show({ step: 'failed', problem: asError(e) });
  } finally {
    if (!previewed) dropStaging(ask, early, () => URL.revokeObjectURL(url));
  }
}

/** Writes the previewed file; replacing downloads a backup of the log first. */
async function write(
  previewed: Previewed,
  mode: ImportMode,
  show: Show,
  fileUrl: ReturnType<typeof useFileUrl>,
  onImported: () => void,
): Promise<void> {
  const { importId, shortened } = previewed;
  try {
    if (mode === 'replace') {
      // Replacing must never cost the user their log: it is downloaded first.
      await downloadFullBackup(busyIn(show, 'importing', t('backupSafetyBackup')));
    }
    const writing = busyIn(show, 'importing', t('backupWriting'));
    const summary = await commitBackup(
      ask,
      previewed.backup.data,
      importId,
      mode,
      writing,
      fileUrl.url.current ?? undefined,
    );
    show({ step: 'done', summary, mode, shortened });
    onImported();
  } catch (e) {
    void ask('importCancel', { importId });
    show({ step: 'failed', problem: asError(e) });
  } finally {
    fileUrl.release();
  }
}

export function useImport(onImported: () => void) {
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const [mode, setMode] = useState<ImportMode>('merge');
  const fileUrl = useFileUrl();
  // The staged records of the file previewed, no longer needed.
  const dropStaged = () => {
    if (state.step === 'preview') void ask('importCancel', { importId: state.importId });
  };
  return {
    state,
    mode,
    setMode,
    choose: async (input: HTMLInputElement) => {
      const file = input.files?.[0];
      input.value = '';
      if (!file) return;
      dropStaged();
      fileUrl.release();
      setMode('merge');
      await check(file, setState, fileUrl);
    },
    cancel: () => {
      dropStaged();
      fileUrl.release();
      setState({ step: 'idle' });
    },
    run: (previewed: Previewed) => write(previewed, mode, setState, fileUrl, onImported),
  };
}
