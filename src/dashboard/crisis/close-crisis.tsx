/**
 * Closing a crisis, after its post-mortem. What is still open (containment items, key people
 * not informed, actions not done) is said before it closes, and the user closes anyway or not
 * yet: a crisis is never closed over loose ends without the user seeing them.
 */
import { useState } from 'preact/hooks';
import { t, tn } from '../../core/i18n';
import { looseEnds, noLooseEnds } from '../../core/model/steps';
import type { Crisis } from '../../core/model/types';
import { formatCount } from '../../ui/format';

export function CloseCrisis(props: { crisis: Crisis; onClose: () => void }) {
  const [asking, setAsking] = useState(false);
  const ends = looseEnds(props.crisis);
  const close = () => (noLooseEnds(ends) || asking ? props.onClose() : setAsking(true));
  return (
    <section class="close-crisis no-print" aria-labelledby="close-crisis">
      <h2 class="section" id="close-crisis">
        {t('crisisCloseTitle')}
      </h2>
      {asking && (
        <div class="warn" role="alert" data-testid="close-loose-ends">
          <p>{t('crisisLooseEnds')}</p>
          <ul>
            {ends.containment > 0 && (
              <li>
                {tn('crisisLooseContainment', ends.containment, formatCount(ends.containment))}
              </li>
            )}
            {ends.uninformed > 0 && (
              <li>{tn('crisisLooseUninformed', ends.uninformed, formatCount(ends.uninformed))}</li>
            )}
            {ends.actions > 0 && (
              <li>{tn('crisisLooseActions', ends.actions, formatCount(ends.actions))}</li>
            )}
          </ul>
        </div>
      )}
      <p class="buttons">
        <button type="button" class="button primary" data-testid="crisis-close" onClick={close}>
          {asking ? t('crisisCloseAnyway') : t('crisisClose')}
        </button>
        {asking && (
          <button type="button" class="button" onClick={() => setAsking(false)}>
            {t('crisisNotYet')}
          </button>
        )}
      </p>
    </section>
  );
}
