/**
 * Background (Chromium: service worker; Firefox: background script), built as one classic
 * script (vite.config.ts says why). Every listener is registered synchronously at the top level
 * so that an event that wakes the worker reaches it. The background owns the database: the
 * popup, the crisis log and pages only ask it.
 */
import { browser, type Menus, type Runtime, type Tabs } from '../core/browser';
import { t } from '../core/i18n';
import type {
  BackgroundCalls,
  FlagInto,
  FlagOutcome,
  MonitorCalls,
} from '../core/messaging/protocol';
import { dispatch, isEnvelope } from '../core/messaging/rpc';
import { toErrorData } from '../core/errors';
import { refreshBadge } from './badge';
import { canScript, captureFromTab } from './capture';
import { database } from './database';
import { fileFlag, type FlagDeps, type FlagSource } from './flag';
import type { HandlerDeps } from './deps';
import { createHandlers } from './calls/index';
import { flagIntoFromMenuId, rebuildMenus } from './menus';
import { notifyFlagFailed, notifyFlagged } from './notify';
import { onReminderAlarm, scheduleReminders } from './reminders';
import { ensureBackupAlarm, onBackupAlarm } from './backup-reminder';
import { keepPending, retryPending, RETRY_ALARM } from './pending-flags';
import { getSettings, updateSettings } from '../core/db/settings';
import { createMonitorHandlers } from './calls/monitoring';
import { ALL_PAGES, reconcileMonitoring } from './monitoring';
import { checkSpike, openSpikeCrisis } from './spike-alert';
import { forgetAllTabs, forgetTab } from './tab-watch';
import { dropOrphanCopies } from '../core/db/page-copies';
import { dropExpiredUndo, undoableMentionIds } from './undo';
import { parseNoticeId } from './notices';
import { onCellAlarm, syncSoon } from './cell';
import { onFeedAlarm, scheduleFeeds } from './feeds';

function changed(what: { crises: boolean }): void {
  void refreshBadge();
  if (what.crises) {
    void rebuildMenus();
    void scheduleReminders();
  }
  // A change to a shared crisis waits in the outbox: it goes to the cell shortly.
  void database().then((db) => syncSoon(db, pulled));
}

/** Others' changes came in from the cell: what shows crises follows. */
function pulled(): void {
  void refreshBadge();
  void rebuildMenus();
  void scheduleReminders();
}

async function deps(): Promise<HandlerDeps> {
  const flagDeps: FlagDeps = {
    db: await database(),
    now: () => new Date(),
    labels: {
      untitledCrisis: t('crisisUntitled'),
    },
  };
  return { ...flagDeps, changed, notifyFlagged: flagged };
}

/** Tells the user a flag worked, then whether flags now run well above their usual level. */
async function flagged(outcome: FlagOutcome): Promise<void> {
  await notifyFlagged(outcome);
  if (!outcome.duplicate) void deps().then(checkSpike);
}

/** A flag from the context menu or the shortcut: capture, store, file, tell the user. */
async function flagFromBrowser(
  tab: Tabs.Tab | undefined,
  source: FlagSource,
  frameId: number,
  into: FlagInto,
): Promise<void> {
  try {
    const capture =
      tab?.id !== undefined && canScript(source.pageUrl)
        ? await captureFromTab(tab.id, frameId, source.selectionText)
        : null;
    try {
      const outcome = await fileFlag(await deps(), source, capture, into);
      changed({ crises: outcome.crisis !== null });
      await flagged(outcome);
    } catch (error) {
      // A full disk loses nothing: the flag waits in memory and is filed once there is room.
      if (toErrorData(error).code !== 'storage-full') throw error;
      const kept = await keepPending({ source, capture, into, at: new Date().toISOString() });
      await notifyFlagFailed(kept ? t('errorStorageFullKept') : t('errorStorageFull'));
    }
  } catch (error) {
    const data = toErrorData(error);
    await notifyFlagFailed(
      data.code === 'storage-full' ? t('errorStorageFull') : t('errorGeneric', data.message),
    );
  }
}

/** Files the flags that waited for room on the disk, with the time they were made. */
async function retryPendingFlags(): Promise<void> {
  const base = await deps();
  const { saved } = await retryPending((flag) =>
    fileFlag({ ...base, now: () => new Date(flag.at) }, flag.source, flag.capture, flag.into),
  );
  if (saved.length === 0) return;
  changed({ crises: saved.some((outcome) => outcome.crisis !== null) });
  for (const outcome of saved) await flagged(outcome);
}

browser.contextMenus.onClicked.addListener((info: Menus.OnClickData, tab?: Tabs.Tab) => {
  const into = flagIntoFromMenuId(info.menuItemId);
  if (!into) return;
  const frameId = info.frameId ?? 0;
  const pageUrl = (frameId !== 0 && info.frameUrl) || info.pageUrl || tab?.url || '';
  void flagFromBrowser(
    tab,
    {
      pageUrl,
      pageTitle: tab?.title ?? '',
      selectionText: info.selectionText,
      linkUrl: info.linkUrl,
      srcUrl: info.srcUrl,
      mediaType: info.mediaType,
    },
    frameId,
    into,
  );
});

browser.commands.onCommand.addListener((command: string, tab?: Tabs.Tab) => {
  if (command !== 'flag-selection') return;
  void (async () => {
    const active =
      tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0] ?? undefined;
    if (!active?.url) {
      // The browser hides the address of its own pages: nothing worth keeping can be flagged.
      await notifyFlagFailed(t('notifyShortcutNoPage'));
      return;
    }
    await flagFromBrowser(
      active,
      { pageUrl: active?.url ?? '', pageTitle: active?.title ?? '' },
      0,
      { to: 'inbox' },
    );
  })();
});

/**
 * Who may call the background: Vigie's own pages (the popup, the crisis log) make its calls; a
 * script Vigie injects into a tab (the monitoring script) runs beside the page's content and
 * may make the monitoring calls, and those only; anyone else, none.
 */
function callerOf(sender: Runtime.MessageSender): 'page' | 'tab' | null {
  if (sender.id !== browser.runtime.id) return null;
  if ((sender.url ?? '').startsWith(browser.runtime.getURL(''))) return 'page';
  return sender.tab?.id !== undefined ? 'tab' : null;
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const caller = callerOf(sender);
  if (!caller || !isEnvelope(message)) return undefined;
  return deps()
    .then((d) =>
      caller === 'page'
        ? dispatch<BackgroundCalls, unknown>(createHandlers(d), message, sender)
        : dispatch<MonitorCalls, Runtime.MessageSender>(createMonitorHandlers(d), message, sender),
    )
    .catch((error: unknown) => ({ ok: false, error: toErrorData(error) }));
});

browser.runtime.onInstalled.addListener(() => {
  void rebuildMenus();
  void refreshBadge();
});

/**
 * Lets go of the page copies of deleted mentions once no undo can bring them back: a copy can
 * be megabytes, and the undo buffer keeps the mention, not its copy.
 */
async function dropDeletedCopies(): Promise<void> {
  const now = new Date();
  await dropExpiredUndo(now);
  const keep = await undoableMentionIds(now);
  await dropOrphanCopies(await database(), keep);
}

browser.runtime.onStartup.addListener(() => {
  void rebuildMenus();
  void refreshBadge();
  void dropDeletedCopies();
});

browser.alarms.onAlarm.addListener((alarm) => {
  void onReminderAlarm(alarm).then(async (ours) => {
    if (ours) await refreshBadge(alarm.scheduledTime);
  });
  void database().then(async (db) => {
    // The periodic backup check also tidies the copies of mentions deleted hours ago.
    if (await onBackupAlarm(alarm, db)) await dropDeletedCopies();
  });
  if (alarm.name === RETRY_ALARM) void retryPendingFlags();
  void database().then((db) => onCellAlarm(alarm, db, pulled));
  void deps().then((d) => onFeedAlarm(alarm, d, () => void refreshBadge()));
});

/** The crisis log at `route` (a crisis, the inbox, the backup screen), in a new tab. */
function openLogAt(route: string): Promise<unknown> {
  return browser.tabs.create({ url: browser.runtime.getURL(`dashboard/index.html#${route}`) });
}

browser.notifications.onClicked.addListener((id: string) => {
  const notice = parseNoticeId(id);
  if (notice?.about === 'crisis') void openLogAt(`crisis/${notice.crisisId}`);
  else if (notice?.about === 'backup') void openLogAt('backup');
  // Firefox shows no buttons: the notification itself leads to the inbox, to triage.
  else if (notice?.about === 'spike') void openLogAt('inbox');
  else if (notice?.about === 'feed') void openLogAt('feeds');
  else if (notice) void browser.runtime.openOptionsPage();
});

// "Open a crisis" on the spike alert (browsers with notification buttons).
browser.notifications.onButtonClicked?.addListener((id: string) => {
  if (parseNoticeId(id)?.about !== 'spike') return;
  void deps().then(async (d) => {
    const crisis = await openSpikeCrisis(d);
    changed({ crises: true });
    await openLogAt(`crisis/${crisis.id}`);
  });
});

/** Monitoring follows its setting and the access to pages the browser grants. */
async function reconcile(): Promise<void> {
  const db = await database();
  const on = await reconcileMonitoring(
    browser,
    async () => (await getSettings(db)).monitoring,
    async (v) => {
      await updateSettings(db, { monitoring: v });
    },
  );
  if (!on) await forgetAllTabs();
}

// The user may take the access back in the browser's own settings: monitoring then stops.
browser.permissions.onRemoved.addListener((removed) => {
  if (removed.origins?.some((o) => ALL_PAGES.origins.includes(o) || o === '*://*/*')) {
    void reconcile();
  }
});

browser.tabs.onRemoved.addListener((tabId: number) => {
  void forgetTab(tabId);
});

/**
 * The chores of each start of the worker (a browser start, or a wake-up after being stopped):
 * the reminder schedule rebuilt from the database, so that nothing depends on the worker having
 * stayed alive; monitoring matched to its setting; the backup check's alarm; the flags that
 * waited for room on the disk; each watched feed's alarm. They wait until the event that woke the worker is served: run
 * at once, their reads held its answer back by about 7 ms (the popup's first call, a flag).
 */
function startChores(): void {
  void scheduleReminders();
  void reconcile().catch((error: unknown) => console.error('Vigie: monitoring', error));
  void ensureBackupAlarm();
  void retryPendingFlags().catch((error: unknown) => console.error('Vigie: waiting flags', error));
  void database()
    .then((db) => scheduleFeeds(db, Date.now()))
    .catch((error: unknown) => console.error('Vigie: feed watch', error));
}

/** How long after its start the worker does its chores: past the answer to what woke it. */
const CHORES_AFTER_MS = 1_000;

setTimeout(startChores, CHORES_AFTER_MS);
