/**
 * The toolbar popup (extension page). Renders from one round trip to the background: flag this
 * page or selection, the watched terms monitoring saw here (one click flags one; one more shows
 * them on the page), what is already flagged here (and what of it is not on the page any more),
 * the untriaged count, the open crises.
 */
import { render } from 'preact';
import { browser } from '../core/browser';
import { t, uiLanguage } from '../core/i18n';
import type { FlagInto, FlagOutcome } from '../core/messaging/protocol';
import { ask } from '../ui/background';
import { ErrorMessage } from '../ui/components';
import { formatCount } from '../ui/format';
import { askForPageCapture } from '../ui/page-capture';
import { OpenCrises } from './open-crises';
import { PageMentions } from './page-mentions';
import { Sightings } from './sightings';
import { usePopup } from './use-popup';

function outcomeText(outcome: FlagOutcome): string {
  const { crisis } = outcome;
  if (outcome.duplicate && crisis) return t('popupAlreadyFlaggedInto', crisis.title);
  if (outcome.duplicate) return t('popupAlreadyFlagged');
  if (crisis) return t('popupFlaggedInto', crisis.title);
  return t('popupFlagged');
}

/**
 * The crisis log, in the tab it already has if any (at `route`, when one is given); the popup
 * closes once it is asked for.
 */
function openLog(route?: 'inbox'): void {
  const opening = route
    ? browser.tabs.create({ url: browser.runtime.getURL(`dashboard/index.html#${route}`) })
    : browser.runtime.openOptionsPage();
  void opening.finally(() => window.close());
}

function Popup() {
  const { state, error, status, busy, act, flagButton, statusLine } = usePopup();

  const flag = (into: FlagInto) => act((id) => ask('flagTab', { tabId: id, into }), outcomeText);

  const flagSighting = (sightingId: string) =>
    act((id) => ask('flagSighting', { tabId: id, sightingId, into: { to: 'inbox' } }), outcomeText);

  const showOnPage = (show: boolean) =>
    act(
      (id) => ask('showOnPage', { tabId: id, show }),
      (done) =>
        done.shown ? t('monitorShownStatus', formatCount(done.found)) : t('monitorHiddenStatus'),
    );

  const keepCopy = (mentionId: string) => {
    // Asked for first, inside the click: the browser prompts only during the user's gesture.
    const asking = askForPageCapture();
    return act(
      async (id) => {
        await asking;
        return ask('keepPageCopy', { mentionId, tabId: id });
      },
      () => t('popupCopyKeptStatus'),
    );
  };

  const page = state?.page ?? null;
  return (
    <main class="popup">
      <header>
        <img src="../icons/icon-32.png" width={24} height={24} alt="" />
        <h1>{t('extName')}</h1>
        {state && (
          <button
            type="button"
            class="button link small"
            data-testid="popup-untriaged"
            onClick={() => openLog('inbox')}
          >
            {t('popupUntriaged', formatCount(state.untriaged))}
          </button>
        )}
      </header>

      <div class="flag">
        <div class="actions">
          <button
            type="button"
            class="button primary"
            data-testid="popup-flag"
            ref={flagButton}
            disabled={busy || !page}
            onClick={() => void flag({ to: 'inbox' })}
          >
            {t('popupFlag')}
          </button>
          <button
            type="button"
            class="button"
            data-testid="popup-flag-new-crisis"
            disabled={busy || !page}
            onClick={() => void flag({ to: 'new-crisis' })}
          >
            {t('popupFlagNewCrisis')}
          </button>
        </div>
        {page && !page.canScript && <p class="muted small">{t('popupCannotRead')}</p>}
        {state && !page && <p class="muted small">{t('popupNoPage')}</p>}
        <p class="status" role="status" data-testid="popup-status" tabIndex={-1} ref={statusLine}>
          {status}
        </p>
        <ErrorMessage error={error} />
      </div>

      {state?.monitor && (
        <Sightings
          watch={state.monitor}
          busy={busy}
          onFlag={(id) => void flagSighting(id)}
          onShow={(show) => void showOnPage(show)}
        />
      )}

      {state && <PageMentions state={state} busy={busy} onKeepCopy={(id) => void keepCopy(id)} />}

      {state && <OpenCrises crises={state.openCrises} />}

      <div class="footer">
        <button
          type="button"
          class="button link"
          data-testid="popup-open-log"
          onClick={() => openLog()}
        >
          {t('popupOpenLog')}
        </button>
      </div>
    </main>
  );
}

// The page says its language, for screen readers, spelling and hyphenation.
document.documentElement.lang = uiLanguage();
render(<Popup />, document.getElementById('app')!);
