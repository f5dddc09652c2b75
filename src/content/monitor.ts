/**
 * Monitoring script (one classic IIFE file, monitor.js), added by the background to the top
 * frame of a page once it has loaded, when the small script registered for every page while
 * monitoring is on asks for it (monitor-start.ts). It asks the background what to watch for,
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

async function start(): Promise<void> {
  const controller = new AbortController();
  current = controller;
  // Added once the page has loaded (monitor-start.ts waited for it): the watch starts at once.
  const reply = await ask('monitorConfig', {});
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
