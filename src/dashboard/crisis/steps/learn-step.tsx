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
import { LongText } from './long-text';
import { TextField } from './text-field';

const WHYS = 5;

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
        <LongText
          label={t('learnWhat')}
          rows={3}
          value={learn.whatHappened}
          onInput={(whatHappened) => set({ whatHappened })}
        />
        {learn.whys.map((why, i) => (
          <TextField
            key={i}
            wide
            label={t('learnWhy', String(i + 1))}
            value={why}
            onInput={(value) => set({ whys: learn.whys.map((w, j) => (j === i ? value : w)) })}
          />
        ))}
        <LongText
          label={t('learnDecision')}
          rows={2}
          value={learn.decision}
          onInput={(decision) => set({ decision })}
        />
        <LongText
          label={t('learnCircumstances')}
          rows={2}
          value={learn.circumstances}
          onInput={(circumstances) => set({ circumstances })}
        />
        <RootCauseFields cause={learn.rootCause} onCause={(rootCause) => set({ rootCause })} />
        <TextField wide label={t('learnWatchTerms')} value={terms} onInput={setTerms} />
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
