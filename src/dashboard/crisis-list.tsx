/**
 * Every crisis, most recently opened first, paged.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../core/i18n';
import type { AppErrorData, CrisisSummary, TimeCursor } from '../core/messaging/protocol';
import { ask } from '../ui/background';
import { ErrorMessage, LevelChip, LoadMore, StepText } from '../ui/components';
import { formatDateTime } from '../ui/format';

export function CrisisList() {
  const [items, setItems] = useState<CrisisSummary[]>([]);
  const [next, setNext] = useState<TimeCursor | null>(null);
  const [total, setTotal] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);

  const load = async (after: TimeCursor | null) => {
    const reply = await ask('listCrises', { state: 'all', limit: 50, after });
    setLoaded(true);
    if (!reply.ok) return setError(reply.error);
    setError(null);
    setItems((current) => (after ? [...current, ...reply.value.items] : reply.value.items));
    setNext(reply.value.next);
    setTotal(reply.value.total);
  };

  useEffect(() => {
    void load(null);
  }, []);

  useEffect(() => {
    if (loaded) document.body.dataset.ready = 'true';
  }, [loaded]);

  return (
    <div>
      <ErrorMessage error={error} />
      <p class="muted small">
        {loaded ? t('logShowing', [String(items.length), String(total)]) : t('loading')}
      </p>
      {loaded && items.length === 0 && <p class="status">{t('logNoCrisis')}</p>}
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
                <span>{t('logOpenedAt', formatDateTime(c.openedAt))}</span>
                <span>{t('logMentionCount', String(c.mentionCount))}</span>
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
