/**
 * Monitoring script (one classic IIFE file, monitor.js), registered for every page only while
 * the user has monitoring on, in the top frame. It asks the background what to watch for,
 * highlights it, and reports what it found; it never touches IndexedDB (a content script's
 * IndexedDB belongs to the visited site) and reads the page's text as text only.
 */
import { browser } from '../core/browser';
import type { Envelope, MonitorCalls, MonitorPageCalls } from '../core/messaging/protocol';
import { createClient, dispatch, isEnvelope, type Handlers } from '../core/messaging/rpc';
import { watchPage } from './page-watch';

declare global {
  // Set once per frame: a page keeps one watch, however the script got there.
  var __vigieMonitor: boolean | undefined;
}

const ask = createClient<MonitorCalls>((envelope: Envelope<unknown>) =>
  browser.runtime.sendMessage(envelope),
);

let current: AbortController | null = null;

function stop(): void {
  current?.abort();
  current = null;
}

/**
 * The page's own load comes first: the watch starts once the load event has passed (or, for a
 * page whose load never ends, after LOAD_WAIT_MS), so that monitoring never delays it.
 */
const LOAD_WAIT_MS = 5_000;

function loaded(): Promise<void> {
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, LOAD_WAIT_MS);
    window.addEventListener(
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

async function start(): Promise<void> {
  const controller = new AbortController();
  current = controller;
  const [reply] = await Promise.all([ask('monitorConfig', {}), loaded()]);
  if (controller.signal.aborted || !reply.ok || !reply.value.on) return;
  watchPage({
    doc: document,
    config: reply.value,
    signal: controller.signal,
    send: (report) => {
      if (!controller.signal.aborted) void ask('monitorReport', report);
    },
  });
}

const handlers: Handlers<MonitorPageCalls, null> = {
  monitorClear() {
    stop();
    return { cleared: true };
  },
  monitorRefresh() {
    stop();
    void start();
    return { refreshed: true };
  },
};

if (!globalThis.__vigieMonitor && window === window.top) {
  globalThis.__vigieMonitor = true;
  // The capture script may share this frame: each answers its own calls only.
  browser.runtime.onMessage.addListener((message: unknown) =>
    isEnvelope(message) && Object.hasOwn(handlers, message.call)
      ? dispatch(handlers, message, null)
      : undefined,
  );
  void start();
}
