/**
 * Background (Chromium: module service worker; Firefox: background script). Every listener is
 * registered synchronously at the top level so that an event that wakes the worker reaches it.
 * The background owns the database: the popup, the crisis log and pages only ask it.
 */
import { browser, type Menus, type Runtime, type Tabs } from '../core/browser';
import { builtInChecklistLabel, t } from '../core/i18n';
import type { BackgroundCalls, FlagInto } from '../core/messaging/protocol';
import { dispatch, isEnvelope, toErrorData } from '../core/messaging/rpc';
import { refreshBadge } from './badge';
import { canScript, captureFromTab } from './capture';
import { database } from './database';
import { fileFlag, type FlagDeps, type FlagSource } from './flag';
import { createHandlers, type HandlerDeps } from './handlers';
import { flagIntoFromMenuId, rebuildMenus } from './menus';
import { notifyFlagFailed, notifyFlagged } from './notify';
import { onReminderAlarm, scheduleReminders } from './reminders';

function changed(what: { crises: boolean }): void {
  void refreshBadge();
  if (what.crises) {
    void rebuildMenus();
    void scheduleReminders();
  }
}

async function deps(): Promise<HandlerDeps> {
  const flagDeps: FlagDeps = {
    db: await database(),
    now: () => new Date(),
    labels: {
      checklist: (id) => builtInChecklistLabel(id) || id,
      untitledCrisis: t('crisisUntitled'),
    },
  };
  return { ...flagDeps, changed, notifyFlagged };
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
        ? await captureFromTab(tab.id, frameId)
        : null;
    const outcome = await fileFlag(await deps(), source, capture, into);
    changed({ crises: outcome.crisis !== null });
    await notifyFlagged(outcome);
  } catch (error) {
    const data = toErrorData(error);
    await notifyFlagFailed(
      data.code === 'storage-full' ? t('errorStorageFull') : t('errorGeneric', data.message),
    );
  }
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
 * Only Vigie's own pages (the popup, the crisis log) may call the background: a script Vigie
 * injects into a page runs beside the page's content and is not trusted with the log.
 */
function fromExtensionPage(sender: Runtime.MessageSender): boolean {
  return (
    sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL(''))
  );
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isEnvelope(message) || !fromExtensionPage(sender)) return undefined;
  return deps()
    .then((d) => dispatch<BackgroundCalls, unknown>(createHandlers(d), message, sender))
    .catch((error: unknown) => ({ ok: false, error: toErrorData(error) }));
});

browser.runtime.onInstalled.addListener(() => {
  void rebuildMenus();
  void refreshBadge();
});

browser.runtime.onStartup.addListener(() => {
  void rebuildMenus();
  void refreshBadge();
});

browser.alarms.onAlarm.addListener((alarm) => {
  void onReminderAlarm(alarm).then(async (ours) => {
    if (ours) await refreshBadge(alarm.scheduledTime);
  });
});

browser.notifications.onClicked.addListener((id: string) => {
  const [kind, crisisId] = id.split('|');
  if (kind === 'crisis' && crisisId) {
    void browser.tabs.create({
      url: browser.runtime.getURL(`dashboard/index.html#crisis/${crisisId}`),
    });
  } else if (id.startsWith('flag')) {
    void browser.runtime.openOptionsPage();
  }
});

// Each time the worker starts (a browser start, or a wake-up after being stopped), the reminder
// schedule is rebuilt from the database: nothing depends on the worker having stayed alive.
void scheduleReminders();
