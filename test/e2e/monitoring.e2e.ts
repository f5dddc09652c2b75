/**
 * Monitoring in real Chromium: nothing injected while it is off; turned on from the settings
 * screen (the e2e copy of the extension was granted access to pages at install, standing in for
 * the user's "Allow"); watched terms highlighted on a page and listed in the popup with their
 * negativity; one-click flag; flagged quotes found again on a revisit, and the one whose text
 * was removed listed as not found; turned off, the script unregistered and the pages cleared.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { root } from '../../scripts/lib/extension.mjs';
import { backupText, buildBackup } from '../../src/core/backup/build';
import type { BackupData } from '../../src/core/backup/format';
import { mergeSettings } from '../../src/core/model/settings';
import { openBackupScreen } from './fixtures/log-store';
import { ActionPopup } from './fixtures/popup';
import {
  call,
  extensionUrl,
  flagSelection,
  openTab,
  shoot,
  stored,
  until,
  useVigie,
  type Vigie,
} from './fixtures/vigie';

const session = useVigie({ allUrls: true });
const article = readFileSync(join(root, 'test/fixtures/e2e/article.html'), 'utf8');

/** A page as it was served: no highlight, no mark, its elements and text untouched. */
const NO_TRACE = { highlights: [], watch: 0, flagged: 0, marks: 0, untouched: true };

/** What Vigie left in a page, as the page's own scripts could see it. */
function traces(page: Page) {
  return page.evaluate((served) => {
    const parsed = new DOMParser().parseFromString(served, 'text/html');
    const xml = new XMLSerializer();
    return {
      highlights: [...CSS.highlights.keys()],
      watch: CSS.highlights.get('vigie-watch')?.size ?? 0,
      flagged: CSS.highlights.get('vigie-flagged')?.size ?? 0,
      marks: document.querySelectorAll('mark, [data-vigie]').length,
      // The page's elements and text, exactly as served (it runs no script of its own).
      untouched:
        xml.serializeToString(document.body) === xml.serializeToString(parsed.body) ||
        served === '',
    };
  }, served(page));
}

/** The served HTML of a page of the fixtures, to compare the live page with. */
function served(page: Page): string {
  return new URL(page.url()).pathname === '/article.html' ? article : '';
}

/** Whether Vigie's monitoring script runs in the tab (its marker, in the extension's world). */
async function monitorRuns(vigie: Vigie, tabId: number): Promise<boolean> {
  const [result] = await vigie.worker.evaluate(
    (tabId) =>
      chrome.scripting.executeScript({
        target: { tabId },
        func: () => (globalThis as { __vigieMonitor?: boolean }).__vigieMonitor === true,
      }),
    tabId,
  );
  return result?.result === true;
}

function registered(vigie: Vigie) {
  return vigie.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
}

/** The settings screen, scrolled to the monitoring switch. */
async function settings(vigie: Vigie): Promise<Page> {
  await vigie.ext.goto(extensionUrl(vigie, 'dashboard/index.html#settings'));
  await vigie.ext.waitForSelector('body[data-ready="true"]');
  return vigie.ext;
}

async function toggleMonitoring(vigie: Vigie, on: boolean): Promise<void> {
  const page = await settings(vigie);
  const toggle = page.getByTestId('settings-monitoring-switch');
  await toggle.click();
  await expect.poll(() => toggle.getAttribute('aria-checked')).toBe(String(on));
}

describe('monitoring', () => {
  let watched: Awaited<ReturnType<typeof openTab>>;

  it('injects nothing into pages while it is off', async () => {
    const { vigie, server } = session;
    expect(await registered(vigie)).toEqual([]);
    const opened = await openTab(vigie, server.url('article.html'));
    // Time enough for a script at document_idle to have run, had there been one.
    await opened.page.waitForTimeout(1_000);
    expect(await traces(opened.page)).toEqual(NO_TRACE);
    expect(await monitorRuns(vigie, opened.tab.id!)).toBe(false);
    await opened.page.close();
  });

  it('is turned on from the settings screen, which registers the monitoring script', async () => {
    const { vigie } = session;
    await call(vigie, 'updateSettings', {
      patch: { watchlist: [{ id: 'lumen', term: 'Lumen Coffee', aliases: ['Lumen'] }] },
    });
    await toggleMonitoring(vigie, true);
    await expect
      .poll(() => vigie.ext.getByTestId('settings-monitoring').textContent())
      .toContain('Monitoring is on.');
    const [script] = await registered(vigie);
    expect(script).toMatchObject({
      id: 'vigie-monitor',
      js: ['monitor-start.js'],
      matches: ['<all_urls>'],
      runAt: 'document_start',
      allFrames: false,
      persistAcrossSessions: true,
    });
    expect((await call<{ monitoring: boolean }>(vigie, 'getSettings', {})).monitoring).toBe(true);
    await vigie.ext.locator('#settings-monitoring-title').scrollIntoViewIfNeeded();
    await shoot(vigie.ext, 'settings-monitoring');
  });

  it('lists watched terms in the popup with their negativity, the page seeing nothing', async () => {
    const { vigie, server } = session;
    watched = await openTab(vigie, server.url('article.html?watched'));
    const current = await ActionPopup.openUntil(
      vigie,
      watched.page,
      async (p) => (await p.texts('popup-sighting-term')).length === 4,
    );
    expect(await monitorRuns(vigie, watched.tab.id!)).toBe(true);
    // Found in the background: nothing of it in the page, not even a style.
    expect(await traces(watched.page)).toEqual(NO_TRACE);
    expect(await current.bodyText()).toContain('WATCHED TERMS ON THIS PAGE (4)');
    const sentences = await current.texts('popup-sighting-sentence');
    const negativity = await current.texts('popup-sighting-negativity');
    const rows = sentences.map((s, i) => [s, negativity[i]]);
    // Most negative first; each with its sentence and its negativity in words and figures.
    expect(rows).toContainEqual([
      "“Lumen Coffee charged us twice for the same order and still hasn't issued a refund.”",
      expect.stringMatching(/^(Slightly negative|Negative|Very negative)$/),
    ]);
    expect(rows.slice(0, 2)).toEqual([
      ['“Lumen is a scam.”', 'Very negative'],
      ['“I said it before: Lumen is a scam.”', 'Very negative'],
    ]);
    expect(rows).toContainEqual(['“We tried Lumen Coffee”', 'Not negative']);
    await current.screenshot('popup-sightings');

    // Shown on the page when the user asks: the four sentences highlighted by the browser.
    await current.click('popup-show-on-page');
    await expect.poll(() => current.text('popup-status')).toBe('Highlighted on the page: 4');
    await expect.poll(() => traces(watched.page).then((t) => t.watch)).toBeGreaterThanOrEqual(4);
    expect(await traces(watched.page)).toMatchObject({ marks: 0, flagged: 0, untouched: true });
    await shoot(watched.page, 'monitored-article');

    // One click flags the sentence, with its selectors, as a right-click would.
    const index = sentences.findIndex((s) => s.includes('charged us twice'));
    await current.click('popup-flag-sighting', index);
    await expect
      .poll(() => current.text('popup-status'))
      .toBe('Mention flagged. It waits in the inbox.');
    await current.close();
    const mention = await stored(vigie, (m) => m.quote.startsWith('Lumen Coffee charged'));
    expect(mention).toMatchObject({
      url: server.url('article.html?watched'),
      kind: 'selection',
      quote: "Lumen Coffee charged us twice for the same order and still hasn't issued a refund.",
      captureLimit: null,
      lang: 'en',
    });
    expect(mention.selectors?.quote).toMatchObject({ type: 'TextQuoteSelector' });
    expect(mention.selectors?.quote.exact.replace(/\s+/g, ' ')).toBe(mention.quote);
    const bodyText = await watched.page.evaluate(() => document.body.textContent ?? '');
    const { start, end } = mention.selectors!.position;
    expect([...bodyText].slice(start, end).join('')).toBe(mention.quote);

    // Shown as it is: the new mention shows as flagged; the popup says it is.
    await expect.poll(() => traces(watched.page).then((t) => t.flagged)).toBeGreaterThan(0);
    const again = await ActionPopup.open(vigie, watched.page);
    await expect.poll(() => again.texts('popup-sighting-flagged')).toHaveLength(1);
    // Hidden again: the page is as it was served, with no highlight left.
    await again.click('popup-show-on-page');
    await expect
      .poll(() => again.text('popup-status'))
      .toBe('The highlights are gone from the page.');
    await again.close();
    expect(await traces(watched.page)).toEqual(NO_TRACE);
  });

  it(
    'gives a page that looks for it no trace of the watchlist or of what was flagged',
    { timeout: 90_000 },
    async () => {
      const { vigie, server } = session;
      const spy = await openTab(vigie, server.url('spy.html'));
      await flagSelection(vigie, spy, '#p1', 'charged us twice');
      await stored(vigie, (m) => m.quote === 'charged us twice' && m.url.endsWith('spy.html'));
      // What the user did (the selection, the right-click) is theirs: the page may see it.
      await spy.page.evaluate(() => {
        getSelection()?.removeAllRanges();
        (window as unknown as { spy: { reset(): void } }).spy.reset();
      });
      await spy.page.waitForTimeout(100);
      await spy.page.evaluate(() => (window as unknown as { spy: { reset(): void } }).spy.reset());
      // Monitoring read the page and found the watched term in it (the popup says so)…
      const popup = await ActionPopup.openUntil(vigie, spy.page, async (p) =>
        (await p.texts('popup-sighting-term')).includes('Lumen Coffee'),
      );
      await popup.close();
      // …and the page's own planted words: watched ones, then the same text unwatched, in turn.
      const blocked: Record<'watched' | 'unwatched', number[]> = { watched: [], unwatched: [] };
      for (let round = 0; round < 5; round++) {
        for (const [kind, word] of [
          ['watched', 'Lumen'],
          ['unwatched', 'Gorbo'],
        ] as const) {
          blocked[kind].push(
            await spy.page.evaluate(
              ([word]) =>
                (
                  window as unknown as {
                    spy: {
                      blockedAfterPlanting(w: string, n: number, ms: number): Promise<number>;
                    };
                  }
                ).spy.blockedAfterPlanting(word, 300, 1_500),
              [word] as const,
            ),
          );
        }
      }
      const median = (list: number[]) => [...list].sort((a, b) => a - b)[list.length >> 1]!;
      // The same work beside the page whatever the words: no more time kept from it for the
      // watched ones than the noise of this machine.
      expect(median(blocked.watched)).toBeLessThanOrEqual(median(blocked.unwatched) + 15);
      const found = await spy.page.evaluate(() =>
        (window as unknown as { spy: { traces(): unknown } }).spy.traces(),
      );
      expect(found).toEqual({
        highlights: [],
        plantedMarkStyle: true,
        highlightStyle: true,
        styleSheets: 0,
        marks: 0,
        mutations: [],
        events: [],
        globals: [],
        rootAttributes: ['lang'],
      });
      // The background does find the planted watched words: the page just cannot tell.
      await spy.page.evaluate(() =>
        (
          window as unknown as {
            spy: { blockedAfterPlanting(w: string, n: number, ms: number): Promise<number> };
          }
        ).spy.blockedAfterPlanting('Lumen', 300, 0),
      );
      const seen = await ActionPopup.openUntil(vigie, spy.page, async (p) =>
        (await p.texts('popup-sighting-sentence')).some((t) => t.includes('Lumen charged them')),
      );
      await seen.close();
      await spy.page.close();
    },
  );

  it('finds flagged quotes again on a revisit, and lists the one whose text is gone as not found', async () => {
    const { vigie, server } = session;
    const url = server.url('article.html?revisit');
    const first = await openTab(vigie, url);
    await flagSelection(vigie, first, '#p1', 'charged us twice for the same order');
    const edited = await stored(vigie, (m) => m.quote === 'charged us twice for the same order');
    await flagSelection(vigie, first, '#p3', 'this place is a scam');
    const removed = await stored(vigie, (m) => m.quote === 'this place is a scam' && m.url === url);
    await first.page.close();

    // The second version of the page: the first quote edited a little (found again by the
    // approximate match), the other one's paragraph gone.
    const changed = article
      .replace('for the same order', 'for the very same order')
      .replace(/<p id="p3">[\s\S]*?<\/p>/, '');
    await vigie.context.route(url, (route) =>
      route.fulfill({ body: changed, contentType: 'text/html; charset=utf-8' }),
    );
    const revisit = await openTab(vigie, url);
    const current = await ActionPopup.openUntil(
      vigie,
      revisit.page,
      async (p) => (await p.texts('popup-not-found')).length === 1,
    );
    const items = await current.pageMentions();
    expect(items).toHaveLength(2);
    expect(items.find((t) => t.includes('this place is a scam'))).toContain(
      'Not found on the page any more',
    );
    expect(items.find((t) => t.includes('charged us twice'))).not.toContain('Not found');
    // Nothing shows on the page until asked; then the quote found again is highlighted.
    expect(await traces(revisit.page)).toMatchObject({ highlights: [], marks: 0 });
    await current.click('popup-show-on-page');
    await expect.poll(() => traces(revisit.page).then((t) => t.flagged)).toBeGreaterThan(0);
    await shoot(revisit.page, 'monitored-revisit');
    await current.screenshot('popup-not-found');
    await current.close();
    // Never dropped: both mentions are still in the log, as they were.
    expect(await stored(vigie, (m) => m.id === removed.id)).toEqual(removed);
    expect(await stored(vigie, (m) => m.id === edited.id)).toEqual(edited);
    await vigie.context.unroute(url);
    await revisit.page.close();
  });

  it('follows an imported backup at once: off there, off here, without a restart', async () => {
    const { vigie, server } = session;
    const open = await openTab(vigie, server.url('article.html?imported'));
    await ActionPopup.openUntil(
      vigie,
      open.page,
      async (p) => (await p.texts('popup-sighting-term')).length > 0,
    ).then((p) => p.close());
    // A log saved while monitoring was off, with another watchlist.
    const data: BackupData = {
      mentions: [],
      crises: [],
      events: [],
      settings: mergeSettings(undefined, {
        monitoring: false,
        watchlist: [{ id: 'other', term: 'Gorbo', aliases: [] }],
      }),
    };
    const text = backupText(
      await buildBackup(
        { appVersion: '0.1.0', schemaVersion: 4, exportedAt: '2026-12-01T10:00:00.000Z' },
        data,
      ),
    );
    const path = join(tmpdir(), `vigie-e2e-monitoring-${Date.now()}.json`);
    writeFileSync(path, text);
    const screen = await openBackupScreen(vigie);
    await screen.getByLabel('Backup file (JSON)').setInputFiles(path);
    await screen.getByTestId('backup-preview').waitFor();
    await screen.getByTestId('backup-mode-replace').check();
    await Promise.all([
      screen.waitForEvent('download'),
      screen.getByTestId('backup-import').click(),
    ]);
    await screen.getByTestId('backup-import-done').waitFor();
    await screen.close();
    // At once: the script is unregistered and the open page's watch stopped, no restart needed.
    expect(await registered(vigie)).toEqual([]);
    expect((await call<{ monitoring: boolean }>(vigie, 'getSettings', {})).monitoring).toBe(false);
    const popup = await ActionPopup.open(vigie, open.page);
    expect(await popup.bodyText()).not.toContain('WATCHED TERMS');
    await popup.close();
    await open.page.close();
    // Back on, as the user wants it for the rest of the suite.
    await call(vigie, 'updateSettings', {
      patch: { watchlist: [{ id: 'lumen', term: 'Lumen Coffee', aliases: ['Lumen'] }] },
    });
    await call(vigie, 'setMonitoring', { on: true });
    expect(await registered(vigie)).toHaveLength(1);
  });

  it('is turned off from the settings screen: unregistered, and every page cleared', async () => {
    const { vigie, server } = session;
    await toggleMonitoring(vigie, false);
    expect(await registered(vigie)).toEqual([]);
    expect((await call<{ monitoring: boolean }>(vigie, 'getSettings', {})).monitoring).toBe(false);
    // The page watched before: its highlights are gone, its text as it was.
    await until(
      () => traces(watched.page),
      (t) => t.highlights.length === 0,
    );
    // A page opened now: nothing injected.
    const after = await openTab(vigie, server.url('article.html?after'));
    await after.page.waitForTimeout(1_000);
    expect(await traces(after.page)).toMatchObject({ highlights: [], marks: 0, untouched: true });
    expect(await monitorRuns(vigie, after.tab.id!)).toBe(false);
    const popup = await ActionPopup.open(vigie, after.page);
    expect(await popup.bodyText()).not.toContain('WATCHED TERMS');
    await popup.close();
  });
});
