/** What an import did, once written: how many records came, then its notes. */
import type { ImportSummary, RecordCounts, Shortened } from '../../core/backup/format';
import { t } from '../../core/i18n';
import { formatCount } from '../../ui/format';
import { PreviewNotes } from './preview-notes';

function doneText(s: ImportSummary): string {
  const sum = (key: keyof RecordCounts) => s.mentions[key] + s.crises[key] + s.events[key];
  return t('backupImportDone', [
    formatCount(sum('added')),
    formatCount(sum('updated')),
    formatCount(sum('unchanged') + sum('kept') + s.sameQuote),
  ]);
}

export function ImportDone(props: { summary: ImportSummary; shortened: Shortened }) {
  return (
    <div class="backup-done" role="status" tabIndex={-1} data-testid="backup-import-done">
      <p class="backup-ok">{doneText(props.summary)}</p>
      <PreviewNotes summary={props.summary} shortened={props.shortened} />
    </div>
  );
}
