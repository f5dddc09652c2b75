/**
 * Step 1, react fast: the countdown to the level's target and the containment checklist, first
 * item always "stop further damage". A temporary fix is marked as such: step 4 brings it back.
 */
import { t } from '../../../core/i18n';
import type { CrisisChange } from '../../../core/model/crisis-change';
import type { Crisis } from '../../../core/model/types';
import { Countdown } from '../../../ui/countdown';
import { checklistLabel, formatDateTime } from '../../../ui/format';

export function ReactStep(props: {
  crisis: Crisis;
  reactDueAt: string | null;
  onChange: (change: CrisisChange) => void;
}) {
  const { crisis } = props;
  return (
    <section class="step-panel" aria-labelledby="react-title">
      <h2 class="section" id="react-title">
        {t('reactChecklist')} <Countdown dueAt={props.reactDueAt} crisisId={crisis.id} />
      </h2>
      <p class="muted small">{t('reactIntro')}</p>
      <ul class="checklist">
        {crisis.react.checklist.map((item) => (
          <li key={item.id}>
            <label>
              <input
                type="checkbox"
                checked={item.done}
                onChange={(e) =>
                  props.onChange({
                    op: 'checklist',
                    itemId: item.id,
                    done: e.currentTarget.checked,
                  })
                }
              />{' '}
              <span>{checklistLabel(item)}</span>
            </label>
            {item.temporary && <span class="small muted"> — {t('reactTemporary')}</span>}
            {item.doneAt && (
              <span class="small muted"> · {t('reactDoneAt', formatDateTime(item.doneAt))}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
