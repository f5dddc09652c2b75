/**
 * Many flags at once: 500 right-clicks fired together from 5 tabs are 500 mentions, and the
 * same 500 fired again (twice, at once) add none.
 */
import { describe, expect, it } from 'vitest';
import type { Mention } from '../../src/core/model/types';
import { call, notices, openTab, until, useVigie, type Tab } from './fixtures/vigie';

const session = useVigie();

/** Fires the real context-menu listener for every (tab, link) pair, all in the same instant. */
async function flagLinksAtOnce(tabs: Tab[], perTab: number): Promise<void> {
  await session.vigie.worker.evaluate(
    ({ tabs, perTab }) => {
      const clicked = chrome.contextMenus.onClicked as unknown as {
        dispatch: (...args: unknown[]) => void;
      };
      for (let i = 0; i < perTab; i++) {
        for (const tab of tabs) {
          clicked.dispatch(
            {
              menuItemId: 'flag-mention',
              pageUrl: tab.url,
              linkUrl: `https://reviews.example/lumen/${tab.id}/${i}`,
              frameId: 0,
              editable: false,
            },
            tab,
          );
        }
      }
    },
    { tabs, perTab },
  );
}

async function countMentions(): Promise<number> {
  return (await call<{ mentions: number }>(session.vigie, 'getCounts', {})).mentions;
}

describe('flags fired together', () => {
  it(
    '500 flags from 5 tabs at once are 500 records, and firing them again adds none',
    { timeout: 120_000 },
    async () => {
      const { vigie, server } = session;
      const tabs: Tab[] = [];
      for (let n = 0; n < 5; n++)
        tabs.push((await openTab(vigie, server.url(`article.html?tab=${n}`))).tab);

      await flagLinksAtOnce(tabs, 100);
      await until(countMentions, (count) => count >= 500, 60_000);

      // The same flags again, twice over and at once: the unique key holds under the rush.
      await flagLinksAtOnce(tabs, 100);
      await flagLinksAtOnce(tabs, 100);
      await new Promise((r) => setTimeout(r, 3000));
      await until(
        () => vigie.worker.evaluate(() => chrome.action.getBadgeText({})),
        (text) => text === '500',
        30_000,
      );
      expect(await countMentions()).toBe(500);
      // None of the 1,500 flags failed: the repeated ones were told "already flagged".
      const failed = (await notices(vigie)).filter((n) => n.title === 'Vigie could not flag this');
      expect(failed).toEqual([]);

      const links = new Set<string>();
      let after: unknown = null;
      do {
        const page = await call<{ items: Mention[]; next: unknown }>(vigie, 'listMentions', {
          scope: { in: 'all' },
          limit: 200,
          after,
        });
        for (const m of page.items) links.add(`${m.url}|${m.linkUrl}`);
        after = page.next;
      } while (after);
      expect(links.size).toBe(500);
    },
  );
});
