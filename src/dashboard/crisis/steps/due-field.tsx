/** The due day of a plan's action or a post-mortem's precaution: a date field over an ISO time. */
import { t } from '../../../core/i18n';

export function DueField(props: { due: string | null; onDue: (due: string | null) => void }) {
  return (
    <label>
      {t('actionDue')}
      <input
        type="date"
        value={props.due?.slice(0, 10) ?? ''}
        onInput={(e) =>
          props.onDue(e.currentTarget.value ? new Date(e.currentTarget.value).toISOString() : null)
        }
      />
    </label>
  );
}
