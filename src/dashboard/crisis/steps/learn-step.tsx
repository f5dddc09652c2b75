/**
 * Step 5, learn and prevent: the post-mortem (what happened, a chain of "why?", the decision and
 * the circumstances, a root-cause category), precautions with owners, new watch terms for the
 * watchlist, and a warning when this crisis repeats an earlier one.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../core/i18n';
import type { CrisisChange } from '../../../core/model/crisis-change';
import { newId } from '../../../core/model/ids';
import type { Repeat } from '../../../core/model/recurrence';
import { ROOT_CAUSES, type Crisis, type PostMortem } from '../../../core/model/types';
import { ask } from '../../../ui/background';
import { causeName, isPresetCause, repeatText } from '../../../ui/labels';

const WHYS = 5;

export function LearnStep(props: { crisis: Crisis; onChange: (change: CrisisChange) => void }) {
  const { crisis } = props;
  const [learn, setLearn] = useState<PostMortem>(() => ({
    ...crisis.learn,
    whys: Array.from({ length: WHYS }, (_, i) => crisis.learn.whys[i] ?? ''),
  }));
  const [custom, setCustom] = useState(
    () => !isPresetCause(crisis.learn.rootCause) && crisis.learn.rootCause !== '',
  );
  const [terms, setTerms] = useState(crisis.learn.watchTerms.join(', '));
  const [repeats, setRepeats] = useState<Repeat[]>([]);
  const set = (patch: Partial<PostMortem>) => setLearn({ ...learn, ...patch });

  useEffect(() => {
    void ask('getRepeats', { id: crisis.id }).then((reply) => reply.ok && setRepeats(reply.value));
  }, [crisis.id, crisis.learn.rootCause]);

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
        <label class="wide">
          {t('learnWhat')}
          <textarea
            rows={3}
            value={learn.whatHappened}
            onInput={(e) => set({ whatHappened: e.currentTarget.value })}
          />
        </label>
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
        <label class="wide">
          {t('learnDecision')}
          <textarea
            rows={2}
            value={learn.decision}
            onInput={(e) => set({ decision: e.currentTarget.value })}
          />
        </label>
        <label class="wide">
          {t('learnCircumstances')}
          <textarea
            rows={2}
            value={learn.circumstances}
            onInput={(e) => set({ circumstances: e.currentTarget.value })}
          />
        </label>
        <label>
          {t('learnRootCause')}
          <select
            value={custom ? 'custom' : learn.rootCause}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setCustom(value === 'custom');
              set({ rootCause: value === 'custom' ? '' : value });
            }}
          >
            <option value="">—</option>
            {ROOT_CAUSES.map((cause) => (
              <option key={cause} value={cause}>
                {causeName(cause)}
              </option>
            ))}
            <option value="custom">{t('causeCustom')}</option>
          </select>
        </label>
        {custom && (
          <label>
            {t('learnRootCauseCustom')}
            <input
              type="text"
              value={learn.rootCause}
              onInput={(e) => set({ rootCause: e.currentTarget.value })}
            />
          </label>
        )}
        <label class="wide">
          {t('learnWatchTerms')}
          <input type="text" value={terms} onInput={(e) => setTerms(e.currentTarget.value)} />
        </label>
        <fieldset class="wide">
          <legend>{t('learnPrecautions')}</legend>
          {learn.precautions.map((p, i) => (
            <div class="meta" key={p.id}>
              <label>
                {t('actionWhat')}
                <input
                  type="text"
                  value={p.what}
                  onInput={(e) =>
                    set({
                      precautions: learn.precautions.map((q, j) =>
                        j === i ? { ...q, what: e.currentTarget.value } : q,
                      ),
                    })
                  }
                />
              </label>
              <label>
                {t('actionOwner')}
                <input
                  type="text"
                  value={p.owner}
                  onInput={(e) =>
                    set({
                      precautions: learn.precautions.map((q, j) =>
                        j === i ? { ...q, owner: e.currentTarget.value } : q,
                      ),
                    })
                  }
                />
              </label>
              <label>
                {t('actionDue')}
                <input
                  type="date"
                  value={p.due?.slice(0, 10) ?? ''}
                  onInput={(e) => {
                    const due = e.currentTarget.value
                      ? new Date(e.currentTarget.value).toISOString()
                      : null;
                    set({
                      precautions: learn.precautions.map((q, j) => (j === i ? { ...q, due } : q)),
                    });
                  }}
                />
              </label>
            </div>
          ))}
          <button
            type="button"
            class="button"
            onClick={() =>
              set({
                precautions: [
                  ...learn.precautions,
                  { id: newId(), what: '', owner: '', due: null, done: false },
                ],
              })
            }
          >
            {t('learnAddPrecaution')}
          </button>
        </fieldset>
        <div class="buttons">
          <button type="submit" class="button primary">
            {t('save')}
          </button>
        </div>
      </form>
    </section>
  );
}
