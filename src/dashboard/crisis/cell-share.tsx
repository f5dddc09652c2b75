/**
 * A crisis's place in the team cell, on its page: "Share with the cell" while it is not shared
 * (and a cell is connected), then that it is shared. Nothing shows with no cell connected.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../core/i18n';
import type { AppErrorData, CellStatus } from '../../core/messaging/protocol';
import { ask } from '../../ui/background';
import { ErrorMessage } from '../../ui/components';

export function CellShare(props: { crisisId: string }) {
  const [cell, setCell] = useState<CellStatus | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  useEffect(() => {
    void ask('getCellStatus', {}).then((reply) => reply.ok && setCell(reply.value));
  }, []);
  if (!cell) return null;
  if (cell.shared.includes(props.crisisId)) {
    return (
      <p class="small muted no-print" data-testid="crisis-shared">
        {t('cellSharedNote')}
      </p>
    );
  }
  const share = async () => {
    const reply = await ask('shareCrisis', { id: props.crisisId });
    if (reply.ok) setCell(reply.value);
    else setError(reply.error);
  };
  return (
    <div class="no-print">
      <button type="button" class="button" data-testid="crisis-share" onClick={() => void share()}>
        {t('cellShare')}
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}
