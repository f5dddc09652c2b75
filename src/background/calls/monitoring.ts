/**
 * The background's side of monitoring: the calls of the monitoring script in pages (its
 * configuration, its reports), the settings screen's switch, the popup's one-click flag of a
 * sighting, and what the popup shows of the active page.
 */
import { browser, type Runtime } from '../../core/browser';
import { getMentions, mentionsOnPage } from '../../core/db/mentions';
import type { VigieDatabase } from '../../core/db/open';
import { getSettings, updateSettings } from '../../core/db/settings';
import type {
  BackgroundCalls,
  Envelope,
  MonitorCalls,
  MonitorPageCalls,
  PageCapture,
  PageWatch,
  ShownHighlight,
} from '../../core/messaging/protocol';
import { createClient, type Handlers } from '../../core/messaging/rpc';
import { AppError } from '../../core/errors';
import { anchorFlagged, sightingsOf } from '../../core/monitoring/analyze';
import { pageReadFrom } from '../../core/monitoring/page-read';
import type { FlaggedQuote } from '../../core/monitoring/report';
import { pageKeyOf, shortenedFields, siteOf } from '../../core/model/mention';
import type { Mention } from '../../core/model/types';
import { compiledWatchlist } from '../watchlist';
import { fileFlag } from '../flag';
import type { HandlerDeps } from '../deps';
import {
  highlightStyles,
  startWatch,
  switchMonitoring,
  tellPages,
  type MonitoringApis,
  type WatchScripting,
} from '../monitoring';
import { checkSpike, countSightings } from '../spike-alert';
import { forgetAllTabs, markFlagged, readTabWatch, saveTabReport, setShown } from '../tab-watch';

/** Flagged mentions of a page sent to its script to be found again. */
const MAX_FLAGGED = 200;
/** Sightings the popup lists. */
const MAX_POPUP_SIGHTINGS = 20;

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
      return { on: settings.monitoring && topFrame(sender) !== null };
    },

    async monitorReport(raw, sender) {
      const read = pageReadFrom(raw);
      if (!read) throw new AppError('bad-request', 'Malformed page read');
      const page = topFrame(sender);
      if (!page) throw new AppError('bad-request', 'Reads come from the top frame of a tab');
      const { tabId, url } = page;
      const settings = await getSettings(db);
      if (!settings.monitoring) return { stored: false };
      // Found, described and scored here, not in the page: neither the watchlist nor the
      // scorer's word lists go into pages.
      const { items } = await mentionsOnPage(db, url, MAX_FLAGGED);
      const report = {
        title: read.title,
        lang: read.lang,
        sightings: sightingsOf(read, compiledWatchlist(settings.watchlist)),
        anchors: anchorFlagged(read.text, findable(items)),
      };
      const { newNegative, shown } = await saveTabReport(tabId, url, report, settings.wordRules);
      if (newNegative > 0) {
        await countSightings(siteOf(url), newNegative, deps.now());
        await checkSpike(deps);
      }
      // Highlights the user asked for on this page follow what the page now shows.
      if (shown) void showInTab(db, scripting, tabId, url, browser).catch(() => undefined);
      return { stored: true };
    },
  };
}

/**
 * The flagged quotes of a page that can be looked for: with selectors, not shortened when
 * stored (a quote cut short is on no page: it would always read "not found").
 */
function findable(mentions: readonly Mention[]): FlaggedQuote[] {
  return mentions.flatMap((m) =>
    m.selectors && !shortenedFields(m).some((f) => f.startsWith('selectors'))
      ? [{ mentionId: m.id, selectors: m.selectors }]
      : [],
  );
}

/**
 * Draws, in tab `tabId`, the highlights of what monitoring found on its page: the sightings,
 * and the flagged quotes. Returns how many the page showed.
 */
async function showInTab(
  db: VigieDatabase,
  scripting: WatchScripting,
  tabId: number,
  url: string,
  apis: Pick<MonitoringApis, 'tabs'>,
): Promise<number> {
  const watch = await readTabWatch(tabId);
  if (!watch || pageKeyOf(watch.url) !== pageKeyOf(url)) return 0;
  // Every flagged quote of the page, those flagged since its last read too: the page finds
  // them as they are now, and shows those it finds.
  const { items } = await mentionsOnPage(db, url, MAX_FLAGGED);
  const highlights: ShownHighlight[] = [
    ...watch.sightings.map((s) => ({ kind: 'watch' as const, selectors: s.selectors })),
    ...findable(items).map((q) => ({ kind: 'flagged' as const, selectors: q.selectors })),
  ];
  await highlightStyles(scripting, tabId, true);
  const reply = await createClient<MonitorPageCalls>((envelope: Envelope<unknown>) =>
    apis.tabs.sendMessage(tabId, envelope, { frameId: 0 }),
  )('monitorShow', { highlights });
  return reply.ok ? reply.value.found : 0;
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
  scripting: WatchScripting = browser.scripting,
): Pick<Handlers<BackgroundCalls, unknown>, 'setMonitoring' | 'flagSighting' | 'showOnPage'> {
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
      const shown = await markFlagged(tabId, sightingId, outcome.mention.id);
      deps.changed({ crises: outcome.crisis !== null });
      await deps.notifyFlagged(outcome);
      // Where the user shows the highlights, the new mention shows as flagged.
      if (shown) void showInTab(db, scripting, tabId, watch.url, apis).catch(() => undefined);
      return outcome;
    },

    async showOnPage({ tabId, show }) {
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      const watch = await readTabWatch(tabId);
      if (!tab?.url || !watch || pageKeyOf(tab.url) !== pageKeyOf(watch.url)) {
        throw new AppError('not-found', 'Monitoring has not read this page.');
      }
      await setShown(tabId, show === true);
      if (show !== true) {
        await tellPages(apis, 'monitorHide', tabId);
        await highlightStyles(scripting, tabId, false).catch(() => undefined);
        return { shown: false, found: 0 };
      }
      return { shown: true, found: await showInTab(db, scripting, tabId, tab.url, apis) };
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
    return { shown: false, sightings: [], sightingCount: 0, notFound: [] };
  }
  // A sentence already flagged (from this popup, another tab, a right-click) is not offered
  // again: it is the same quote on the same page.
  const { items } = await mentionsOnPage(db, url, MAX_FLAGGED);
  const flaggedQuote = new Map(items.map((m) => [m.quote, m.id]));
  const sightings = [...watch.sightings]
    .sort((a, b) => Number(b.negative) - Number(a.negative) || b.score - a.score)
    .slice(0, MAX_POPUP_SIGHTINGS)
    .map(({ id, term, sentence, score, negative, exact }) => ({
      id,
      term,
      sentence,
      score,
      negative,
      mentionId: watch.flagged[id] ?? flaggedQuote.get(exact) ?? null,
    }));
  // Only mentions of this very page: the report names them, the database says where they are.
  const notFound = (await getMentions(db, watch.anchors.missing.slice(0, 50))).filter(
    (m) => pageKeyOf(m.url) === pageKeyOf(url),
  );
  return { shown: watch.shown, sightings, sightingCount: watch.sightings.length, notFound };
}
