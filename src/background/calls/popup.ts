/** The popup's calls: what it shows over the tab in front, and the flag of that tab. */
import { browser } from '../../core/browser';
import { recentOpenCrises } from '../../core/db/crises';
import { countFeedSightings, listSightings, listSources } from '../../core/db/feeds';
import { mentionCounts, mentionsOnPage } from '../../core/db/mentions';
import type { VigieDatabase } from '../../core/db/open';
import type { PopupFeeds } from '../../core/messaging/protocol';
import { AppError } from '../../core/errors';
import { canScript, captureFromTab } from '../capture';
import { fileFlag } from '../flag';
import { popupWatch } from './monitoring';
import { cellStatus } from '../cell';
import type { Calls } from './args';
import type { HandlerDeps } from '../deps';

/** The feed sightings to review, when any wait: one count of an index when none do. */
async function popupFeeds(db: VigieDatabase): Promise<PopupFeeds | undefined> {
  const total = await countFeedSightings(db, 'new');
  if (total === 0) return undefined;
  const [items, sources] = await Promise.all([listSightings(db, 'new', 20), listSources(db)]);
  return { items, total, labels: Object.fromEntries(sources.map((s) => [s.id, s.label])) };
}

export function createPopupCalls(deps: HandlerDeps): Calls<'getPopupState' | 'flagTab'> {
  const { db } = deps;
  return {
    async getPopupState({ tabId }) {
      const tab = tabId === null ? undefined : await browser.tabs.get(tabId).catch(() => undefined);
      const url = tab?.url;
      const [onPage, counts, crises, monitor, cell, feeds] = await Promise.all([
        url ? mentionsOnPage(db, url, 20) : Promise.resolve({ items: [], total: 0 }),
        mentionCounts(db),
        recentOpenCrises(db, 20),
        url && tabId !== null ? popupWatch(db, tabId, url) : undefined,
        cellStatus(db),
        popupFeeds(db),
      ]);
      return {
        page: url ? { url, title: tab?.title ?? '', canScript: canScript(url) } : null,
        pageMentions: onPage.items,
        pageMentionCount: onPage.total,
        untriaged: counts.untriaged,
        openCrises: crises,
        ...(monitor ? { monitor } : {}),
        ...(cell ? { cell } : {}),
        ...(feeds ? { feeds } : {}),
      };
    },

    async flagTab({ tabId, into }) {
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      if (!tab?.url) throw new AppError('no-tab', 'The tab is gone or cannot be read.');
      const capture = canScript(tab.url) ? await captureFromTab(tabId, 0) : null;
      const outcome = await fileFlag(
        deps,
        { pageUrl: tab.url, pageTitle: tab.title ?? '' },
        capture,
        into,
      );
      deps.changed({ crises: outcome.crisis !== null });
      await deps.notifyFlagged(outcome);
      return outcome;
    },
  };
}
