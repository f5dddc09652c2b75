/**
 * Monitoring in real Chromium: nothing injected while it is off; turned on from the settings
 * screen (the e2e copy of the extension was granted access to pages at install, standing in for
 * the user's "Allow"); watched terms highlighted on a page and listed in the popup with their
 * negativity; one-click flag; flagged quotes found again on a revisit, and the one whose text
 * was removed listed as not found; turned off, the script unregistered and the pages cleared.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { root } from '../../scripts/lib/extension.mjs';
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
    expect(await traces(opened.page)).toEqual({
      highlights: [],
      watch: 0,
      flagged: 0,
      marks: 0,
      untouched: true,
    });
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

  it('highlights watched terms and lists them in the popup with their negativity', async () => {
    const { vigie, server } = session;
    watched = await openTab(vigie, server.url('article.html?watched'));
    await expect.poll(() => traces(watched.page).then((t) => t.watch)).toBe(4);
    // Highlights are painted by the browser: the page's elements and text are untouched.
    expect(await traces(watched.page)).toMatchObject({ marks: 0, flagged: 0 });
    expect(await monitorRuns(vigie, watched.tab.id!)).toBe(true);
    await shoot(watched.page, 'monitored-article');

    const popup = await ActionPopup.open(vigie, watched.page);
    await expect.poll(() => popup.texts('popup-sighting-term')).toHaveLength(4);
    expect(await popup.bodyText()).toContain('WATCHED TERMS ON THIS PAGE (4)');
    const sentences = await popup.texts('popup-sighting-sentence');
    const negativity = await popup.texts('popup-sighting-negativity');
    const rows = sentences.map((s, i) => [s, negativity[i]]);
    // Most negative first; each with its sentence and its negativity in words and figures.
    expect(rows).toContainEqual([
      "“Lumen Coffee charged us twice for the same order and still hasn't issued a refund.”",
      expect.stringMatching(/^[A-Z][a-z ]+ · 0\.\d\d$/),
    ]);
    expect(rows.slice(0, 2)).toEqual([
      ['“Lumen is a scam.”', expect.stringMatching(/^Very negative · 0\.\d\d$/)],
      ['“I said it before: Lumen is a scam.”', expect.stringMatching(/^Very negative · /)],
    ]);
    expect(rows).toContainEqual(['“We tried Lumen Coffee”', 'Not negative · 0.00']);
    await popup.screenshot('popup-sightings');

    // One click flags the sentence, with its selectors, as a right-click would.
    const index = sentences.findIndex((s) => s.includes('charged us twice'));
    await popup.click('popup-flag-sighting', index);
    await expect
      .poll(() => popup.text('popup-status'))
      .toBe('Mention flagged. It waits in the inbox.');
    await popup.close();
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

    // The page finds the new mention and highlights it as flagged; the popup says it is.
    await expect.poll(() => traces(watched.page).then((t) => t.flagged)).toBe(1);
    const again = await ActionPopup.open(vigie, watched.page);
    await expect.poll(() => again.texts('popup-sighting-flagged')).toHaveLength(1);
    await again.close();
  });

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
    await expect.poll(() => traces(revisit.page).then((t) => t.flagged)).toBe(1);
    await shoot(revisit.page, 'monitored-revisit');

    const popup = await ActionPopup.open(vigie, revisit.page);
    await expect.poll(() => popup.texts('popup-not-found')).toHaveLength(1);
    const items = await popup.pageMentions();
    expect(items).toHaveLength(2);
    expect(items.find((t) => t.includes('this place is a scam'))).toContain(
      'Not found on the page any more',
    );
    expect(items.find((t) => t.includes('charged us twice'))).not.toContain('Not found');
    await popup.screenshot('popup-not-found');
    await popup.close();
    // Never dropped: both mentions are still in the log, as they were.
    expect(await stored(vigie, (m) => m.id === removed.id)).toEqual(removed);
    expect(await stored(vigie, (m) => m.id === edited.id)).toEqual(edited);
    await vigie.context.unroute(url);
    await revisit.page.close();
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
