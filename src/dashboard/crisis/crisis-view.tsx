/**
 * One crisis: its level, the five steps (current, done, skipped), the current step's tools, its
 * mentions and its journal.
 */
import { t } from '../../core/i18n';
import type { CrisisChange } from '../../core/model/crisis-change';
import { reactionDueAt } from '../../core/model/deadlines';
import { hasReacted } from '../../core/model/steps';
import {
  STEPS,
  type Crisis,
  type CrisisEvent,
  type CrisisStep,
  type Level,
  type Settings,
} from '../../core/model/types';
import { ErrorMessage, LevelOptions } from '../../ui/components';
import { formatDateTime, stepName } from '../../ui/format';
import { MentionList } from '../log/mention-list';
import { CloseCrisis } from './close-crisis';
import { CellShare } from './cell-share';
import { CrisisName } from './crisis-name';
import { Journal } from './journal';
import { ReportPanel } from './report/report-view';
import { StepMark } from './step-mark';
import { Stepper } from './stepper';
import { AssessStep } from './steps/assess-step';
import { InformStep } from './steps/inform-step';
import { LearnStep } from './steps/learn-step';
import { PlanStep } from './steps/plan-step';
import { ReactStep } from './steps/react-step';
import { useCrisis } from './use-crisis';

/** The crisis's level (changed here), when it was detected, open or closed. */
function CrisisFacts(props: { crisis: Crisis; onChange: (change: CrisisChange) => void }) {
  const { crisis } = props;
  return (
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
            props.onChange({ op: 'level', level: Number(e.currentTarget.value) as Level })
          }
        >
          <LevelOptions />
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
  );
}

/** The current step's tools; once closed, the report. Steps 3 and 4 wait for the settings. */
function StepTools(props: {
  crisis: Crisis;
  events: CrisisEvent[];
  settings: Settings | null;
  onChange: (change: CrisisChange) => void;
  onMove: (step: CrisisStep) => void;
}) {
  const { crisis, settings, onChange } = props;
  switch (crisis.step) {
    case 'react': {
      const reactDueAt =
        crisis.state === 'open' && !hasReacted(crisis) && settings
          ? new Date(reactionDueAt(crisis, settings)).toISOString()
          : null;
      return <ReactStep crisis={crisis} reactDueAt={reactDueAt} onChange={onChange} />;
    }
    case 'assess':
      return <AssessStep crisis={crisis} onChange={onChange} />;
    case 'learn':
      return (
        <>
          <LearnStep crisis={crisis} onChange={onChange} />
          <CloseCrisis crisis={crisis} onClose={() => props.onMove('closed')} />
        </>
      );
  }
  if (!settings) return null;
  if (crisis.step === 'inform')
    return <InformStep crisis={crisis} settings={settings} onChange={onChange} />;
  if (crisis.step === 'plan')
    return <PlanStep crisis={crisis} settings={settings} onChange={onChange} />;
  return (
    <>
      <p class="status no-print">{t('crisisClosedHelp')}</p>
      <ReportPanel crisis={crisis} events={props.events} settings={settings} />
    </>
  );
}

export function CrisisView({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { crisis, events, error, settings, change, moveTo } = useCrisis(id, onChanged);
  if (!crisis) return <ErrorMessage error={error} />;
  const current = STEPS.indexOf(crisis.step as (typeof STEPS)[number]);
  const nextStep: CrisisStep | null =
    crisis.step === 'closed' ? null : (STEPS[current + 1] ?? 'closed');
  return (
    <div>
      <CrisisName crisis={crisis} onRename={(title) => change({ op: 'title', title })} />
      <CrisisFacts crisis={crisis} onChange={change} />
      <CellShare crisisId={crisis.id} />
      <ErrorMessage error={error} />
      <Stepper crisis={crisis} onMove={moveTo} />
      {crisis.state === 'closed' && (
        <p class="no-print">
          <button type="button" class="button" onClick={() => moveTo('learn')}>
            {t('crisisReopen')}
          </button>
        </p>
      )}
      <StepTools
        crisis={crisis}
        events={events}
        settings={settings}
        onChange={change}
        onMove={moveTo}
      />

      {/* After the step's own tools, which the keyboard reaches first: where to go next, and
          the step marked done or skipped on the user's word. */}
      {nextStep && nextStep !== 'closed' && (
        <p class="no-print step-next">
          {/* Closing sits after the post-mortem, where its loose ends are said. */}
          <button type="button" class="button primary" onClick={() => moveTo(nextStep)}>
            {t('crisisNextStep', stepName(nextStep))}
          </button>
        </p>
      )}
      {crisis.step !== 'closed' && (
        <StepMark crisis={crisis} step={crisis.step} onChange={change} />
      )}

      <div class="no-print">
        <h2 class="section">{t('crisisMentions')}</h2>
        <MentionList scope={{ in: 'crisis', crisisId: id }} onChanged={onChanged} />

        {/* A closed crisis's report has the journal as its timeline. */}
        {crisis.state === 'open' && <Journal events={events} onChange={change} />}
      </div>
    </div>
  );
}
