/**
 * The backup screen's import: a backup file checked whole in the page, then by the background,
 * previewed (what it adds, updates, keeps), and written all at once or not at all.
 */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../core/i18n';
import { LiveRegion } from '../../ui/components';
import { ImportDone } from './import-done';
import { ImportPreviewForm } from './import-preview';
import { ImportProblem } from './import-problem';
import { ProgressLine } from './progress';
import { useImport } from './use-import';

export function ImportSection(props: { onImported: () => void }) {
  const { state, mode, setMode, choose, cancel, run } = useImport(props.onImported);
  const message = useRef<HTMLDivElement>(null);

  // The preview, the result or the problem takes the focus, so that it is read out first.
  useEffect(() => {
    if (['preview', 'done', 'failed'].includes(state.step)) {
      message.current?.querySelector<HTMLElement>('[tabindex="-1"]')?.focus();
    }
  }, [state.step]);

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
          <ImportDone summary={state.summary} shortened={state.shortened} />
        )}
        {state.step === 'preview' && (
          <ImportPreviewForm
            state={state}
            mode={mode}
            onMode={setMode}
            onImport={() => void run(state)}
            onCancel={cancel}
          />
        )}
      </div>
    </section>
  );
}
