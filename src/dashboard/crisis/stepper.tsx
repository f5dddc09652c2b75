/**
 * The five steps of a crisis, each with its progress; one stop of the keyboard (the current
 * step), the arrows going from step to step.
 */
import { t } from '../../core/i18n';
import { stepProgress } from '../../core/model/steps';
import { STEPS, type Crisis, type CrisisStep } from '../../core/model/types';
import { StepText } from '../../ui/components';
import { stepProgressName } from '../../ui/format';

/** Arrow keys, Home and End move the focus along the stepper's buttons. */
function stepperKeys(event: KeyboardEvent): void {
  const buttons = [...(event.currentTarget as HTMLElement).querySelectorAll('button')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (at === -1) return;
  const to =
    event.key === 'ArrowRight' || event.key === 'ArrowDown'
      ? Math.min(at + 1, buttons.length - 1)
      : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
        ? Math.max(at - 1, 0)
        : event.key === 'Home'
          ? 0
          : event.key === 'End'
            ? buttons.length - 1
            : null;
  if (to === null) return;
  event.preventDefault();
  buttons[to]?.focus();
}

export function Stepper(props: { crisis: Crisis; onMove: (step: CrisisStep) => void }) {
  const { crisis } = props;
  return (
    <ol class="stepper no-print" aria-label={t('crisisSteps')} onKeyDown={stepperKeys}>
      {STEPS.map((step, i) => (
        <li key={step}>
          <button
            type="button"
            aria-current={crisis.step === step ? 'step' : undefined}
            tabIndex={
              crisis.step === step || (crisis.step === 'closed' && i === STEPS.length - 1) ? 0 : -1
            }
            onClick={() => props.onMove(step)}
          >
            <span>
              {i + 1}. <StepText step={step} />
            </span>
            <span class="state">{stepProgressName(stepProgress(crisis, step))}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
