/**
 * The popup's state and how its calls run: the first state asked for as the script starts, a
 * call the user asked for made busy, its error shown and its outcome said, the state read again
 * after it, and the keyboard's place kept through it.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from '../core/browser';
import type { AppErrorData, PopupState, Result } from '../core/messaging/protocol';
import { ask } from '../ui/background';

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

export function usePopup() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [state, setState] = useState<PopupState | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const flagButton = useRef<HTMLButtonElement>(null);
  const statusLine = useRef<HTMLParagraphElement>(null);
  /** The control that had the focus when a call began; it gets it back once the call is done. */
  const focusAfter = useRef<Element | null>(null);

  /** Shows a state read from the background, or why it could not be read. */
  const show = (reply: Result<PopupState>) =>
    reply.ok ? setState(reply.value) : setError(reply.error);

  const load = async (id: number | null) => show(await ask('getPopupState', { tabId: id }));

  useEffect(() => {
    void first.then(({ tabId: id, reply }) => {
      setTabId(id);
      show(reply);
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
  const act = async <T>(call: (tab: number) => Promise<Result<T>>, said: (value: T) => string) => {
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

  return { state, error, status, busy, act, flagButton, statusLine };
}
