/**
 * Monitoring script (one classic IIFE file, monitor.js), added by the background to the top
 * frame of a page once it has loaded, when the small script registered for every page while
 * monitoring is on asks for it (monitor-start.ts). It reads the page's text and sends it to the
 * background, again when the page changes: the same work on every page, whatever is watched.
 * The watchlist never comes here, nothing is shown, and nothing in the page changes until the
 * user asks the popup to show the highlights. It never touches IndexedDB (a content script's
 * IndexedDB belongs to the visited site) and reads the page's text as text only.
 */
import type { Envelope, MonitorCalls, MonitorPageCalls } from '../core/messaging/protocol';
import { createClient, dispatch, isEnvelope, type Handlers } from '../core/messaging/rpc';
import { createHighlighter, type Highlighter } from './highlighter';
import { showHighlights, watchPage } from './page-watch';
import { onMessage, sendMessage } from './runtime';

declare global {
  // Set once per frame: a page keeps one watch, however the script got there.
  var __vigieMonitor: boolean | undefined;
}

const ask = createClient<MonitorCalls>((envelope: Envelope<unknown>) => sendMessage(envelope));

let current: AbortController | null = null;
let watch: ReturnType<typeof watchPage> | null = null;
let highlighter: Highlighter | null = null;

/** Runs a change of Vigie's own in the page (marks, where there is no highlight API) quietly. */
const quietly = <T>(change: () => T): T => (watch ? watch.quiet(change) : change());

function hide(): void {
  if (highlighter) quietly(() => highlighter!.clear());
}

function stop(): void {
  current?.abort();
  current = null;
  watch = null;
}

async function start(): Promise<void> {
  const controller = new AbortController();
  current = controller;
  const reply = await ask('monitorConfig', {});
  if (controller.signal.aborted || !reply.ok || !reply.value.on) return;
  watch = watchPage({
    doc: document,
    signal: controller.signal,
    send: (read) => {
      if (!controller.signal.aborted) void ask('monitorReport', read);
    },
  });
}

const handlers: Handlers<MonitorPageCalls, null> = {
  monitorClear() {
    hide();
    stop();
    return { cleared: true };
  },
  monitorRefresh() {
    stop();
    void start();
    return { refreshed: true };
  },
  monitorShow({ highlights }) {
    highlighter ??= createHighlighter(document);
    const found = quietly(() => showHighlights(document, highlighter!, highlights));
    return { found };
  },
  monitorHide() {
    hide();
    return { hidden: true };
  },
};

if (!globalThis.__vigieMonitor && window === window.top) {
  globalThis.__vigieMonitor = true;
  // The capture script may share this frame: each answers its own calls only.
  onMessage((message) =>
    isEnvelope(message) && Object.hasOwn(handlers, message.call)
      ? dispatch(handlers, message, null)
      : undefined,
  );
  void start();
}
