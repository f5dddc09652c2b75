/**
 * The bulk actions over a list's ticked mentions and what they say once done: moved, tagged, or
 * deleted with an offer to undo (a crisis made of them: use-create-crisis.ts).
 */
import { useCallback, useState } from 'preact/hooks';
import { t, tn } from '../../core/i18n';
import type { AppErrorData, CrisisSummary } from '../../core/messaging/protocol';
import { ask } from '../../ui/background';
import { formatCount } from '../../ui/format';
import { replyValue } from './reply-value';

export function useBulkActions(props: {
  /** The ticked mentions. */
  ids: string[];
  /** The open crises, to name the one mentions moved into. */
  crises: readonly CrisisSummary[];
  onError: (error: AppErrorData) => void;
  /** Reads the list again once an action is done. */
  reload: () => Promise<void>;
}) {
  const { ids, onError, reload } = props;
  const [undo, setUndo] = useState<{ token: string; count: number } | null>(null);
  const [notice, setNotice] = useState('');
  const closeUndo = useCallback(() => setUndo(null), []);
  const closeNotice = useCallback(() => setNotice(''), []);

  const remove = async () => {
    const done = await replyValue(ask('deleteMentions', { ids }), onError);
    if (done) {
      setNotice(done.notDeleted > 0 ? t('logNotDeleted', formatCount(done.notDeleted)) : '');
      setUndo({ token: done.undoToken, count: done.deleted });
      await reload();
    }
  };

  const restore = async () => {
    if (!undo) return;
    setUndo(null);
    if (await replyValue(ask('restoreMentions', { undoToken: undo.token }), onError)) {
      await reload();
    }
  };

  /** Says what was done (no undo offered any more) and reads the list again. */
  const said = async (text: string) => {
    setUndo(null);
    setNotice(text);
    await reload();
    return true;
  };

  const move = async (to: string): Promise<boolean> => {
    const crisisId = to === 'inbox' ? null : to;
    const done = await replyValue(ask('moveMentions', { ids, crisisId }), onError);
    if (!done) return false;
    const title = props.crises.find((c) => c.id === crisisId)?.title ?? '';
    // Said where they went: out of sight of this list, they are not lost.
    return said(
      crisisId === null
        ? tn('logMovedToInbox', done.moved, formatCount(done.moved))
        : tn('logMovedInto', done.moved, [formatCount(done.moved), title]),
    );
  };

  const tag = async (add: string): Promise<boolean> => {
    const done = await replyValue(ask('tagMentions', { ids, add: [add] }), onError);
    return done ? said(tn('filterTagged', done.tagged, [add, formatCount(done.tagged)])) : false;
  };

  return {
    move,
    tag,
    remove,
    restore,
    undo,
    notice,
    closeUndo,
    closeNotice,
  };
}
