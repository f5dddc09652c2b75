/**
 * Every crisis, most recently opened first, paged; searched and filtered by the route's query.
 */
import { t, tn } from '../../core/i18n';
import { ErrorMessage, LevelChip, LoadMore, StepText } from '../../ui/components';
import { DueCountdown } from '../../ui/countdown';
import { formatCount, formatDateTime } from '../../ui/format';
import type { RouteParams } from '../../ui/use-hash-route';
import { CrisisFilterBar } from '../filter-bar';
import { ListStatus } from '../list-status';
import { CRISIS_PARAMS, isFiltered } from '../list-filters';
import { useParamsChange } from '../use-params-change';
import { useCrisisPages } from './use-crisis-pages';

export function CrisisList({ params = {} }: { params?: RouteParams }) {
  const { items, next, total, loaded, error, load } = useCrisisPages(params);

  const changeParams = useParamsChange(params);
  const empty = isFiltered(params, CRISIS_PARAMS) ? t('filterNoCrisisMatch') : t('logNoCrisis');
  return (
    <div>
      <CrisisFilterBar params={params} onChange={changeParams} />
      <ErrorMessage error={error} />
      <ListStatus
        loaded={loaded}
        count={items.length}
        total={total}
        more={next !== null}
        empty={error ? null : empty}
        testId="crisis-shown"
      />
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
