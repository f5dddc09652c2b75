/**
 * While the crisis log is open and shows, and a team cell is connected, the log keeps asking
 * the background to wait for others' changes (a long-poll of the server, under 25 s a time, so
 * that the worker's limits never cut it): a change a member makes shows here within seconds.
 * Each time changes came in, `onPulled` runs and the open screens hear `CELL_PULLED`; after any
 * round the worker ran on its own (a local change sent), `onPulled` runs too, for the status.
 */
import { useEffect } from 'preact/hooks';
import { browser } from '../core/browser';
import { ask } from '../ui/background';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** The event the window hears when others' changes came in. */
export const CELL_PULLED = 'vigie-cell-pulled';

/** How long one wait lasts at most. */
const WAIT_MS = 20_000;
/** The pause after a failed wait (the server unreachable): no loop of failures. */
const PAUSE_AFTER_FAILURE_MS = 30_000;

export function useCellWatch(connected: boolean, onPulled: () => void): void {
  useEffect(() => {
    if (!connected) return;
    let stopped = false;
    let pause: ReturnType<typeof setTimeout> | undefined;
    // The count of rounds that brought changes, as last heard: null before the first answer.
    let seen: number | null = null;
    const loop = async () => {
      while (!stopped && document.visibilityState === 'visible') {
        const reply = await ask('syncCell', { waitMs: WAIT_MS, seen });
        if (stopped) return;
        if (reply.ok && seen !== null && reply.value.rounds !== seen) {
          onPulled();
          window.dispatchEvent(new Event(CELL_PULLED));
        }
        if (reply.ok) seen = reply.value.rounds;
        if (!reply.ok || reply.value.failure) {
          await new Promise((resolve) => (pause = setTimeout(resolve, PAUSE_AFTER_FAILURE_MS)));
        }
      }
    };
    void loop();
    // A round the background ran on its own (a local change sent, an alarm) ended: the status
    // shown is read again.
    const onRound = (message: unknown) => {
      if (isRecord(message) && message.vigieCellRound === 1) onPulled();
    };
    browser.runtime.onMessage.addListener(onRound);
    // Back in view, the watch starts again; hidden, it ends after its current wait.
    const onVisible = () => document.visibilityState === 'visible' && void loop();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      clearTimeout(pause);
      document.removeEventListener('visibilitychange', onVisible);
      browser.runtime.onMessage.removeListener(onRound);
    };
  }, [connected, onPulled]);
}
