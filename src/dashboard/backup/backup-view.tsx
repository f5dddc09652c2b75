/**
 * The backup screen of the crisis log: a full backup (JSON) and the spreadsheet and annotation
 * exports, and the import of a backup, checked whole in the page, then by the background,
 * previewed, and written all at once or not at all.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { BackupInfo } from '../../core/backup/format';
import { t } from '../../core/i18n';
import type { AppErrorData } from '../../core/messaging/protocol';
import { ask } from '../../ui/background';
import { ErrorMessage } from '../../ui/components';
import './backup.css';
import { StorageStatus } from '../storage-status';
import { ExportSection } from './export-section';
import { ImportSection } from './import-section';

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
