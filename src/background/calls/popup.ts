/** The popup's calls: what it shows over the tab in front, and the flag of that tab. */
import { browser } from '../../core/browser';
import { recentOpenCrises } from '../../core/db/crises';
import { mentionCounts, mentionsOnPage } from '../../core/db/mentions';
import { AppError } from '../../core/errors';
import { canScript, captureFromTab } from '../capture';
import { fileFlag } from '../flag';
import { popupWatch } from './monitoring';
import { cellStatus } from '../cell';
import type { Calls } from './args';
import type { HandlerDeps } from '../deps';

export function createPopupCalls(deps: HandlerDeps): Calls<'getPopupState' | 'flagTab'> {
  const { db } = deps;
  return {
    async getPopupState({ tabId }) {
      const tab = tabId === null ? undefined : await browser.tabs.get(tabId).catch(() => undefined);
      const url = tab?.url;
      const [onPage, counts, crises, monitor, cell] = await Promise.all([
        url ? mentionsOnPage(db, url, 20) : Promise.resolve({ items: [], total: 0 }),
        mentionCounts(db),
        recentOpenCrises(db, 20),
        url && tabId !== null ? popupWatch(db, tabId, url) : undefined,
        cellStatus(db),
      ]);
      return {
        page: url ? { url, title: tab?.title ?? '', canScript: canScript(url) } : null,
        pageMentions: onPage.items,
        pageMentionCount: onPage.total,
        untriaged: counts.untriaged,
        openCrises: crises,
        ...(monitor ? { monitor } : {}),
        ...(cell ? { cell } : {}),
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
