/**
 * Every flag restorable: 210 hostile pages (huge titles, languages, addresses, attributes and
 * selections, blocks repeated hundreds of times, zero-width and right-to-left characters, text
 * in shadow DOM, SVG and frames, markup in every field), each read by monitoring (its read is
 * searched and kept, never refused), flagged through the real context-menu listener (into the
 * inbox or into a new crisis), and one of its sightings flagged as the popup flags it. Then a
 * full backup, the log deleted, the backup imported: every record comes back exactly, and the
 * crisis log shows the pages' text as text.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDir } from '../../scripts/lib/extension.mjs';
import type { Mention } from '../../src/core/model/types';
import { CrisisLog } from './fixtures/crisis-log';
import { download, dump, openBackupScreen, wipe } from './fixtures/log-store';
import { call, notices, openTab, until, useVigie, type Tab } from './fixtures/vigie';
import { hostilePages, type HostilePage } from './lib/hostile-pages';

// Access to every page granted at install, as the user's "Allow" grants it to monitoring.
const session = useVigie({ allUrls: true });
const PAGES = 210;
const pages = hostilePages(PAGES);
let dir = '';
let server: Awaited<ReturnType<typeof serveDir>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-hostile-'));
  for (const p of pages) writeFileSync(join(dir, p.name), p.html);
  server = await serveDir(dir);
});

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Selects, in the page, what the flag of `p` takes; returns the selected text ('' for none). */
async function prepare(page: Page, p: HostilePage): Promise<string> {
  const { flag } = p;
  if (flag.how === 'frame') {
    const frame = page.frames().find((f) => f.url().endsWith(flag.frame));
    if (!frame) throw new Error(`${p.name}: no frame ${flag.frame}`);
    return frame.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('q')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    });
  }
  return page.evaluate((flag) => {
    const selection = getSelection()!;
    selection.removeAllRanges();
    const range = document.createRange();
    switch (flag.how) {
      case 'select':
        range.selectNodeContents(document.querySelector(flag.selector)!);
        break;
      case 'select-all':
        range.selectNodeContents(document.body);
        break;
      case 'shadow':
        range.selectNodeContents(
          document.getElementById('host')!.shadowRoot!.getElementById('inner')!,
        );
        break;
      case 'svg':
        range.selectNodeContents(document.querySelector('svg text')!);
        break;
      default:
        return '';
    }
    selection.addRange(range);
    return selection.toString();
  }, flag);
}

/** The frame the browser would name in the menu's click data: its id and address. */
async function frameOf(tabId: number, name: string): Promise<{ frameId: number; url: string }> {
  const results = await session.vigie.worker.evaluate(
    (tabId) =>
      chrome.scripting.executeScript({
        target: { tabId, allFrames: true },
        func: () => location.href,
      }),
    tabId,
  );
  const found = results.find((r) => String(r.result).endsWith(name));
  if (!found) throw new Error(`no frame ${name}`);
  return { frameId: found.frameId, url: String(found.result) };
}

/** Right-click → Flag mention (or into a new crisis) on `p`, through the real listener. */
async function flag(page: Page, tabId: number, p: HostilePage, menuItemId: string) {
  const selectionText = await prepare(page, p);
  const tab = await session.vigie.worker.evaluate((id) => chrome.tabs.get(id), tabId);
  const info: Record<string, unknown> = {
    menuItemId,
    pageUrl: tab.url,
    frameId: 0,
    editable: false,
  };
  if (selectionText) info.selectionText = selectionText;
  if (p.flag.how === 'frame') {
    const frame = await frameOf(tabId, p.flag.frame);
    info.frameId = frame.frameId;
    info.frameUrl = frame.url;
  }
  if (p.flag.how === 'link') info.linkUrl = p.flag.linkUrl;
  if (p.flag.how === 'image') Object.assign(info, { srcUrl: p.flag.srcUrl, mediaType: 'image' });
  await session.vigie.worker.evaluate(
    ({ info, tab }) =>
      (
        chrome.contextMenus.onClicked as unknown as { dispatch: (...args: unknown[]) => void }
      ).dispatch(info, tab),
    { info, tab: tab as Tab },
  );
}

const countMentions = () =>
  call<{ mentions: number }>(session.vigie, 'getCounts', {}).then((c) => c.mentions);

/**
 * What monitoring kept of tab `tabId` once its page `url` was read and searched (the
 * background's own record of the tab), or null when no read of that page was taken in time.
 */
async function reportOf(
  tabId: number,
  url: string,
): Promise<{ sightings: { id: string }[] } | null> {
  const read = () =>
    session.vigie.worker.evaluate(async (key) => {
      const watch = (await chrome.storage.session.get(key))[key] as
        { url: string; sightings: { id: string }[] } | undefined;
      return watch
        ? { url: watch.url, sightings: watch.sightings.map((s) => ({ id: s.id })) }
        : null;
    }, `watch:${tabId}`);
  const found = await until(read, (w) => w?.url === url, 15_000).catch(() => null);
  return found;
}

describe('hostile pages', () => {
  it(
    `${PAGES} hostile pages, each monitored and flagged: every flag stored, restored whole from a backup`,
    { timeout: 600_000 },
    async () => {
      const { vigie } = session;
      // Monitoring on, watching words the pages are full of.
      await call(vigie, 'updateSettings', {
        patch: {
          watchlist: [
            { id: 'lumen', term: 'Lumen', aliases: ['arnaque'] },
            { id: 'scam', term: 'scam', aliases: ['refund'] },
          ],
        },
      });
      await call(vigie, 'setMonitoring', { on: true });
      const flagged = pages.filter((p) => p.kind !== 'frame');
      expect(flagged).toHaveLength(PAGES);
      const opened = await openTab(vigie, server.url(flagged[0]!.name));
      const tabId = opened.tab.id!;
      let expected = 0;
      let withSightings = 0;
      for (const [i, p] of flagged.entries()) {
        const url = server.url(`${p.name}${p.query}`);
        await opened.page.goto(url);
        // Monitoring's read of the page is searched and kept, whatever the page holds.
        const report = await reportOf(tabId, url);
        if (!report) throw new Error(`${p.name} (${p.kind}): monitoring kept nothing of it`);
        const menu = i % 5 === 4 ? 'flag-into-new-crisis' : 'flag-mention';
        await flag(opened.page, tabId, p, menu);
        expected += 1;
        await until(countMentions, (n) => n === expected, 20_000).catch(() => {
          throw new Error(`${p.name} (${p.kind}) was not stored`);
        });
        // One of its sightings flagged from the popup, as its button does.
        const [first] = report.sightings;
        if (!first) continue;
        withSightings += 1;
        const outcome = await call<{ duplicate: boolean }>(vigie, 'flagSighting', {
          tabId,
          sightingId: first.id,
          into: { to: 'inbox' },
        });
        if (!outcome.duplicate) expected += 1;
      }
      await opened.page.close();
      const failed = (await notices(vigie)).filter((n) => n.title === 'Vigie could not flag this');
      expect(failed).toEqual([]);
      expect(withSightings).toBeGreaterThan(PAGES / 2);

      const backupScreen = await openBackupScreen(vigie);
      const before = await dump(backupScreen);
      expect(before.mentions).toHaveLength(expected);
      expect(before.crises).toHaveLength(PAGES / 5);
      const backup = await download(backupScreen, 'Download a full backup (JSON)');

      await wipe(backupScreen);
      await backupScreen.reload();
      await backupScreen.waitForSelector('body[data-ready="true"]');
      const path = join(dir, 'backup.json');
      writeFileSync(path, backup.text);
      await backupScreen.getByLabel('Backup file (JSON)').setInputFiles(path);
      // The file is taken (a refused one shows its problem instead of a preview).
      const shown = backupScreen
        .getByTestId('backup-preview')
        .or(backupScreen.getByTestId('backup-import-error'));
      await shown.waitFor({ timeout: 60_000 });
      expect(await backupScreen.getByTestId('backup-import-error').count()).toBe(0);
      await backupScreen.getByTestId('backup-import').click();
      await backupScreen.getByTestId('backup-import-done').waitFor({ timeout: 60_000 });
      const after = await dump(backupScreen);
      // Every record exactly, the settings too (monitoring on, its watchlist).
      expect(after).toEqual(before);
      expect(after.settings[0]).toMatchObject({ value: { monitoring: true } });
      await backupScreen.close();

      // What the pages made too long was shortened, with the cut marked.
      const cut = before.mentions.filter((m) => JSON.stringify(m).includes('[…]'));
      expect(cut.length).toBeGreaterThan(PAGES / 4);

      // Every page's text is shown as text in the crisis log, none of it as markup.
      const log = await CrisisLog.open(vigie, '#all');
      await until(
        () => log.mentions().count(),
        (n) => n > 0,
      );
      expect(await log.injected()).toEqual({ elements: 0, pwned: false });
      const titles = (before.mentions as Mention[]).map((m) => m.pageTitle.length);
      expect(Math.max(...titles)).toBeLessThanOrEqual(10_000);
      await log.close();
    },
  );
});
