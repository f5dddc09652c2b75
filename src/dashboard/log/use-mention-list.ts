/**
 * A mention list's state: the list the route's query asks for, its pages, its ticked mentions,
 * the open crises it names, and its actions, each of which reads the list again once done.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { AppErrorData, MentionPatch, MentionScope } from '../../core/messaging/protocol';
import { ask } from '../../ui/background';
import type { RouteParams } from '../../ui/use-hash-route';
import { mentionQuery } from '../list-filters';
import { replyValue } from './reply-value';
import { useBulkActions } from './use-bulk-actions';
import { useCreateCrisis } from './use-create-crisis';
import { PAGE, useMentionPages } from './use-mention-pages';
import { useOpenCrises } from './use-open-crises';
import { useReloadWhenVisible } from './use-reload-when-visible';
import { useSelection } from './use-selection';

export function useMentionList(
  listScope: MentionScope,
  params: RouteParams | undefined,
  onChanged: () => void,
) {
  const [error, setError] = useState<AppErrorData | null>(null);
  // The keys stand for scope and query: a new object with the same content is the same list.
  const scopeKey = JSON.stringify(listScope);
  const paramsKey = JSON.stringify(params ?? {});
  const { scope, filter } = useMemo(
    () => mentionQuery(listScope, params ?? {}),
    [scopeKey, paramsKey],
  );
  const filterKey = JSON.stringify([scope, filter]);
  const { selected, select, selectOnly } = useSelection(filterKey);
  const pages = useMentionPages(scope, filter, filterKey, setError);
  const { items, setItems, loaded, load } = pages;
  const { crises, known: crisesKnown, reload: loadCrises } = useOpenCrises(loaded);

  const reload = useCallback(async () => {
    selectOnly([]);
    await Promise.all([load(null), loadCrises()]);
    onChanged();
  }, [load, loadCrises, onChanged]);

  const ids = [...selected];
  const actions = useBulkActions({ ids, crises, onError: setError, reload });
  const creation = useCreateCrisis(ids, setError, onChanged);
  useReloadWhenVisible(load, selected.size === 0 && !creation.creating && items.length <= PAGE);

  useEffect(() => {
    if (loaded && crisesKnown) document.body.dataset.ready = 'true';
  }, [loaded, crisesKnown]);

  // The rows' callback, the same at every drawing of the list (see MentionRow).
  const save = useCallback(
    async (id: string, patch: MentionPatch) => {
      const updated = await replyValue(ask('updateMention', { id, patch }), setError);
      if (!updated) return false;
      setItems((list) => list.map((x) => (x.id === updated.id ? updated : x)));
      onChanged();
      return true;
    },
    [onChanged],
  );

  return {
    scope,
    error,
    pages,
    crises,
    crisesKnown,
    actions,
    creation,
    save,
    selected,
    select,
    selectOnly,
  };
}
