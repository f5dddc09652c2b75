/**
 * The page's own load comes first: monitoring waits until the load event has passed (or, for a
 * page whose load never ends, LOAD_WAIT_MS), so that it never delays it.
 */
export const LOAD_WAIT_MS = 5_000;

/** Resolves once the load event and its own handlers are over, or after LOAD_WAIT_MS. */
export function pageLoaded(win: Window = window): Promise<void> {
  if (win.document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, LOAD_WAIT_MS);
    win.addEventListener(
      'load',
      () => {
        clearTimeout(timer);
        // After the load event's own handlers, not among them.
        setTimeout(resolve, 0);
      },
      { once: true },
    );
  });
}
