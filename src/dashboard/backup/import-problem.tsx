/** Why a backup file was refused: in words, then the technical detail, then that nothing changed. */
import type { BackupProblem } from '../../core/backup/problems';
import { t, type MessageKey } from '../../core/i18n';
import type { AppErrorData } from '../../core/messaging/protocol';
import { errorText } from '../../ui/format';

const PROBLEM_KEYS: Record<BackupProblem['code'], MessageKey> = {
  'not-json': 'backupProblemNotJson',
  'not-backup': 'backupProblemNotBackup',
  newer: 'backupProblemNewer',
  checksum: 'backupProblemChecksum',
  'too-large': 'backupProblemTooLarge',
  invalid: 'backupProblemInvalid',
};

export function ImportProblem({ problem }: { problem: BackupProblem | AppErrorData }) {
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
