/**
 * Today, across every crisis: what is overdue, due today and due this week. Reaction targets
 * and status updates of open crises, their actions' due days, and the precautions of any
 * crisis (closed ones included: prevention outlives the crisis). Each line leads to its crisis.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../core/i18n';
import type { AppErrorData } from '../../core/messaging/protocol';
import { agendaBucket, type AgendaBucket, type AgendaItem } from '../../core/model/agenda';
import { ask } from '../../ui/background';
import { ErrorMessage, LevelChip } from '../../ui/components';
import { agendaLabel, dueText, useNow } from '../../ui/countdown';
import { formatDateTime, formatDay } from '../../ui/format';

const GROUPS: { bucket: AgendaBucket; title: () => string }[] = [
  { bucket: 'overdue', title: () => t('todayOverdue') },
  { bucket: 'today', title: () => t('todayDueToday') },
  { bucket: 'week', title: () => t('todayThisWeek') },
];

function When({ item }: { item: AgendaItem }) {
  const iso = new Date(item.at).toISOString();
  return (
    <time class="small muted" dateTime={item.allDay ? iso.slice(0, 10) : iso}>
      {item.allDay ? formatDay(iso) : formatDateTime(iso)}
    </time>
  );
}

export function TodayView() {
  const [items, setItems] = useState<AgendaItem[] | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const now = useNow();
  useEffect(() => {
    void ask('getAgenda', {}).then((reply) =>
      reply.ok ? setItems(reply.value.items) : setError(reply.error),
    );
  }, []);

  const grouped = GROUPS.map((group) => ({
    ...group,
    items: (items ?? []).filter((item) => agendaBucket(item, now) === group.bucket),
  })).filter((group) => group.items.length > 0);

  return (
    <>
      <h1>{t('navToday')}</h1>
      <p class="muted">{t('todayHelp')}</p>
      {error && <ErrorMessage error={error} />}
      {items && grouped.length === 0 && <p class="status">{t('todayNothing')}</p>}
      {grouped.map((group) => (
        <section key={group.bucket} aria-labelledby={`today-${group.bucket}`}>
          <h2 class="section" id={`today-${group.bucket}`}>
            {group.title()}
          </h2>
          <ul class="rows" data-testid={`today-${group.bucket}`}>
            {group.items.map((item) => (
              <li
                key={`${item.kind}|${item.crisisId}|${item.itemId ?? ''}`}
                class="row"
                style={{ gridTemplateColumns: '1fr' }}
              >
                <div>
                  <strong>{agendaLabel(item)}</strong>{' '}
                  <span class={`countdown small ${group.bucket === 'overdue' ? 'overdue' : ''}`}>
                    {dueText(item, now)}
                  </span>
                  <div class="meta small muted">
                    <LevelChip level={item.level} />
                    <a href={`#crisis/${item.crisisId}`}>{item.crisisTitle}</a>
                    <When item={item} />
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
