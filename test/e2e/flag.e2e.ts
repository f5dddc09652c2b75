/**
 * Flagging in real Chromium: the context menu's and the shortcut's real listeners, the capture
 * in the page, the record in IndexedDB, and what the user then sees: the notification, the
 * popup, the crisis log and the badge.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalCapture } from '../../src/core/model/mention';
import type { PageCopyFile } from '../../src/core/messaging/protocol';
import type { Crisis, Mention } from '../../src/core/model/types';
import { CrisisLog } from './fixtures/crisis-log';
import { ActionPopup } from './fixtures/popup';
import {
  allMentions,
  badgeText,
  call,
  clickMenu,
  flagSelection,
  menuHas,
  nextNotice,
  notices,
  openCrises,
  openTab,
  pressShortcut,
  select,
  stored,
  until,
  useVigie,
} from './fixtures/vigie';

const session = useVigie();
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('flag a mention', () => {
  let first: Mention;
  let article: Awaited<ReturnType<typeof openTab>>;

  it('stores the exact quote, its W3C selectors, the page, the time and the evidence hash', async () => {
    const { vigie, server } = session;
    article = await openTab(vigie, server.url('article.html'));
    const seen = (await notices(vigie)).length;
    const before = Date.now();
    await flagSelection(vigie, article, '#p1', 'charged us twice');
    first = await stored(vigie, (m) => m.quote === 'charged us twice');

    expect(first).toMatchObject({
      url: server.url('article.html'),
      pageTitle: 'Lumen Coffee review | Test Gazette',
      site: '127.0.0.1',
      lang: 'en',
      kind: 'selection',
      quote: 'charged us twice',
      captureLimit: null,
      crisisId: null,
    });
    expect(first.selectors?.quote).toMatchObject({
      type: 'TextQuoteSelector',
      exact: 'charged us twice',
    });
    expect(first.selectors?.quote.prefix).toMatch(/Lumen Coffee $/);
    expect(first.selectors?.quote.suffix).toMatch(/^ for the same order/);
    // The position counts code points of the page's text, from the start of its body.
    const position = first.selectors!.position;
    expect(position.type).toBe('TextPositionSelector');
    const bodyText = await article.page.evaluate(() => document.body.textContent ?? '');
    expect([...bodyText].slice(position.start, position.end).join('')).toBe('charged us twice');
    const capturedAt = Date.parse(first.capturedAt);
    expect(capturedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(capturedAt).toBeLessThanOrEqual(Date.now());
    // The evidence hash covers the capture exactly as stored.
    expect(first.evidence.captureSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.evidence.captureSha256).toBe(sha256(canonicalCapture(first)));

    expect(await nextNotice(vigie, seen)).toEqual({
      title: 'Mention flagged',
      message: '“charged us twice”',
    });
  });

  it('shows it in the popup for that page only, in the crisis log inbox, and on the badge', async () => {
    const { vigie, server } = session;
    const popup = await ActionPopup.open(vigie, article.page);
    expect(await popup.pageMentions()).toEqual([expect.stringContaining('“charged us twice”')]);
    expect(await popup.bodyText()).toContain('ON THIS PAGE (1)');
    expect(await popup.text('popup-untriaged')).toBe('1 to triage');
    await popup.screenshot('popup-article');
    await popup.close();

    const log = await CrisisLog.open(vigie, '#inbox');
    await expect.poll(() => log.quotes()).toEqual(['“charged us twice”']);
    expect(
      await log.mention('charged us twice').getByTestId('log-mention-title').textContent(),
    ).toBe('Lumen Coffee review | Test Gazette');
    await log.screenshot('log-inbox');
    await log.close();
    expect(await badgeText(vigie)).toBe('1');

    // Another page (another query string is another page): nothing is flagged there.
    const elsewhere = await openTab(vigie, server.url('article.html?elsewhere'));
    const other = await ActionPopup.open(vigie, elsewhere.page);
    expect(await other.pageMentions()).toEqual([]);
    expect(await other.bodyText()).toContain('Nothing flagged on this page yet.');
    expect(await other.text('popup-untriaged')).toBe('1 to triage');
    await other.close();
    await elsewhere.page.close();
  });

  it('stores nothing new when the same selection is flagged again, and says it is already flagged', async () => {
    const { vigie } = session;
    const seen = (await notices(vigie)).length;
    await flagSelection(vigie, article, '#p1', 'charged us twice');
    expect(await nextNotice(vigie, seen)).toMatchObject({ title: 'Already flagged' });
    expect((await allMentions(vigie)).map((m) => m.id)).toEqual([first.id]);

    // The popup's own button, on the same selection, says so too.
    const popup = await ActionPopup.open(vigie, article.page);
    await popup.click('popup-flag');
    await expect
      .poll(() => popup.text('popup-status'))
      .toBe('Already flagged: this quote on this page is in the log.');
    await popup.close();
    expect((await allMentions(vigie)).map((m) => m.id)).toEqual([first.id]);
    expect(await badgeText(vigie)).toBe('1');
  });

  it('flags the selection from the popup, which then lists it', async () => {
    const { vigie } = session;
    await select(article.page, '#p2', 'stale by noon');
    const popup = await ActionPopup.open(vigie, article.page);
    await popup.click('popup-flag');
    await expect
      .poll(() => popup.text('popup-status'))
      .toBe('Mention flagged. It waits in the inbox.');
    await expect
      .poll(() => popup.pageMentions())
      .toEqual([
        expect.stringContaining('“stale by noon”'),
        expect.stringContaining('“charged us twice”'),
      ]);
    expect(await popup.text('popup-untriaged')).toBe('2 to triage');
    await popup.screenshot('popup-flagged');
    await popup.close();
    const mention = await stored(vigie, (m) => m.quote === 'stale by noon');
    expect(mention.selectors?.quote.exact).toBe('stale by noon');
    await until(
      () => badgeText(vigie),
      (text) => text === '2',
    );
  });

  it('flags into a new crisis, which then has its own menu item, the popup and the log show', async () => {
    const { vigie, server } = session;
    const opened = await openTab(vigie, server.url('article.html?crisis'));
    const seen = (await notices(vigie)).length;
    await flagSelection(vigie, opened, '#p3', 'this place is a scam', 'flag-into-new-crisis');
    const [crisis] = await until(
      () => openCrises(vigie),
      (list) => list.length === 1,
    );
    // Named after the page's title.
    const title = 'Lumen Coffee review | Test Gazette';
    expect(crisis).toMatchObject({ title, level: 2, step: 'react', mentionCount: 1 });
    expect(await nextNotice(vigie, seen)).toMatchObject({ title: `Flagged into “${title}”` });
    const { crisis: full } = await call<{ crisis: Crisis }>(vigie, 'getCrisis', {
      id: crisis!.id,
    });
    // The built-in first item is stored by its id, to read in the UI's language.
    expect(full.react.checklist[0]).toMatchObject({ id: 'stop-damage', label: '' });

    // The menu now offers this crisis, and its item files the next flag into it.
    await until(
      () => menuHas(vigie, `flag-into:${crisis!.id}`),
      (present) => present,
    );
    expect(await menuHas(vigie, 'flag-into:no-such-crisis')).toBe(false);
    await flagSelection(vigie, opened, '#p2', 'stale by noon', `flag-into:${crisis!.id}`);
    const inCrisis = await until(
      () => allMentions(vigie, { in: 'crisis', crisisId: crisis!.id }),
      (list) => list.length === 2,
    );
    expect(inCrisis.map((m) => m.quote)).toEqual(['stale by noon', 'this place is a scam']);

    const popup = await ActionPopup.open(vigie, opened.page);
    expect(await popup.crises()).toEqual([expect.stringContaining(title)]);
    expect(await popup.text('popup-crisis')).toContain('2 · Alert');
    expect(await popup.text('popup-crisis')).toContain('React fast');
    await popup.screenshot('popup-crisis');
    await popup.close();

    const log = await CrisisLog.open(vigie, '#crises');
    await expect
      .poll(() => log.crises().allTextContents())
      .toEqual([expect.stringContaining(title)]);
    expect(await log.crises().textContent()).toContain('2 mentions');
    await log.openCrisis(title);
    await expect.poll(() => log.quotes()).toEqual(['“stale by noon”', '“this place is a scam”']);
    await log.screenshot('log-crisis');
    await log.close();
    // With a crisis open, the badge counts open crises.
    expect(await badgeText(vigie)).toBe('1');
  });

  it('keeps what the menu gave on a page no extension may script, and says so', async () => {
    const { vigie } = session;
    const browserPage = await openTab(vigie, 'chrome://version/');
    const seen = (await notices(vigie)).length;
    await clickMenu(vigie, 'flag-mention', browserPage.tab, {
      selectionText: 'Chromium',
      pageUrl: 'chrome://version/',
    });
    const mention = await stored(vigie, (m) => m.url === 'chrome://version/');
    expect(mention).toMatchObject({
      quote: 'Chromium',
      kind: 'selection',
      captureLimit: 'unscriptable',
      selectors: null,
    });
    expect(mention.evidence.captureSha256).toBe(sha256(canonicalCapture(mention)));
    expect((await nextNotice(vigie, seen)).message).toContain("Vigie can't read this page");

    const log = await CrisisLog.open(vigie, '#inbox');
    await expect
      .poll(() => log.mention('Chromium').textContent())
      .toContain('Limited capture: the page could not be read');
    await log.close();
    await browserPage.page.close();
  });

  it('flags the current selection with the keyboard shortcut', async () => {
    const { vigie, server } = session;
    const { page, tab } = await openTab(vigie, server.url('article.html?shortcut'));
    await select(page, '#p4', 'bright and pleasant');
    const seen = (await notices(vigie)).length;
    await pressShortcut(vigie, tab);
    const mention = await stored(vigie, (m) => m.quote === 'bright and pleasant');
    expect(mention).toMatchObject({
      url: server.url('article.html?shortcut'),
      kind: 'selection',
      crisisId: null,
      captureLimit: null,
    });
    expect(mention.selectors?.quote.exact).toBe('bright and pleasant');
    expect(await nextNotice(vigie, seen)).toEqual({
      title: 'Mention flagged',
      message: '“bright and pleasant”',
    });
  });
});

describe('keep a copy of the page without pageCapture (Firefox, or permission refused)', () => {
  it('keeps the document as HTML with its hash, only while the tab shows the mention’s page', async () => {
    const { vigie, server } = session;
    const opened = await openTab(vigie, server.url('article.html?copy'));
    await flagSelection(vigie, opened, '#p3', 'Never again');
    const m = await stored(vigie, (x) => x.quote === 'Never again');

    const kept = await call<Mention>(vigie, 'keepPageCopy', {
      mentionId: m.id,
      tabId: opened.tab.id,
    });
    expect(kept.evidence.pageCopy).toMatchObject({ format: 'html' });
    const file = await call<PageCopyFile>(vigie, 'getPageCopy', { mentionId: m.id });
    const html = Buffer.from(file.base64, 'base64');
    expect(createHash('sha256').update(html).digest('hex')).toBe(kept.evidence.pageCopy!.sha256);
    expect(html.toString('utf8')).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html.toString('utf8')).toContain('this place is a scam. Never again, says one');

    // The tab moved on: a copy of another page would be false evidence.
    const other = await flagSelection(vigie, opened, '#p4', 'bright and pleasant').then(() =>
      stored(vigie, (x) => x.quote === 'bright and pleasant' && x.url.endsWith('?copy')),
    );
    await opened.page.goto(server.url('markup.html'));
    const reply = await vigie.ext.evaluate(
      (args) => chrome.runtime.sendMessage({ vigie: 1, call: 'keepPageCopy', args }),
      { mentionId: other.id, tabId: opened.tab.id },
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'wrong-page' } });
    expect((await stored(vigie, (x) => x.id === other.id)).evidence.pageCopy).toBeNull();
  });
});
