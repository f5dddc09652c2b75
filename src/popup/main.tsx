/**
 * The toolbar popup (extension page). Renders from one round trip to the background: flag this
 * page or selection, the watched terms monitoring saw here (one click flags one; one more shows
 * them on the page), what is already flagged here (and what of it is not on the page any more),
 * the untriaged count, the open crises, and the team cell's sync when one is connected.
 */
import { render } from 'preact';
import { t, uiLanguage } from '../core/i18n';
import type { FlagInto, FlagOutcome } from '../core/messaging/protocol';
import { ask } from '../ui/background';
import { cellStatusText, formatCount } from '../ui/format';
import { askForPageCapture } from '../ui/page-capture';
import { FlagSection } from './flag-section';
import { openLog } from './open-log';
import { OpenCrises } from './open-crises';
import { PageMentions } from './page-mentions';
import { Sightings } from './sightings';
import { FeedSightings } from './feed-sightings';
import { usePopup } from './use-popup';

function outcomeText(outcome: FlagOutcome): string {
  const { crisis } = outcome;
  if (outcome.duplicate && crisis) return t('popupAlreadyFlaggedInto', crisis.title);
  if (outcome.duplicate) return t('popupAlreadyFlagged');
  if (crisis) return t('popupFlaggedInto', crisis.title);
  return t('popupFlagged');
}

/** The extension's name, and the untriaged count once known: one click opens the inbox. */
function Header({ untriaged }: { untriaged: number | null }) {
  return (
    <header>
      <img src="../icons/icon-32.png" width={24} height={24} alt="" />
      <h1>{t('extName')}</h1>
      {untriaged !== null && (
        <button
          type="button"
          class="button link small"
          data-testid="popup-untriaged"
          onClick={() => openLog('inbox')}
        >
          {t('popupUntriaged', formatCount(untriaged))}
        </button>
      )}
    </header>
  );
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

  return (
    <main class="popup">
      <Header untriaged={state?.untriaged ?? null} />

      <FlagSection
        state={state}
        busy={busy}
        status={status}
        error={error}
        flagButton={flagButton}
        statusLine={statusLine}
        onFlag={(into) => void flag(into)}
      />

      {state?.monitor && (
        <Sightings
          watch={state.monitor}
          busy={busy}
          onFlag={(id) => void flagSighting(id)}
          onShow={(show) => void showOnPage(show)}
        />
      )}

      {state?.feeds && (
        <FeedSightings
          feeds={state.feeds}
          busy={busy}
          onFlag={(id) =>
            void act(
              () => ask('flagFeedSighting', { id, into: { to: 'inbox' } }),
              () => t('feedFlagged'),
            )
          }
          onDismiss={(id) =>
            void act(
              () => ask('setFeedSightingStatus', { id, status: 'dismissed' }),
              () => t('feedDismissed'),
            )
          }
        />
      )}

      {state && <PageMentions state={state} busy={busy} onKeepCopy={(id) => void keepCopy(id)} />}

      {state && <OpenCrises crises={state.openCrises} />}

      {state?.cell && (
        <p class="small muted" data-testid="popup-cell">
          <strong>{t('settingsCellTitle')}</strong> {cellStatusText(state.cell)}
        </p>
      )}

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
