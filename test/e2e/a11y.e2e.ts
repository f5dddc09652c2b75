/**
 * Accessibility, audited: axe-core on every screen and state of the crisis log and the popup —
 * inbox, all mentions, today, crises, each of the five steps with its form open, the journal's
 * note form, the evidence panel, the report, charts, backup and import with a preview, settings
 * with a form open, the real popup with mentions — in English and in French, light and dark. Any
 * violation, of any impact, fails the test, listed screen by screen.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, type Evaluates } from './fixtures/axe';
import { CrisisLog } from './fixtures/crisis-log';
import { ActionPopup } from './fixtures/popup';
import { LIST_ROUTES, STEP_FORMS } from './fixtures/screens';
import { words } from './fixtures/words';
import {
  allMentions,
  flagSelection,
  openCrises,
  openTab,
  until,
  useVigie,
  type Session,
} from './fixtures/vigie';

type Scheme = 'light' | 'dark';

/** Every screen and state, audited in one color scheme; the violations found. */
async function walk(session: Session, lang: 'en' | 'fr', scheme: Scheme): Promise<string[]> {
  const { vigie, server } = session;
  const m = words(lang);
  const found: string[] = [];
  const log = await CrisisLog.open(vigie, '#inbox');
  const { page } = log;
  await page.emulateMedia({ colorScheme: scheme });
  const check = async (screen: string, target: Evaluates = page) =>
    found.push(...(await audit(target, `${lang}/${scheme}/${screen}`)));
  const show = async (hash: string) => {
    await page.evaluate((hash) => (location.hash = hash), hash);
    await page.locator('h1').first().waitFor();
    await page.waitForTimeout(200);
  };
  const click = (name: string) => page.getByRole('button', { name, exact: true }).first().click();

  await check('inbox');
  await page.getByTestId('log-mention-evidence').first().click();
  await page.waitForTimeout(200);
  await check('evidence panel');
  for (const hash of LIST_ROUTES) {
    await show(hash);
    await check(hash.slice(1));
  }

  const [crisis] = await openCrises(vigie);
  await show(`#crisis/${crisis!.id}`);
  const steps = page.locator('.stepper button');
  const forms = STEP_FORMS;
  for (const n of [1, 2, 3, 4, 5]) {
    await steps.nth(n - 1).click();
    await page.locator('.stepper [aria-current="step"]').getByText(`${n}.`).waitFor();
    await check(`step ${n}`);
    if (forms[n]) {
      await click(m(forms[n]!));
      await page.waitForTimeout(150);
      await check(`step ${n}, form open`);
      if (n !== 5) await page.keyboard.press('Escape');
    }
  }
  await page.getByTestId('journal-add-note').click();
  await check('journal note form');
  await page.keyboard.press('Escape');
  await click(m('crisisClose'));
  if (await page.getByTestId('close-loose-ends').count()) await click(m('crisisCloseAnyway'));
  await page.getByTestId('report').waitFor();
  await check('report');
  await steps.nth(4).click();

  await show('#settings');
  await check('settings');
  await click(m('settingsDirectoryAdd'));
  await check('settings, person form open');
  await page.keyboard.press('Escape');

  await show('#backup');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    click(m('backupExportJson')),
  ]);
  const file = join(tmpdir(), `vigie-a11y-${Date.now()}.json`);
  writeFileSync(file, readFileSync((await download.path())!));
  await page.getByTestId('backup-file').setInputFiles(file);
  await page.getByTestId('backup-preview').waitFor();
  await check('backup, preview');

  // The real popup over the article, audited in its own page.
  const article = await openTab(vigie, server.url('article.html?a11y'));
  const popup = await ActionPopup.open(vigie, article.page);
  const real = await popup.keys();
  await real.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await check('popup, with mentions', real);
  await popup.close();
  await article.page.close();
  await page.close();
  return found;
}

/** A log with mentions in the inbox and a crisis of its own. */
async function seed(session: Session): Promise<void> {
  const { vigie, server } = session;
  const article = await openTab(vigie, server.url('article.html?a11y'));
  await flagSelection(vigie, article, '#p3', 'this place is a scam', 'flag-into-new-crisis');
  await until(
    () => openCrises(vigie),
    (list) => list.length === 1,
  );
  await flagSelection(vigie, article, '#p2', 'stale by noon', 'flag-mention');
  await until(
    () => allMentions(vigie),
    (list) => list.length === 2,
  );
  await article.page.close();
}

for (const lang of ['en', 'fr'] as const) {
  describe(`accessibility, ${lang === 'en' ? 'in English' : 'in French'}`, () => {
    const session = useVigie({ lang: lang === 'en' ? 'en-US' : 'fr' });
    it('finds no violation on any screen, light or dark', { timeout: 180_000 }, async () => {
      await seed(session);
      const found = [
        ...(await walk(session, lang, 'light')),
        ...(await walk(session, lang, 'dark')),
      ];
      expect(found).toEqual([]);
    });
  });
}
