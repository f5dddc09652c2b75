/**
 * The reaction countdown: time left to the level's target, or how late the reaction is.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../core/i18n';

/** "3 d 4 h", "2 h 05 min", "12 min": precise enough to act on, short enough to read at once. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return t('durationDaysHours', [String(days), String(hours)]);
  if (hours > 0) return t('durationHoursMinutes', [String(hours), String(rest).padStart(2, '0')]);
  return t('durationMinutes', String(rest));
}

/** Re-renders every 30 s so that the countdown stays true while the page is open. */
function useNow(): number {
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
