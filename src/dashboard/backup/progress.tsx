/** What the backup screen's sections share: how a long task's progress is shown, and an error as words. */
import { t } from '../../core/i18n';
import type { AppErrorData } from '../../core/messaging/protocol';
import { formatCount } from '../../ui/format';
import { CallFailed, type Progress } from './backup-transfer';

/** Where a long task is: a label and, when known, how many records of how many. */
export interface Busy {
  label: string;
  done?: number;
  total?: number;
}

/** Shows `label` as busy; returns what shows how far its task has come. */
export function busyWith(show: (busy: Busy) => void, label: string): Progress {
  show({ label });
  return (done, total) => show({ label, done, total });
}

export const asError = (error: unknown): AppErrorData =>
  error instanceof CallFailed
    ? error.error
    : { code: 'internal', message: error instanceof Error ? error.message : String(error) };

/** A progress bar with its words, announced through the live region it sits in. */
export function ProgressLine({ busy, testid }: { busy: Busy; testid: string }) {
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
