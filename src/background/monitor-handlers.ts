/**
 * The background's side of monitoring: the calls of the monitoring script in pages (its
 * configuration, its reports), the settings screen's switch, the popup's one-click flag of a
 * sighting, and what the popup shows of the active page.
 */
import { browser, type Runtime } from '../core/browser';
import { getMentions, mentionsOnPage } from '../core/db/mentions';
import type { VigieDatabase } from '../core/db/open';
import { getSettings, updateSettings } from '../core/db/settings';
import type {
  BackgroundCalls,
  MonitorCalls,
  PageCapture,
  PageWatch,
} from '../core/messaging/protocol';
import { AppError, type Handlers } from '../core/messaging/rpc';
import { isMonitorReport } from '../core/monitoring/report-schema';
import { pageKeyOf, siteOf } from '../core/model/mention';
import { fileFlag } from './flag';
import type { HandlerDeps } from './handlers';
import {
  startWatch,
  switchMonitoring,
  tellPages,
  type MonitoringApis,
  type WatchScripting,
} from './monitoring';
import { checkSpike, countSightings } from './spike-alert';
import { forgetAllTabs, markFlagged, readTabWatch, saveTabReport } from './tab-watch';

/** Flagged mentions of a page sent to its script to be found again. */
const MAX_FLAGGED = 200;
/** Sightings the popup lists. */
const MAX_POPUP_SIGHTINGS = 20;

const OFF = { on: false, watchlist: [], flagged: [] };

/**
 * The calls of the monitoring script. The sender is the browser's word on which tab and page
 * the script runs in; the script's own arguments are checked as untrusted.
 */
export function createMonitorHandlers(
  deps: HandlerDeps,
  scripting: WatchScripting = browser.scripting,
): Handlers<MonitorCalls, Runtime.MessageSender> {
  const { db } = deps;
  return {
    async monitorStart(_args, sender) {
      const page = topFrame(sender);
      if (!page) return { started: false };
      const settings = await getSettings(db);
      if (!settings.monitoring) return { started: false };
      await startWatch(scripting, page.tabId);
      return { started: true };
    },

    async monitorConfig(_args, sender) {
      const settings = await getSettings(db);
      const page = topFrame(sender);
      if (!settings.monitoring || !page) return OFF;
      const { items } = await mentionsOnPage(db, page.url, MAX_FLAGGED);
      return {
        on: true,
        watchlist: settings.watchlist,
        flagged: items.flatMap((m) =>
          m.selectors ? [{ mentionId: m.id, selectors: m.selectors }] : [],
        ),
      };
    },

    async monitorReport(report, sender) {
      if (!isMonitorReport(report)) throw new AppError('bad-request', 'Malformed report');
      const page = topFrame(sender);
      if (!page) throw new AppError('bad-request', 'Reports come from the top frame of a tab');
      const { tabId, url } = page;
      const settings = await getSettings(db);
      if (!settings.monitoring) return { stored: false };
      // Scored in the background, not in the page: the scorer's word lists stay out of pages.
      const { newNegative } = await saveTabReport(tabId, url, report, settings.wordRules);
      if (newNegative > 0) {
        await countSightings(siteOf(url), newNegative, deps.now());
        await checkSpike(deps);
      }
      return { stored: true };
    },
  };
}

/** The tab and address of a call from a page's top frame; null from anywhere else. */
function topFrame(sender: Runtime.MessageSender): { tabId: number; url: string } | null {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !sender.url || sender.frameId !== 0) return null;
  return { tabId, url: sender.url };
}

/** The monitoring calls of the popup and the settings screen. */
export function createMonitoringCalls(
  deps: HandlerDeps,
  apis: MonitoringApis = browser,
): Pick<Handlers<BackgroundCalls, unknown>, 'setMonitoring' | 'flagSighting'> {
  const { db } = deps;
  return {
    async setMonitoring({ on }) {
      const wanted = on === true;
      const granted = await switchMonitoring(apis, wanted, async (value) => {
        await updateSettings(db, { monitoring: value });
      });
      if (!granted) await forgetAllTabs();
      return { settings: await getSettings(db), granted: granted || !wanted };
    },

    async flagSighting({ tabId, sightingId, into }) {
      const [tab, watch] = await Promise.all([
        browser.tabs.get(tabId).catch(() => undefined),
        readTabWatch(tabId),
      ]);
      const sighting = watch?.sightings.find((s) => s.id === sightingId);
      if (!tab?.url || !watch || !sighting || pageKeyOf(tab.url) !== pageKeyOf(watch.url)) {
        throw new AppError('not-found', 'This sighting is not on the page any more.');
      }
      const capture: PageCapture = {
        url: watch.url,
        title: watch.title,
        lang: watch.lang,
        selection: {
          exact: sighting.exact,
          quote: sighting.selectors.quote,
          position: sighting.selectors.position,
        },
      };
      const outcome = await fileFlag(
        deps,
        { pageUrl: watch.url, pageTitle: tab.title ?? watch.title },
        capture,
        into,
      );
      await markFlagged(tabId, sightingId, outcome.mention.id);
      deps.changed({ crises: outcome.crisis !== null });
      await deps.notifyFlagged(outcome);
      // The page's script finds the new mention and highlights it as flagged.
      void tellPages(apis, 'monitorRefresh', tabId);
      return outcome;
    },
  };
}

/**
 * Makes monitoring follow the saved setting now (after an import replaced or merged it): on,
 * with access to pages, the script is registered and open pages watch again with the current
 * watchlist; off (or without access), it is unregistered, open pages are cleared, the access is
 * given back, and what was found in tabs is forgotten.
 */
export async function followMonitoringSetting(
  deps: Pick<HandlerDeps, 'db'>,
  apis: MonitoringApis = browser,
): Promise<void> {
  const { db } = deps;
  const wanted = (await getSettings(db)).monitoring;
  const on = await switchMonitoring(apis, wanted, async (value) => {
    if (value !== wanted) await updateSettings(db, { monitoring: value });
  });
  if (!on) await forgetAllTabs();
}

/** What the popup shows of monitoring on the tab's page; undefined when monitoring is off. */
export async function popupWatch(
  db: VigieDatabase,
  tabId: number,
  url: string,
): Promise<PageWatch | undefined> {
  const [settings, watch] = await Promise.all([getSettings(db), readTabWatch(tabId)]);
  if (!settings.monitoring) return undefined;
  if (!watch || pageKeyOf(watch.url) !== pageKeyOf(url)) {
    return { sightings: [], sightingCount: 0, notFound: [] };
  }
  const sightings = [...watch.sightings]
    .sort((a, b) => Number(b.negative) - Number(a.negative) || b.score - a.score)
    .slice(0, MAX_POPUP_SIGHTINGS)
    .map(({ id, term, sentence, score, negative }) => ({
      id,
      term,
      sentence,
      score,
      negative,
      mentionId: watch.flagged[id] ?? null,
    }));
  // Only mentions of this very page: the report names them, the database says where they are.
  const notFound = (await getMentions(db, watch.anchors.missing.slice(0, 50))).filter(
    (m) => pageKeyOf(m.url) === pageKeyOf(url),
  );
  return { sightings, sightingCount: watch.sightings.length, notFound };
}
