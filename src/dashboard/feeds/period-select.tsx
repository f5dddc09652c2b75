/** How often a feed is read: a menu of periods, from the browser's minimum to a day. */
import { t, tn } from '../../core/i18n';

const PERIODS = [5, 15, 30, 60, 180, 720, 1440] as const;

/** A period in words: "15 minutes", "3 hours", "1 day". */
function periodText(minutes: number): string {
  if (minutes % 1440 === 0) return tn('feedPeriodDays', minutes / 1440, String(minutes / 1440));
  if (minutes % 60 === 0) return tn('feedPeriodHours', minutes / 60, String(minutes / 60));
  return tn('feedPeriodMinutes', minutes, String(minutes));
}

export function PeriodSelect(props: {
  id: string;
  value: number;
  onChange: (minutes: number) => void;
  label?: string;
}) {
  const options = PERIODS.includes(props.value as (typeof PERIODS)[number])
    ? PERIODS
    : [...PERIODS, props.value].sort((a, b) => a - b);
  return (
    <div class="settings-field">
      <label for={props.id}>{props.label ?? t('feedPeriod')}</label>
      <select
        id={props.id}
        data-testid={props.id}
        value={String(props.value)}
        onChange={(e) => props.onChange(Number(e.currentTarget.value))}
      >
        {options.map((m) => (
          <option key={m} value={String(m)}>
            {periodText(m)}
          </option>
        ))}
      </select>
    </div>
  );
}
