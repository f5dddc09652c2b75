/**
 * What the mention list's last bulk action said: a deletion with its offer to undo (and what
 * could not be deleted), or a plain notice.
 */
import { t, tn } from '../../core/i18n';
import { LiveRegion, Toast } from '../../ui/components';
import { formatCount } from '../../ui/format';
import type { useBulkActions } from './use-bulk-actions';

export function ActionToast({ actions }: { actions: ReturnType<typeof useBulkActions> }) {
  const { undo, notice } = actions;
  return (
    <LiveRegion>
      {undo && (
        <Toast
          onClose={actions.closeUndo}
          action={{ label: t('undo'), run: () => void actions.restore(), testid: 'log-undo' }}
        >
          {tn('logDeleted', undo.count, formatCount(undo.count))}
          {notice && ` ${notice}`}
        </Toast>
      )}
      {!undo && notice && <Toast onClose={actions.closeNotice}>{notice}</Toast>}
    </LiveRegion>
  );
}
