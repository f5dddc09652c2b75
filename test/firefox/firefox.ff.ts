/**
 * Vigie in Firefox, for real: Debian's Firefox ESR with the built extension (one manifest for
 * both browsers: `background.scripts` here), its background started, its pages working, a flag
 * of a real selection made through the real popup, a crisis walked to its report, the page copy
 * falling back to HTML, monitoring's permission, content script and sightings, a full backup
 * that restores a wiped log; and, through all of it, no request made for Vigie (the control
 * first: requests made on purpose are seen). The audit and the keyboard: a11y.ff.ts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Crisis, Mention } from '../../src/core/model/types';
import type { CrisisPage, PageCopyFile } from '../../src/core/messaging/protocol';
import {
  call,
  clickText,
  downloaded,
  inPopup,
  openWindow,
  recordCalls,
  recordedCalls,
  route as routeTo,
  select,
  until,
  useFirefox,
  wipeLog,
} from './fixtures/firefox';

const ff = useFirefox();

const route = (hash: string) => routeTo(ff, hash);

const mentions = async () =>
  (
    await call<{ items: Mention[] }>(ff, 'listMentions', {
      scope: { in: 'all' },
      limit: 50,
      after: null,
    })
  ).items;

const click = (css: string, text: string) => clickText(ff, css, text);
const clickButton = (text: string) => click('button', text);

describe('Vigie in Firefox', () => {
  it('starts its background and opens the crisis log with no error in its console', async () => {
    expect(await call(ff, 'getCounts', {})).toMatchObject({ mentions: 0, openCrises: 0 });
    expect(await ff.log.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Inbox');
    expect(await ff.log.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(ff.errors).toEqual([]);
  });

  it('sees every request made for Vigie, from its background as from its pages', async () => {
    // The control: requests made on purpose from the background and from the log are seen
    // (then forgotten); from then on, the file fails on any request made for Vigie.
    const sink = ff.server.url('nothing.html');
    await ff.log.evaluate(async (sink) => {
      const background = await browser.runtime.getBackgroundPage();
      await background!.fetch(`${sink}?from=background`).catch(() => null);
      await fetch(`${sink}?from=log`).catch(() => null);
    }, sink);
    expect((await ff.sent(true)).sort()).toEqual([`${sink}?from=background`, `${sink}?from=log`]);
    expect(await ff.sent()).toEqual([]);
  });

  it('flags a real selection through the popup, and the log lists it', async () => {
    const article = await openWindow(ff, ff.server.url('article.html?firefox'));
    const quote = await select(article, '#p2');
    await inPopup(ff, (doc) =>
      (doc.querySelector('[data-testid="popup-flag"]') as HTMLButtonElement).click(),
    );
    const [flagged] = await until(mentions, (list) => list.length === 1);
    expect(flagged).toMatchObject({ quote: quote.trim(), kind: 'selection', site: '127.0.0.1' });
    expect(flagged!.selectors?.quote.exact).toBe(quote.trim());
    // The popup lists it for this page; the log's inbox shows it.
    const listed = await inPopup(
      ff,
      (doc) => doc.querySelector('[data-testid="popup-page-mentions"]')?.textContent ?? '',
    );
    expect(listed).toContain(quote.trim());
    await route('#all');
    await until(
      () =>
        ff.log.evaluate(() => document.querySelector('[data-testid="log-mention"]')?.textContent),
      (text) => Boolean(text?.includes(quote.trim())),
    );
    await article.close();
  });

  it('keeps a copy of the page as HTML, Firefox having no MHTML', async () => {
    const article = await openWindow(ff, ff.server.url('article.html?firefox'));
    await inPopup(ff, (doc) =>
      (doc.querySelector('[data-testid="popup-keep-copy"]') as HTMLButtonElement).click(),
    );
    const [mention] = await mentions();
    const copy = await until(
      () => call<PageCopyFile>(ff, 'getPageCopy', { mentionId: mention!.id }).catch(() => null),
      (file) => file !== null,
    );
    expect(copy).toMatchObject({ format: 'html' });
    expect(Buffer.from(copy!.base64, 'base64').toString('utf8')).toContain('<html');
    await article.close();
  });

  it('walks a crisis through its five steps to its report', async () => {
    const article = await openWindow(ff, ff.server.url('article.html?crisis'));
    await select(article, '#p3');
    await inPopup(ff, (doc) =>
      (doc.querySelector('[data-testid="popup-flag-new-crisis"]') as HTMLButtonElement).click(),
    );
    const page = await until(
      () => call<CrisisPage>(ff, 'listCrises', { state: 'open', limit: 5, after: null }),
      (p) => p.items.length === 1,
    );
    const crisis = page.items[0]!;
    await route(`#crisis/${crisis.id}`);
    await ff.log.waitForSelector('.stepper');
    await click('label', 'Stop further damage');
    for (const step of [
      'Assess the damage',
      'Inform the people concerned',
      'Plan and act',
      'Learn and prevent',
    ]) {
      await clickButton(`Next step: ${step}`);
      await until(
        () =>
          ff.log.evaluate(
            () => document.querySelector('.stepper [aria-current="step"]')?.textContent,
          ),
        (text) => Boolean(text?.includes(step)),
      );
    }
    await clickButton('Close the crisis');
    await clickButton('Close anyway');
    await ff.log.waitForSelector('[data-testid="report"]');
    const { crisis: closed } = await call<{ crisis: Crisis }>(ff, 'getCrisis', { id: crisis.id });
    expect(closed).toMatchObject({ state: 'closed', step: 'closed' });
    expect(closed.steps.react).toBe('done');
    const report = await ff.log.evaluate(
      () => document.querySelector('[data-testid="report"]')?.textContent ?? '',
    );
    expect(report).toContain(crisis.title);
    expect(report).toContain('Crisis closed');
    await article.close();
  });

  it('asks for the sites when monitoring is turned on, registers its script, reads pages', async () => {
    await call(ff, 'updateSettings', {
      patch: { watchlist: [{ id: 'lumen', term: 'Lumen Coffee', aliases: ['Lumen'] }] },
    });
    await route('#settings');
    const toggle = '[data-testid="settings-monitoring-switch"]';
    await ff.log.waitForSelector(`${toggle}:not([disabled])`);
    await ff.log.waitForSelector('.settings-section');
    await ff.log.locator(toggle).click();
    await until(
      () => ff.log.evaluate((t) => document.querySelector(t)?.getAttribute('aria-checked'), toggle),
      (state) => state === 'true',
    );
    const scripts = await ff.log.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(scripts).toMatchObject([
      { id: 'vigie-monitor', js: ['monitor-start.js'], matches: ['<all_urls>'] },
    ]);
    expect(
      await ff.log.evaluate(() => chrome.permissions.contains({ origins: ['<all_urls>'] })),
    ).toBe(true);

    // A page with the watched terms: the popup lists what monitoring read there.
    const article = await openWindow(ff, ff.server.url('article.html?watched'));
    const sentences = await until(
      () =>
        inPopup(ff, (doc) =>
          [...doc.querySelectorAll('[data-testid="popup-sighting-sentence"]')].map(
            (sentence) => sentence.textContent,
          ),
        ),
      (list) => list.length === 4,
    );
    // The page's four sentences with Lumen in them, most negative first.
    expect(sentences.slice(0, 2)).toEqual([
      '“Lumen is a scam.”',
      '“I said it before: Lumen is a scam.”',
    ]);
    expect(sentences).toContain('“We tried Lumen Coffee”');
    await article.close();
    expect(ff.errors).toEqual([]);
  });
  it('downloads a full backup that, after the log is wiped, restores every record', async () => {
    const before = {
      mentions: await mentions(),
      crises: (await call<CrisisPage>(ff, 'listCrises', { state: 'all', limit: 50, after: null }))
        .items,
    };
    expect(before.mentions.length).toBeGreaterThan(1);
    await route('#backup');
    const text = await downloaded(ff, () => clickButton('Download a full backup (JSON)'));
    expect(JSON.parse(text)).toMatchObject({ format: 'vigie-backup' });

    // Every store emptied, as a lost profile would be.
    await wipeLog(ff.log);
    expect(await mentions()).toEqual([]);

    const path = join(mkdtempSync(join(tmpdir(), 'vigie-ff-backup-')), 'backup.json');
    writeFileSync(path, text);
    // The background reads the chosen file itself (importStageFile): no record is sent in
    // pages (importStage), as happens only where it cannot (private.ff.ts).
    await recordCalls(ff.log);
    const input = (await ff.log.waitForSelector('input[type="file"]'))!;
    await input.uploadFile(path);
    await ff.log.waitForSelector('[data-testid="backup-preview"]');
    const calls = await recordedCalls(ff.log);
    expect(calls).toContain('importStageFile');
    expect(calls).not.toContain('importStage');
    await ff.log.locator('[data-testid="backup-import"]').click();
    await ff.log.waitForSelector('[data-testid="backup-import-done"]');
    expect(await mentions()).toEqual(before.mentions);
    expect(
      (await call<CrisisPage>(ff, 'listCrises', { state: 'all', limit: 50, after: null })).items,
    ).toEqual(before.crises);
    expect(ff.errors).toEqual([]);
  });

  it('sent nothing out of the browser through all of it', async () => {
    expect(await ff.sent()).toEqual([]);
  });
});
