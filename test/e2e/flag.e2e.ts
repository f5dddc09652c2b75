/**
 * Flagging in real Chromium: the context menu's real listener, the capture in the page, the
 * record in IndexedDB, the popup, the crisis log and the badge.
 */
import { describe, expect, it } from 'vitest';
import type { Crisis, Mention } from '../../src/core/model/types';
import {
  allMentions,
  call,
  clickMenu,
  openTab,
  popupText,
  select,
  until,
  type Dispatchable,
  useVigie,
} from './fixtures/vigie';

const session = useVigie();

describe('flag a mention', () => {
  let first: Mention;
  let article: Awaited<ReturnType<typeof openTab>>;

  it('stores the exact quote, its W3C selectors, the page and the capture hash', async () => {
    article = await openTab(session.vigie, session.server.url('article.html'));
    const { page, tab } = article;
    const selected = await select(page, '#p1', 'charged us twice');
    await clickMenu(session.vigie, 'flag-mention', tab, { selectionText: selected });
    first = (
      await until(
        () => allMentions(session.vigie),
        (list) => list.length === 1,
      )
    )[0]!;
    expect(first).toMatchObject({
      url: session.server.url('article.html'),
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
    expect(first.selectors?.quote.prefix).toContain('Lumen Coffee ');
    expect(first.selectors?.quote.suffix).toContain(' for the same order');
    const position = first.selectors!.position;
    const bodyText = await page.evaluate(() => document.body.textContent ?? '');
    expect([...bodyText].slice(position.start, position.end).join('')).toBe('charged us twice');
    expect(first.evidence.captureSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Date.now() - Date.parse(first.capturedAt)).toBeLessThan(60_000);
  });

  it('shows it in the popup for that page, in the crisis log inbox, and on the badge', async () => {
    const text = await popupText(session.vigie, article.page);
    expect(text).toContain('“charged us twice”');
    expect(text).toContain('On this page (1)'.toUpperCase());
    expect(text).toContain('1 to triage');

    const log = await session.vigie.context.newPage();
    await log.goto(`chrome-extension://${session.vigie.id}/dashboard/index.html#inbox`);
    await log.waitForSelector('body[data-ready="true"]');
    await expect
      .poll(() => log.locator('[data-testid="log-mention-quote"]').allTextContents())
      .toEqual(['“charged us twice”']);
    expect(await session.vigie.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
    await log.close();
  });

  it('does not store a second flag of the same quote on the same page', async () => {
    const { page, tab } = article;
    await page.bringToFront();
    const selected = await select(page, '#p1', 'charged us twice');
    await clickMenu(session.vigie, 'flag-mention', tab, { selectionText: selected });
    await page.waitForTimeout(500);
    const list = await allMentions(session.vigie);
    expect(list.map((m) => m.id)).toEqual([first.id]);
  });

  it('flags into a new crisis, which then has its own menu item', async () => {
    const { page, tab } = await openTab(
      session.vigie,
      `${session.server.url('article.html')}?crisis`,
    );
    const selected = await select(page, '#p3', 'this place is a scam');
    await clickMenu(session.vigie, 'flag-into-new-crisis', tab, { selectionText: selected });
    const crises = await until(
      () =>
        call<{ items: { id: string; title: string; mentionCount: number }[] }>(
          session.vigie,
          'listCrises',
          { state: 'open', limit: 10, after: null },
        ),
      (page) => page.items.length === 1,
    );
    const crisis = crises.items[0]!;
    expect(crisis).toMatchObject({ title: '127.0.0.1 — this place is a scam', mentionCount: 1 });

    // The menu now offers this crisis (updating an item that does not exist fails)…
    const menuItem = (id: string) =>
      session.vigie.worker.evaluate(
        (id) =>
          chrome.contextMenus.update(id, {}).then(
            () => 'present',
            () => 'absent',
          ),
        id,
      );
    await expect.poll(() => menuItem(`flag-into:${crisis.id}`)).toBe('present');
    expect(await menuItem('flag-into:no-such-crisis')).toBe('absent');
    // …and its item files the next flag into it.
    const more = await select(page, '#p2', 'stale by noon');
    await clickMenu(session.vigie, `flag-into:${crisis.id}`, tab, { selectionText: more });
    const inCrisis = await until(
      () =>
        call<{ items: Mention[] }>(session.vigie, 'listMentions', {
          scope: { in: 'crisis', crisisId: crisis.id },
          limit: 10,
          after: null,
        }),
      (page) => page.items.length === 2,
    );
    expect(inCrisis.items.map((m) => m.quote).sort()).toEqual([
      'stale by noon',
      'this place is a scam',
    ]);
    const { crisis: full } = await call<{ crisis: Crisis }>(session.vigie, 'getCrisis', {
      id: crisis.id,
    });
    expect(full.react.checklist[0]?.label).toMatch(/^Stop further damage/);

    const text = await popupText(session.vigie, page);
    expect(text).toContain('127.0.0.1 — this place is a scam');
    expect(text).toContain('React fast');
    expect(await session.vigie.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
  });

  it('keeps what the menu gave where the page cannot be scripted, and says so', async () => {
    const tab = {
      id: 999_999,
      url: 'chrome://version/',
      title: 'About Version',
      index: 0,
      pinned: false,
      highlighted: false,
      windowId: 1,
      active: true,
      incognito: false,
      selected: false,
      discarded: false,
      autoDiscardable: true,
      groupId: -1,
    } as chrome.tabs.Tab;
    await clickMenu(session.vigie, 'flag-mention', tab, {
      selectionText: 'Chromium 156',
      pageUrl: 'chrome://version/',
    });
    const list = await until(
      () => allMentions(session.vigie),
      (l) => l.some((m) => m.url === 'chrome://version/'),
    );
    expect(list.find((m) => m.url === 'chrome://version/')).toMatchObject({
      quote: 'Chromium 156',
      captureLimit: 'unscriptable',
      selectors: null,
      pageTitle: 'About Version',
    });
  });

  it('flags the current selection with the keyboard shortcut', async () => {
    const { page, tab } = await openTab(
      session.vigie,
      `${session.server.url('article.html')}?shortcut`,
    );
    await select(page, '#p4', 'bright and pleasant');
    await session.vigie.worker.evaluate(
      (tab) =>
        (chrome.commands.onCommand as unknown as Dispatchable).dispatch('flag-selection', tab),
      tab,
    );
    const list = await until(
      () => allMentions(session.vigie),
      (l) => l.some((m) => m.quote === 'bright and pleasant'),
    );
    expect(list.find((m) => m.quote === 'bright and pleasant')?.selectors?.quote.exact).toBe(
      'bright and pleasant',
    );
  });
});
