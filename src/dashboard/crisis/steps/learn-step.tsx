/**
 * Step 5, learn and prevent: the post-mortem (what happened, a chain of "why?", the decision and
 * the circumstances, a root-cause category), precautions with owners, new watch terms for the
 * watchlist, and a warning when this crisis repeats an earlier one.
 */
import { useState } from 'preact/hooks';
import { t } from '../../../core/i18n';
import type { CrisisChange } from '../../../core/model/crisis-change';
import type { Crisis, PostMortem } from '../../../core/model/types';
import { repeatText } from '../../../ui/labels';
import { useRepeats } from '../use-repeats';
import { Precautions } from './learn-precautions';
import { RootCauseFields } from './learn-root-cause';

const WHYS = 5;

/** One of the post-mortem's answers in words. */
function Answer(props: {
  label: string;
  rows: number;
  value: string;
  onInput: (value: string) => void;
}) {
  return (
    <label class="wide">
      {props.label}
      <textarea
        rows={props.rows}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </label>
  );
}

export function LearnStep(props: { crisis: Crisis; onChange: (change: CrisisChange) => void }) {
  const { crisis } = props;
  const [learn, setLearn] = useState<PostMortem>(() => ({
    ...crisis.learn,
    whys: Array.from({ length: WHYS }, (_, i) => crisis.learn.whys[i] ?? ''),
  }));
  const [terms, setTerms] = useState(crisis.learn.watchTerms.join(', '));
  const repeats = useRepeats(crisis.id, crisis.learn.rootCause);
  const set = (patch: Partial<PostMortem>) => setLearn({ ...learn, ...patch });

  return (
    <section class="step-panel" aria-labelledby="learn-title">
      <h2 class="section" id="learn-title">
        {t('learnTitle')}
      </h2>
      {repeats.map((r) => (
        <p key={r.crisisId} class="error" data-testid="learn-repeat">
          {repeatText(r)} <a href={`#crisis/${r.crisisId}`}>{t('learnOpenEarlier')}</a>
        </p>
      ))}
      <form
        class="edit"
        onSubmit={(e) => {
          e.preventDefault();
          props.onChange({
            op: 'postmortem',
            learn: { ...learn, watchTerms: terms.split(',') },
          });
        }}
      >
        <Answer
          label={t('learnWhat')}
          rows={3}
          value={learn.whatHappened}
          onInput={(whatHappened) => set({ whatHappened })}
        />
        {learn.whys.map((why, i) => (
          <label class="wide" key={i}>
            {t('learnWhy', String(i + 1))}
            <input
              type="text"
              value={why}
              onInput={(e) =>
                set({ whys: learn.whys.map((w, j) => (j === i ? e.currentTarget.value : w)) })
              }
            />
          </label>
        ))}
        <Answer
          label={t('learnDecision')}
          rows={2}
          value={learn.decision}
          onInput={(decision) => set({ decision })}
        />
        <Answer
          label={t('learnCircumstances')}
          rows={2}
          value={learn.circumstances}
          onInput={(circumstances) => set({ circumstances })}
        />
        <RootCauseFields cause={learn.rootCause} onCause={(rootCause) => set({ rootCause })} />
        <label class="wide">
          {t('learnWatchTerms')}
          <input type="text" value={terms} onInput={(e) => setTerms(e.currentTarget.value)} />
        </label>
        <Precautions
          precautions={learn.precautions}
          onChange={(precautions) => set({ precautions })}
        />
        <div class="buttons">
          <button type="submit" class="button primary">
            {t('save')}
          </button>
        </div>
      </form>
    </section>
  );
}
