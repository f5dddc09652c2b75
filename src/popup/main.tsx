/**
 * The toolbar popup (extension page). Renders from one round trip to the background: flag this
 * page or selection, the watched terms monitoring saw here (one click flags one; one more shows
 * them on the page), what is already flagged here (and what of it is not on the page any more),
 * the untriaged count, the open crises.
 */
import { render } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from '../core/browser';
import { t, tn, uiLanguage } from '../core/i18n';
import type {
  AppErrorData,
  FlagInto,
  FlagOutcome,
  PopupState,
  Result,
} from '../core/messaging/protocol';
import { ask } from '../ui/background';
import { ErrorMessage, LevelChip, MentionText, StepText } from '../ui/components';
import { FoldedList } from '../ui/folded-list';
import { Countdown } from '../ui/countdown';
import { formatCount, formatDateTime, formatSize, nextActionText } from '../ui/format';
import { askForPageCapture } from '../ui/page-capture';
import { Sightings } from './sightings';

/** The tab the popup was opened over; null when there is none (the popup then says so). */
async function activeTabId(): Promise<number | null> {
  const tabs = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  return tabs[0]?.id ?? null;
}

/** The first state is asked for as the script starts, while Preact renders the frame. */
const first = activeTabId().then(async (tabId) => ({
  tabId,
  reply: await ask('getPopupState', { tabId }),
}));

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

function openCrisis(id: string): void {
  const url = browser.runtime.getURL(`dashboard/index.html#crisis/${id}`);
  void browser.tabs.create({ url }).finally(() => window.close());
}

function Popup() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [state, setState] = useState<PopupState | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const flagButton = useRef<HTMLButtonElement>(null);
  const statusLine = useRef<HTMLParagraphElement>(null);
  /** The control that had the focus when a call began; it gets it back once the call is done. */
  const focusAfter = useRef<Element | null>(null);

  const load = useCallback(async (id: number | null) => {
    const reply = await ask('getPopupState', { tabId: id });
    if (reply.ok) setState(reply.value);
    else setError(reply.error);
  }, []);

  useEffect(() => {
    void first.then(({ tabId: id, reply }) => {
      setTabId(id);
      if (reply.ok) setState(reply.value);
      else setError(reply.error);
    });
  }, []);

  // A layout effect runs as soon as the state is in the DOM; a plain effect waits for the next
  // animation frame, which a background popup may not get for 100 ms.
  useLayoutEffect(() => {
    if (!(state || error) || document.body.dataset.ready) return;
    document.body.dataset.ready = 'true';
    // Opened from the keyboard (its shortcut), the popup flags on Enter: its first control is
    // the one it is opened for.
    if (state?.page) flagButton.current?.focus();
    // For `npm run bench` (popup_ready_ms): when the first state was painted.
    performance.mark('vigie-ready');
  }, [state, error]);

  // A button is disabled while its call runs, which takes the focus away from it; once the
  // call is done it gets it back, or, when it is gone (a flagged sighting's button becomes
  // "Flagged"), the line that says what happened gets it, so the keyboard keeps its place.
  useLayoutEffect(() => {
    const from = focusAfter.current;
    if (busy || !from) return;
    focusAfter.current = null;
    const back = from instanceof HTMLButtonElement && from.isConnected && !from.disabled;
    if (back) from.focus();
    else if (document.activeElement === document.body) statusLine.current?.focus();
  }, [busy, state, error]);

  /** Runs a call the user asked for: busy meanwhile, its error shown, its outcome said. */
  const act = async <T,>(call: (tab: number) => Promise<Result<T>>, said: (value: T) => string) => {
    if (tabId === null) return;
    const from = document.activeElement;
    focusAfter.current = from === document.body ? null : from;
    setBusy(true);
    setError(null);
    setStatus('');
    const reply = await call(tabId);
    if (!reply.ok) {
      setBusy(false);
      setError(reply.error);
      return;
    }
    setStatus(said(reply.value));
    await load(tabId);
    setBusy(false);
  };

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
  const notFound = new Set(state?.monitor?.notFound.map((m) => m.id));
  const listed = new Set(state?.pageMentions.map((m) => m.id));
  // Every flagged mention that is not on the page any more is listed, even past the newest 20.
  const onPage = state
    ? [...state.pageMentions, ...(state.monitor?.notFound.filter((m) => !listed.has(m.id)) ?? [])]
    : [];
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

      {state && (
        <section aria-labelledby="on-page">
          <h2 id="on-page">{t('popupOnThisPage', formatCount(state.pageMentionCount))}</h2>
          {onPage.length === 0 ? (
            <p class="muted small">{t('popupNothingOnPage')}</p>
          ) : (
            <FoldedList
              items={onPage}
              shown={3}
              testid="popup-page-mentions"
              render={(m) => (
                <li key={m.id} data-testid="popup-page-mention">
                  <MentionText mention={m} clamp />
                  <span class="muted small">{formatDateTime(m.capturedAt)}</span>
                  {notFound.has(m.id) && (
                    <p class="not-found small" data-testid="popup-not-found">
                      {t('monitorNotFound')}
                    </p>
                  )}
                  {m.evidence.pageCopy ? (
                    <p class="evidence muted small" data-testid="popup-copy-kept">
                      {t('popupCopyKept', formatSize(m.evidence.pageCopy.bytes))}
                    </p>
                  ) : (
                    page?.canScript && (
                      <button
                        type="button"
                        class="button link small evidence"
                        data-testid="popup-keep-copy"
                        aria-label={t('popupKeepCopyFor', (m.quote || m.pageTitle).slice(0, 80))}
                        disabled={busy}
                        onClick={() => void keepCopy(m.id)}
                      >
                        {t('popupKeepCopy')}
                      </button>
                    )
                  )}
                </li>
              )}
            />
          )}
        </section>
      )}

      {state && (
        <section aria-labelledby="open-crises">
          <h2 id="open-crises">{t('popupOpenCrises', String(state.openCrises.length))}</h2>
          {state.openCrises.length === 0 ? (
            <p class="muted small">{t('popupNoCrisis')}</p>
          ) : (
            <FoldedList
              items={state.openCrises}
              shown={4}
              testid="popup-crises"
              render={(c) => (
                <li key={c.id} data-testid="popup-crisis">
                  <button type="button" class="crisis-button" onClick={() => openCrisis(c.id)}>
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
