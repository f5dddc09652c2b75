/**
 * Monitoring's switch. The monitoring start script is registered for every page only while the
 * user has monitoring on AND the browser grants Vigie access to pages (the optional host
 * permission the settings screen asks for, on the user's click); otherwise it is unregistered,
 * and Vigie injects nothing into pages. The browser APIs are handed in, so the logic runs in
 * tests.
 */
import type { Browser } from '../core/browser';
import type { Envelope, MonitorPageCalls } from '../core/messaging/protocol';
import { createClient } from '../core/messaging/rpc';

/** The browser APIs the switch uses. */
export interface MonitoringApis {
  scripting: Pick<
    Browser['scripting'],
    'getRegisteredContentScripts' | 'registerContentScripts' | 'unregisterContentScripts'
  >;
  permissions: Pick<Browser['permissions'], 'contains' | 'remove'>;
  tabs: Pick<Browser['tabs'], 'query' | 'sendMessage'>;
}

export const MONITOR_SCRIPT_ID = 'vigie-monitor';

/** Access to every page: what monitoring needs, and only monitoring. */
export const ALL_PAGES = { origins: ['<all_urls>'] };

/**
 * The registration: a script of a few hundred bytes in top frames, kept across browser
 * restarts. It waits for the page's load event and then asks for the watch (WATCH_FILES, added
 * by `startWatch`): nothing heavier runs in a page before it has loaded. It runs at
 * document_start, where its cost (mostly the browser creating the script's own world) is the
 * same on every page and known (`npm run bench -- --pages`, page_overhead_scripts_ms); at
 * document_idle it ran before the load on most pages all the same.
 */
export const MONITOR_SCRIPT = {
  id: MONITOR_SCRIPT_ID,
  js: ['monitor-start.js'],
  matches: ['<all_urls>'],
  runAt: 'document_start' as const,
  allFrames: false,
  persistAcrossSessions: true,
};

/**
 * The watch itself, added to a loaded page on its start script's word; its stylesheet only
 * when the user asks to see the highlights (a page could read Vigie's styles otherwise).
 */
export const WATCH_FILES = { js: ['monitor.js'], css: ['monitor.css'] };

/** What adding the watch, and showing its highlights, need of the browser's `scripting`. */
export type WatchScripting = Pick<
  Browser['scripting'],
  'executeScript' | 'insertCSS' | 'removeCSS'
>;

/** Adds the watch to the top frame of tab `tabId` (it keeps one watch per page, if added twice). */
export async function startWatch(scripting: WatchScripting, tabId: number): Promise<void> {
  await scripting.executeScript({ target: { tabId, frameIds: [0] }, files: WATCH_FILES.js });
}

/** Adds the highlights' stylesheet to the top frame of tab `tabId`, or takes it away. */
export async function highlightStyles(
  scripting: WatchScripting,
  tabId: number,
  on: boolean,
): Promise<void> {
  const details = { target: { tabId, frameIds: [0] }, files: WATCH_FILES.css };
  await (on ? scripting.insertCSS(details) : scripting.removeCSS(details));
}

/**
 * One change of the registration at a time: a click on the switch may wake the worker, whose
 * start reconciles the registration too; interleaved, one could undo the other.
 */
let pending: Promise<unknown> = Promise.resolve();
function serially<T>(change: () => Promise<T>): Promise<T> {
  const next = pending.then(change, change);
  pending = next.catch(() => undefined);
  return next;
}

async function isRegistered(apis: MonitoringApis): Promise<boolean> {
  const scripts = await apis.scripting.getRegisteredContentScripts({ ids: [MONITOR_SCRIPT_ID] });
  return scripts.length > 0;
}

/**
 * Registers the start script, replacing a registration kept from an earlier version of Vigie
 * (registrations outlive updates and browser restarts) that named other files or another time.
 */
async function register(apis: MonitoringApis): Promise<void> {
  const [kept] = await apis.scripting.getRegisteredContentScripts({ ids: [MONITOR_SCRIPT_ID] });
  const same =
    kept &&
    JSON.stringify(kept.js ?? []) === JSON.stringify(MONITOR_SCRIPT.js) &&
    (kept.css ?? []).length === 0 &&
    kept.runAt === MONITOR_SCRIPT.runAt;
  if (same) return;
  if (kept) await apis.scripting.unregisterContentScripts({ ids: [MONITOR_SCRIPT_ID] });
  await apis.scripting.registerContentScripts([MONITOR_SCRIPT]);
}

async function unregister(apis: MonitoringApis): Promise<void> {
  if (await isRegistered(apis)) {
    await apis.scripting.unregisterContentScripts({ ids: [MONITOR_SCRIPT_ID] });
  }
}

/**
 * Sends `call` to the monitoring script of one tab, or of every tab. Tabs without one (no
 * script, or a page no extension may script) do not answer: that is not an error.
 */
export async function tellPages(
  apis: Pick<MonitoringApis, 'tabs'>,
  call: Exclude<keyof MonitorPageCalls, 'monitorShow'>,
  tabId?: number,
): Promise<void> {
  const ids =
    tabId === undefined
      ? (await apis.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [tab.id]))
      : [tabId];
  await Promise.all(
    ids.map((id) =>
      createClient<MonitorPageCalls>((envelope: Envelope<unknown>) =>
        apis.tabs.sendMessage(id, envelope, { frameId: 0 }),
      )(call, {}),
    ),
  );
}

/**
 * Turns monitoring on or off; returns whether it is on. On needs access to pages, which only
 * the settings page can ask for (on the user's click): without it, it stays off. Off stops the
 * watch in every open page (highlights removed) and gives the access back.
 */
export function switchMonitoring(
  apis: MonitoringApis,
  on: boolean,
  save: (on: boolean) => Promise<void>,
): Promise<boolean> {
  return serially(() => applySwitch(apis, on, save));
}

async function applySwitch(
  apis: MonitoringApis,
  on: boolean,
  save: (on: boolean) => Promise<void>,
): Promise<boolean> {
  if (on && (await apis.permissions.contains(ALL_PAGES))) {
    await register(apis);
    await save(true);
    // Pages whose watch was stopped earlier start again; others have no script yet.
    await tellPages(apis, 'monitorRefresh');
    return true;
  }
  await unregister(apis);
  await save(false);
  await tellPages(apis, 'monitorClear');
  if (!on) {
    try {
      await apis.permissions.remove(ALL_PAGES);
    } catch {
      // A build that was granted access at install (the e2e copy) cannot give it back.
    }
  }
  return false;
}

/**
 * Makes the registration follow the setting (read by `wanted`, in turn with the switch) and
 * the permission: at every start of the background, and when the user takes the access back in
 * the browser's own settings. Returns whether monitoring is on; `save` is called only when the
 * setting must change.
 */
export function reconcileMonitoring(
  apis: MonitoringApis,
  wanted: () => Promise<boolean>,
  save: (on: boolean) => Promise<void>,
): Promise<boolean> {
  return serially(() => applySetting(apis, wanted, save));
}

async function applySetting(
  apis: MonitoringApis,
  setting: () => Promise<boolean>,
  save: (on: boolean) => Promise<void>,
): Promise<boolean> {
  const wanted = await setting();
  const on = wanted && (await apis.permissions.contains(ALL_PAGES));
  if (on) {
    await register(apis);
    return true;
  }
  await unregister(apis);
  if (wanted) {
    await save(false);
    await tellPages(apis, 'monitorClear');
  }
  return false;
}
