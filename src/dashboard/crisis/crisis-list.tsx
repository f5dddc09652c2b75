/**
 * Every crisis, most recently opened first, paged; searched and filtered by the route's query.
 */
import { useRef } from 'preact/hooks';
import { t, tn } from '../../core/i18n';
import { ErrorMessage, LevelChip, LoadMore, StepText } from '../../ui/components';
import { DueCountdown } from '../../ui/countdown';
import { formatCount, formatDateTime } from '../../ui/format';
import { replaceRouteParams, type RouteParams } from '../../ui/use-hash-route';
import { CrisisFilterBar, type ParamsPatch } from '../filter-bar';
import { CRISIS_PARAMS, isFiltered } from '../list-filters';
import { useCrisisPages } from './use-crisis-pages';

export function CrisisList({ params = {} }: { params?: RouteParams }) {
  const { items, next, total, loaded, error, load } = useCrisisPages(params);

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
