/**
 * The popup's open crises: each with its level, step, reaction countdown and next action, one
 * click from its page in the crisis log.
 */
import { t, tn } from '../core/i18n';
import type { CrisisSummary } from '../core/messaging/protocol';
import { LevelChip, StepText } from '../ui/components';
import { Countdown } from '../ui/countdown';
import { FoldedList } from '../ui/folded-list';
import { formatCount, nextActionText } from '../ui/format';
import { openLog } from './open-log';

export function OpenCrises({ crises }: { crises: readonly CrisisSummary[] }) {
  return (
    <section aria-labelledby="open-crises">
      <h2 id="open-crises">{t('popupOpenCrises', String(crises.length))}</h2>
      {crises.length === 0 ? (
        <p class="muted small">{t('popupNoCrisis')}</p>
      ) : (
        <FoldedList
          items={crises}
          shown={4}
          testid="popup-crises"
          render={(c) => (
            <li key={c.id} data-testid="popup-crisis">
              <button type="button" class="crisis-button" onClick={() => openLog(`crisis/${c.id}`)}>
                <span class="title clamp" title={c.title}>
                  {c.title}
                </span>
                <LevelChip level={c.level} />
                <span class="muted small">
                  <StepText step={c.step} />
                </span>
                <Countdown dueAt={c.reactDueAt} crisisId={c.id} />
                {c.next && <span class="next small">→ {nextActionText(c.next)}</span>}
                {c.uninformedKey > 0 && c.next?.kind !== 'inform' && (
                  <span class="next small warn">
                    {tn('nextInform', c.uninformedKey, formatCount(c.uninformedKey))}
                  </span>
                )}
              </button>
            </li>
          )}
        />
      )}
    </section>
  );
}
