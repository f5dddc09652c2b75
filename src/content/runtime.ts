/**
 * The messaging of the scripts Vigie puts in pages, on the browser's own namespace rather than
 * webextension-polyfill, which would be most of each script: they send and answer messages,
 * nothing else. Firefox's `browser` where there is one (its `chrome` may answer through
 * callbacks only); Chromium's `chrome`, whose `sendMessage` returns a promise in MV3.
 */
const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;

/** Sends a message to the background: the promise of its answer. */
export function sendMessage(message: unknown): Promise<unknown> {
  return api.runtime.sendMessage(message);
}

/**
 * Answers the messages `answer` gives a promise for, through `sendResponse`, which both
 * browsers keep open while the listener has returned true; the others are left to other
 * listeners.
 */
export function onMessage(answer: (message: unknown) => Promise<unknown> | undefined): void {
  api.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
    const reply = answer(message);
    if (!reply) return false;
    void reply.then(sendResponse);
    return true;
  });
}
