/**
 * Every crisis, most recently opened first, paged; searched and filtered by the route's query.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { t, tn } from '../../core/i18n';
import type { AppErrorData, CrisisSummary, TimeCursor } from '../../core/messaging/protocol';
import { ask } from '../../ui/background';
import { ErrorMessage, LevelChip, LoadMore, StepText } from '../../ui/components';
import { DueCountdown } from '../../ui/countdown';
import { formatCount, formatDateTime } from '../../ui/format';
import { replaceRouteParams, type RouteParams } from '../../ui/use-hash-route';
import { CrisisFilterBar, type ParamsPatch } from '../filter-bar';
import { CRISIS_PARAMS, crisisQuery, isFiltered } from '../list-filters';

export function CrisisList({ params = {} }: { params?: RouteParams }) {
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

  // The latest query, for a field whose typing pause ends after another filter changed.
  const latest = useRef(params);
  latest.current = params;
  const changeParams = (patch: ParamsPatch) => {
    const merged: Record<string, string> = { ...latest.current };
    for (const [key, value] of Object.entries(patch)) merged[key] = value ?? '';
    replaceRouteParams(merged);
  };

  const shown = !loaded
    ? t('loading')
    : total === null && next
      ? tn('filterShowingMore', items.length, formatCount(items.length))
      : tn('logShowing', items.length, [
          formatCount(items.length),
          formatCount(total ?? items.length),
        ]);
  return (
    <div>
      <CrisisFilterBar params={params} onChange={changeParams} />
      <ErrorMessage error={error} />
      <p class="muted small" aria-live="polite" data-testid="crisis-shown">
        {shown}
      </p>
      {loaded && !error && items.length === 0 && (
        <p class="status">
          {isFiltered(params, CRISIS_PARAMS) ? t('filterNoCrisisMatch') : t('logNoCrisis')}
        </p>
      )}
      <ul class="rows">
        {items.map((c) => (
          <li
            key={c.id}
            class="row"
            data-testid="log-crisis"
            style={{ gridTemplateColumns: '1fr' }}
          >
            <div>
              <a
                href={`#crisis/${c.id}`}
                class="quote"
                style={{ fontWeight: 600, fontSize: '15px' }}
              >
                {c.title}
              </a>
              <div class="meta small muted">
                <LevelChip level={c.level} />
                {c.state === 'open' && <StepText step={c.step} />}
                {c.due && <DueCountdown item={c.due} />}
                <span>{t('crisisDetectedAt', formatDateTime(c.openedAt))}</span>
                <span>{tn('logMentionCount', c.mentionCount, formatCount(c.mentionCount))}</span>
                <span>{c.state === 'open' ? t('crisisOpen') : t('crisisClosed')}</span>
              </div>
            </div>
          </li>
        ))}
      </ul>
      {next && <LoadMore onClick={() => void load(next)} />}
    </div>
  );
}
