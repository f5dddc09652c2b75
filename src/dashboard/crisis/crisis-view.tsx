/**
 * One crisis: its level, the five steps (current, done, skipped), the current step's tools, its
 * mentions and its journal.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../core/i18n';
import type { AppErrorData } from '../../core/messaging/protocol';
import type { CrisisChange } from '../../core/model/crisis-change';
import { reactionDueAt } from '../../core/model/deadlines';
import { hasReacted, stepProgress } from '../../core/model/steps';
import {
  LEVELS,
  STEPS,
  type Crisis,
  type CrisisEvent,
  type CrisisStep,
  type Level,
  type Settings,
} from '../../core/model/types';
import { ask } from '../../ui/background';
import { EditForm } from '../../ui/edit-form';
import { CrisisNameField } from '../crisis-name-field';
import { ErrorMessage, StepText } from '../../ui/components';
import { formatDateTime, levelName, stepName, stepProgressName } from '../../ui/format';
import { MentionList } from '../log/mention-list';
import { AssessStep } from './steps/assess-step';
import { Journal } from './journal';
import { InformStep } from './steps/inform-step';
import { LearnStep } from './steps/learn-step';
import { PlanStep } from './steps/plan-step';
import { ReportPanel } from './report/report-view';
import { ReactStep } from './steps/react-step';
import { StepMark } from './step-mark';
import { CloseCrisis } from './close-crisis';

/**
 * The crisis's name, its heading, renamed at any time (journaled): names go into the messages
 * sent about it. The name offered in the field is selected, so that typing replaces it.
 */
function CrisisName(props: { crisis: Crisis; onRename: (title: string) => void }) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(props.crisis.title);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened (from the list, a new crisis, a notification): the reader starts at its name.
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  const close = () => {
    setEditing(false);
    heading.current?.focus();
  };
  if (editing) {
    return (
      <EditForm
        onSubmit={() => {
          if (title.trim()) props.onRename(title);
          close();
        }}
        onCancel={close}
        submitTestId="crisis-rename-save"
      >
        <CrisisNameField label={t('crisisName')} value={title} onInput={setTitle} />
      </EditForm>
    );
  }
  return (
    <div class="crisis-name no-print">
      <h1 class="quote" ref={heading} tabIndex={-1}>
        {props.crisis.title}
      </h1>
      <button
        type="button"
        class="button link small"
        data-testid="crisis-rename"
        onClick={() => {
          setTitle(props.crisis.title);
          setEditing(true);
        }}
      >
        {t('crisisRename')}
      </button>
    </div>
  );
}

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

export function CrisisView({ id, onChanged }: { id: string; onChanged: () => void }) {
  const [crisis, setCrisis] = useState<Crisis | null>(null);
  const [events, setEvents] = useState<CrisisEvent[]>([]);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);

  const load = useCallback(async () => {
    const [reply, stored] = await Promise.all([ask('getCrisis', { id }), ask('getSettings', {})]);
    if (stored.ok) setSettings(stored.value);
    if (!reply.ok) return setError(reply.error);
    setCrisis(reply.value.crisis);
    setEvents(reply.value.events);
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  // The crisis's mention list marks the page ready; a crisis that cannot be shown does it here.
  useEffect(() => {
    if (error && !crisis) document.body.dataset.ready = 'true';
  }, [error, crisis]);

  const change = async (c: CrisisChange) => {
    const reply = await ask('updateCrisis', { id, change: c });
    if (!reply.ok) return setError(reply.error);
    await load();
    onChanged();
  };

  const moveTo = async (step: CrisisStep) => {
    const reply = await ask('setCrisisStep', { id, step });
    if (!reply.ok) return setError(reply.error);
    await load();
    onChanged();
  };

  if (!crisis) return <ErrorMessage error={error} />;
  const reactDueAt =
    crisis.state === 'open' && !hasReacted(crisis) && settings
      ? new Date(reactionDueAt(crisis, settings)).toISOString()
      : null;
  const current = STEPS.indexOf(crisis.step as (typeof STEPS)[number]);
  const nextStep: CrisisStep | null =
    crisis.step === 'closed' ? null : (STEPS[current + 1] ?? 'closed');
  return (
    <div>
      <CrisisName crisis={crisis} onRename={(title) => void change({ op: 'title', title })} />
      <div
        class="meta small muted no-print"
        style={{ display: 'flex', gap: '12px', alignItems: 'center', marginTop: '6px' }}
      >
        <label class={`chip level-${crisis.level}`}>
          {t('levelLabel')}{' '}
          <select
            class="level-select"
            value={String(crisis.level)}
            onChange={(e) =>
              void change({ op: 'level', level: Number(e.currentTarget.value) as Level })
            }
          >
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {l} · {levelName(l)}
              </option>
            ))}
          </select>
        </label>
        <span title={t('crisisDetectedHelp')}>
          {t('crisisDetectedAt', formatDateTime(crisis.openedAt))}
        </span>
        <span>
          {crisis.state === 'open'
            ? t('crisisOpen')
            : t('crisisClosedAt', formatDateTime(crisis.closedAt ?? ''))}
        </span>
      </div>
      <ErrorMessage error={error} />
      {/* One stop of the keyboard, the current step; the arrows go from step to step. */}
      <ol class="stepper no-print" aria-label={t('crisisSteps')} onKeyDown={stepperKeys}>
        {STEPS.map((step, i) => (
          <li key={step}>
            <button
              type="button"
              aria-current={crisis.step === step ? 'step' : undefined}
              tabIndex={
                crisis.step === step || (crisis.step === 'closed' && i === STEPS.length - 1)
                  ? 0
                  : -1
              }
              onClick={() => void moveTo(step)}
            >
              <span>
                {i + 1}. <StepText step={step} />
              </span>
              <span class="state">{stepProgressName(stepProgress(crisis, step))}</span>
            </button>
          </li>
        ))}
      </ol>
      {crisis.state === 'closed' && (
        <p class="no-print">
          <button type="button" class="button" onClick={() => void moveTo('learn')}>
            {t('crisisReopen')}
          </button>
        </p>
      )}
      {crisis.step === 'react' ? (
        <ReactStep crisis={crisis} reactDueAt={reactDueAt} onChange={(c) => void change(c)} />
      ) : crisis.step === 'assess' ? (
        <AssessStep crisis={crisis} onChange={(c) => void change(c)} />
      ) : crisis.step === 'inform' && settings ? (
        <InformStep crisis={crisis} settings={settings} onChange={(c) => void change(c)} />
      ) : crisis.step === 'plan' && settings ? (
        <PlanStep crisis={crisis} settings={settings} onChange={(c) => void change(c)} />
      ) : crisis.step === 'learn' ? (
        <>
          <LearnStep crisis={crisis} onChange={(c) => void change(c)} />
          <CloseCrisis crisis={crisis} onClose={() => void moveTo('closed')} />
        </>
      ) : settings ? (
        <>
          <p class="status no-print">{t('crisisClosedHelp')}</p>
          <ReportPanel crisis={crisis} events={events} settings={settings} />
        </>
      ) : null}

      {/* After the step's own tools, which the keyboard reaches first: where to go next, and
          the step marked done or skipped on the user's word. */}
      {nextStep && nextStep !== 'closed' && (
        <p class="no-print step-next">
          {/* Closing sits after the post-mortem, where its loose ends are said. */}
          <button type="button" class="button primary" onClick={() => void moveTo(nextStep)}>
            {t('crisisNextStep', stepName(nextStep))}
          </button>
        </p>
      )}
      {crisis.step !== 'closed' && (
        <StepMark crisis={crisis} step={crisis.step} onChange={(c) => void change(c)} />
      )}

      <div class="no-print">
        <h2 class="section">{t('crisisMentions')}</h2>
        <MentionList scope={{ in: 'crisis', crisisId: id }} onChanged={onChanged} />

        {/* A closed crisis's report has the journal as its timeline. */}
        {crisis.state === 'open' && <Journal events={events} onChange={(c) => void change(c)} />}
      </div>
    </div>
  );
}
