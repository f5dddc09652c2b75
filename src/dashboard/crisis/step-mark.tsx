/**
 * The current step's status, said truthfully: what makes it done, and the user's explicit
 * choices — mark it done (saying why when its work is not), or skip it (saying why). Leaving a
 * step undone leaves it in progress; nothing is marked behind the user's back.
 */
import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../core/i18n';
import type { CrisisChange } from '../../core/model/crisis-change';
import { LIMITS } from '../../core/model/limits';
import { stepCriteriaMet } from '../../core/model/steps';
import type { Crisis, StepId } from '../../core/model/types';
import { EditForm } from '../../ui/edit-form';
import { stepName } from '../../ui/format';

const CRITERIA: Record<StepId, MessageKey> = {
  react: 'stepCriteriaReact',
  assess: 'stepCriteriaAssess',
  inform: 'stepCriteriaInform',
  plan: 'stepCriteriaPlan',
  learn: 'stepCriteriaLearn',
};

export function StepMark(props: {
  crisis: Crisis;
  step: StepId;
  onChange: (change: CrisisChange) => void;
}) {
  const { crisis, step } = props;
  const [asking, setAsking] = useState<'done' | 'skipped' | null>(null);
  const [reason, setReason] = useState('');
  const state = crisis.steps[step];
  const met = stepCriteriaMet(crisis, step);
  if (state !== 'pending') {
    return (
      <p class="step-mark small muted" data-testid="step-mark">
        {t(state === 'done' ? 'stepMarkedDone' : 'stepMarkedSkipped', stepName(step))}
      </p>
    );
  }
  const mark = (to: 'done' | 'skipped', why: string) => {
    props.onChange({ op: 'step-mark', step, state: to, reason: why });
    setAsking(null);
    setReason('');
  };
  return (
    <div class="step-mark small" data-testid="step-mark">
      <p class="muted">{t(CRITERIA[step])}</p>
      {asking ? (
        <EditForm
          onSubmit={() => reason.trim() && mark(asking, reason)}
          onCancel={() => setAsking(null)}
          submitLabel={t(asking === 'done' ? 'stepMarkDoneConfirm' : 'stepSkipConfirm')}
          submitTestId="step-mark-confirm"
        >
          <label class="wide">
            {t(asking === 'done' ? 'stepMarkDoneWhy' : 'stepSkipWhy')}
            <textarea
              rows={2}
              required
              maxLength={LIMITS.note}
              value={reason}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
          </label>
        </EditForm>
      ) : (
        <p class="buttons">
          <button
            type="button"
            class="button"
            data-testid="step-mark-done"
            onClick={() => (met ? mark('done', '') : setAsking('done'))}
          >
            {t('stepMarkDone')}
          </button>
          <button
            type="button"
            class="button link"
            data-testid="step-skip"
            onClick={() => setAsking('skipped')}
          >
            {t('stepSkip')}
          </button>
        </p>
      )}
    </div>
  );
}
