/**
 * Accessibility in Firefox: axe-core on every screen and state, as the Chromium audit does —
 * inbox, evidence panel, all mentions, today, crises, charts, each of the five steps and its
 * form open, the journal's note form, the report, settings with a form open, backup with an
 * import preview, the popup with mentions — in English and French, light and dark; and the
 * keyboard paths: the skip link first, the focus on each new screen's heading, and the
 * shortest path from a flagged mention to its crisis's first containment item.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { CrisisPage } from '../../src/core/messaging/protocol';
import { audit } from '../e2e/fixtures/axe';
import { focusedElement, LIST_ROUTES, NAV_SCREENS, STEP_FORMS } from '../e2e/fixtures/screens';
import { words } from '../e2e/fixtures/words';
import {
  call,
  clickText,
  downloaded,
  inPopup,
  openExtensionPage,
  openWindow,
  route,
  select,
  until,
  useFirefox,
  type Firefox,
} from './fixtures/firefox';

type Scheme = 'light' | 'dark';

const crises = async (ff: Firefox) =>
  (await call<CrisisPage>(ff, 'listCrises', { state: 'all', limit: 5, after: null })).items;

/** A log with a mention in the inbox and a crisis of its own, flagged through the popup. */
async function seed(ff: Firefox): Promise<void> {
  const before = await call<{ mentions: number; openCrises: number }>(ff, 'getCounts', {});
  const article = await openWindow(ff, ff.server.url('article.html?a11y'));
  await select(article, '#p3');
  await inPopup(ff, (doc) =>
    (doc.querySelector('[data-testid="popup-flag-new-crisis"]') as HTMLButtonElement).click(),
  );
  await until(
    () => crises(ff),
    (list) => list.length === before.openCrises + 1,
  );
  await select(article, '#p2');
  await inPopup(ff, (doc) =>
    (doc.querySelector('[data-testid="popup-flag"]') as HTMLButtonElement).click(),
  );
  await until(
    () => call<{ mentions: number }>(ff, 'getCounts', {}),
    (counts) => counts.mentions === before.mentions + 2,
  );
  await article.close();
}

/** Every screen and state of the log and the popup, audited in one scheme: what was found. */
async function walk(ff: Firefox, lang: 'en' | 'fr', scheme: Scheme): Promise<string[]> {
  const m = words(lang);
  const { log } = ff;
  await ff.scheme(scheme);
  // The audit's colours are the scheme's: the pages show it.
  expect(await log.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
    scheme === 'dark',
  );
  const found: string[] = [];
  const check = async (screen: string, page: Page = log) => {
    await new Promise((r) => setTimeout(r, 250));
    found.push(...(await audit(page, `firefox/${lang}/${scheme}/${screen}`)));
  };
  const show = async (hash: string) => {
    await route(ff, hash);
    await log.waitForSelector('main h1');
  };
  const click = (text: string) => clickText(ff, 'button', text);
  const escape = () => log.keyboard.press('Escape');

  // From another screen: the inbox reads its list as it opens.
  await show('#today');
  await show('#inbox');
  await check('inbox');
  await log.locator('[data-testid="log-mention-evidence"]').click();
  await check('evidence panel');
  for (const hash of LIST_ROUTES) {
    await show(hash);
    await check(hash.slice(1));
  }

  const [crisis] = await crises(ff);
  await show(`#crisis/${crisis!.id}`);
  const forms = STEP_FORMS;
  for (const n of [1, 2, 3, 4, 5]) {
    await (await log.$$('.stepper button'))[n - 1]!.click();
    await log.waitForFunction(
      (n) => document.querySelector('.stepper [aria-current="step"]')?.textContent?.includes(n),
      {},
      `${n}.`,
    );
    await check(`step ${n}`);
    if (forms[n]) {
      await click(m(forms[n]!));
      await check(`step ${n}, form open`);
      if (n !== 5) await escape();
    }
  }
  await log.locator('[data-testid="journal-add-note"]').click();
  await check('journal note form');
  await escape();
  // Closed (again: a closed crisis's stepper reopens it at the step clicked).
  await click(m('crisisClose'));
  await log.waitForSelector('[data-testid="report"], [data-testid="close-loose-ends"]');
  if (await log.$('[data-testid="close-loose-ends"]')) await click(m('crisisCloseAnyway'));
  await log.waitForSelector('[data-testid="report"]');
  await check('report');

  await show('#settings');
  await check('settings');
  await click(m('settingsDirectoryAdd'));
  await check('settings, person form open');
  await escape();

  await show('#backup');
  const backup = await downloaded(ff, () => click(m('backupExportJson')));
  const file = join(mkdtempSync(join(tmpdir(), 'vigie-ff-a11y-')), 'backup.json');
  writeFileSync(file, backup);
  const input = await log.waitForSelector('[data-testid="backup-file"]');
  await (input as ElementHandle<HTMLInputElement>).uploadFile(file);
  await log.waitForSelector('[data-testid="backup-preview"]');
  await check('backup, preview');

  // The real popup over the article, its state copied into a tab of its own page (opened
  // first: a tab opened afterwards would close the popup) to be audited there.
  const copy = await openExtensionPage(ff, 'popup/index.html');
  const article = await openWindow(ff, ff.server.url('article.html?a11y'));
  await inPopup(ff, () => true);
  await copy.evaluate(() => {
    const [view] = chrome.extension.getViews({ type: 'popup' });
    document.body.replaceWith(document.importNode(view!.document.body, true));
  });
  await check('popup, with mentions', copy);
  await copy.close();
  await article.close();
  await log.bringToFront();
  return found;
}

const focused = (page: Page) => page.evaluate(focusedElement);

/** The keyboard alone in the crisis log, as the Chromium suite walks it. */
function keyboardPaths(ff: Firefox): void {
  it('skips to the main content first, and starts each new screen at its heading', async () => {
    const { log } = ff;
    await log.bringToFront();
    await route(ff, '#inbox');
    // As the log opens: the first Tab stop is the skip link.
    await log.evaluate(() => location.reload());
    await log.waitForSelector('body[data-ready="true"]');
    await log.keyboard.press('Tab');
    expect(await focused(log)).toEqual({ tag: 'a', text: 'Skip to main content' });
    await log.keyboard.press('Enter');
    expect(await focused(log)).toEqual({ tag: 'h1', text: 'Inbox' });
    for (const [link, heading] of NAV_SCREENS) {
      await log.evaluate((link) => {
        const links = [...document.querySelectorAll<HTMLAnchorElement>('nav a')];
        links.find((a) => a.textContent?.trim().startsWith(link))!.focus();
      }, link);
      await log.keyboard.press('Enter');
      await until(
        () => focused(log),
        (f) => f.tag === 'h1' && f.text === heading,
      );
    }
  });

  it('goes from a flagged mention to its crisis’s first containment item in a few keys', async () => {
    const article = await openWindow(ff, ff.server.url('article.html?keyboard'));
    await select(article, '#p4');
    await inPopup(ff, (doc) =>
      (doc.querySelector('[data-testid="popup-flag"]') as HTMLButtonElement).click(),
    );
    await until(
      () => call<{ untriaged: number }>(ff, 'getCounts', {}),
      (counts) => counts.untriaged === 1,
    );
    await article.close();
    const { log } = ff;
    await log.bringToFront();
    await route(ff, '#today');
    await route(ff, '#inbox');
    await log.evaluate(() => location.reload());
    await log.waitForSelector('body[data-ready="true"]');

    let keys = 0;
    const press = async (key: string, shift = false) => {
      keys += 1;
      if (shift) await log.keyboard.down('Shift');
      await log.keyboard.press(key as never);
      if (shift) await log.keyboard.up('Shift');
    };
    const tabTo = async (match: (f: { tag: string; text: string }) => boolean, back = false) => {
      for (let i = 0; i < 80 && !match(await focused(log)); i++) await press('Tab', back);
      expect(await focused(log)).toSatisfy(match);
    };
    await press('Tab');
    await press('Enter');
    await tabTo((f) => f.tag === 'input' && /room itself is bright/.test(f.text));
    await press(' ');
    await tabTo((f) => f.text === 'Create a crisis from selection', true);
    await press('Enter');
    await press('Enter');
    await until(
      () => focused(log),
      (f) => f.tag === 'h1',
    );
    await tabTo((f) => f.tag === 'input' && /^Stop further damage/.test(f.text));
    await press(' ');
    await until(
      () =>
        log.evaluate(() => (document.activeElement as HTMLInputElement | null)?.checked === true),
      (checked) => checked,
    );
    console.log(`firefox_keyboard_flag_to_first_containment_keys ${keys} keys`);
    expect(keys).toBeLessThanOrEqual(24);
  });
}

for (const lang of ['en', 'fr'] as const) {
  describe(`Firefox, ${lang === 'en' ? 'in English' : 'in French'}`, () => {
    const ff = useFirefox({ lang });

    if (lang === 'en') {
      it('has an audit that bites: a field planted without a label is found', async () => {
        await ff.log.evaluate(() => {
          const probe = document.createElement('input');
          probe.id = 'axe-probe';
          document.querySelector('main')!.append(probe);
        });
        expect((await audit(ff.log, 'probe')).join('\n')).toMatch(
          /label \(critical\) at #axe-probe/,
        );
        await ff.log.evaluate(() => document.getElementById('axe-probe')?.remove());
      });
      keyboardPaths(ff);
    }

    it(
      'finds no accessibility violation on any screen, light or dark',
      { timeout: 180_000 },
      async () => {
        await seed(ff);
        const found = [...(await walk(ff, lang, 'light')), ...(await walk(ff, lang, 'dark'))];
        expect(found).toEqual([]);
      },
    );
  });
}
