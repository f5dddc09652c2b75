/**
 * The ticked mentions of a list. A row ticks its own with `select`, the same callback at every
 * drawing of the list (see MentionRow); the toolbar ticks them all, an action none, and another
 * list (`listKey`) starts with none.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';

export function useSelection(listKey: string) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    setSelected(new Set());
  }, [listKey]);
  const select = useCallback((id: string, on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  /** Ticks these and no other. */
  const selectOnly = useCallback((ids: Iterable<string>) => setSelected(new Set(ids)), []);
  return { selected, select, selectOnly };
}
