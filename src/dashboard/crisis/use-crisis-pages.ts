/** The crisis list's pages: the first one for the route's query, the next ones on demand. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AppErrorData, CrisisSummary, TimeCursor } from '../../core/messaging/protocol';
import { ask } from '../../ui/background';
import type { RouteParams } from '../../ui/use-hash-route';
import { crisisQuery } from '../list-filters';

export function useCrisisPages(params: RouteParams) {
  const [items, setItems] = useState<CrisisSummary[]>([]);
  const [next, setNext] = useState<TimeCursor | null>(null);
  const [total, setTotal] = useState<number | null>(0);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const request = useRef(0);
  const paramsKey = JSON.stringify(params);

  const load = useCallback(
    async (after: TimeCursor | null) => {
      const mine = ++request.current;
      const { state, filter } = crisisQuery(params);
      const reply = await ask('listCrises', {
        state,
        limit: 50,
        after,
        ...(Object.keys(filter).length > 0 ? { filter } : {}),
      });
      // Only the latest request paints: an earlier search answering late is dropped.
      if (mine !== request.current) return;
      setLoaded(true);
      if (!reply.ok) return setError(reply.error);
      setError(null);
      setItems((current) => (after ? [...current, ...reply.value.items] : reply.value.items));
      setNext(reply.value.next);
      setTotal(reply.value.total);
    },
    // paramsKey stands for params: a new object with the same content is the same list.
    [paramsKey],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  useEffect(() => {
    if (loaded) document.body.dataset.ready = 'true';
  }, [loaded]);

  return { items, next, total, loaded, error, load };
}
