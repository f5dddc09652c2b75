/**
 * Countdowns: the reaction's (time left to the level's target, or how late the reaction is),
 * and any deadline of the agenda (a status update, an action's or a precaution's day).
 */
import { useEffect, useState } from 'preact/hooks';
import { t, tn } from '../core/i18n';
import { agendaBucket, agendaOrder, dueDay, type AgendaItem } from '../core/model/agenda';
import { formatDay } from './format';
import { DAY, MINUTE } from '../core/time';

/** "3 d 4 h", "2 h 05 min", "12 min": precise enough to act on, short enough to read at once. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / MINUTE));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return t('durationDaysHours', [String(days), String(hours)]);
  if (hours > 0) return t('durationHoursMinutes', [String(hours), String(rest).padStart(2, '0')]);
  return t('durationMinutes', String(rest));
}

/** Re-renders every 30 s so that the countdown stays true while the page is open. */
export function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function Countdown({ dueAt, crisisId }: { dueAt: string | null; crisisId: string }) {
  const now = useNow();
  if (!dueAt) return <span class="countdown small" data-crisis-id={crisisId} />;
  const left = Date.parse(dueAt) - now;
  return (
    <span
      class={`countdown small ${left <= 0 ? 'overdue' : ''}`}
      data-crisis-id={crisisId}
      role="timer"
    >
      {left > 0
        ? t('countdownLeft', formatDuration(left))
        : t('countdownOverdue', formatDuration(-left))}
    </span>
  );
}

/** What is due, in words: "Reaction target", "Status update", "Action “Call the host”". */
export function agendaLabel(item: AgendaItem): string {
  switch (item.kind) {
    case 'reaction':
      return t('agendaReaction');
    case 'update':
      return t('agendaUpdate');
    case 'action':
      return t('agendaAction', item.what);
    case 'precaution':
      return t('agendaPrecaution', item.what);
  }
}

/** When it is due, from now: "due in 5 h 02 min", "overdue by 2 d 3 h", "due today", "3 days late". */
export function dueText(item: AgendaItem, now: number): string {
  if (!item.allDay) {
    const left = item.at - now;
    return left > 0 ? t('dueIn', formatDuration(left)) : t('dueOverdueBy', formatDuration(-left));
  }
  const bucket = agendaBucket(item, now);
  if (bucket === 'today') return t('dueToday');
  if (bucket !== 'overdue') return t('dueOn', formatDay(`${dueDay(item)}T00:00:00.000Z`));
  // Whole local days from the due day to today.
  const today = new Date(now);
  const midnight = new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime();
  const late = Math.max(1, Math.round((midnight - agendaOrder(item)) / DAY));
  return tn('dueDaysLate', late, String(late));
}

/** A crisis's next deadline, counting down (or up, once passed). */
export function DueCountdown({ item }: { item: AgendaItem }) {
  const now = useNow();
  const overdue = agendaBucket(item, now) === 'overdue';
  return (
    <span class={`countdown small ${overdue ? 'overdue' : ''}`} data-testid="due-countdown">
      {t('dueLine', [agendaLabel(item), dueText(item, now)])}
    </span>
  );
}
