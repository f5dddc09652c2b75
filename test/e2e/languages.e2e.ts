/**
 * Vigie in French, as a French user meets it: the pages say their language, counts are said in
 * real plural forms, and the built-in texts of a crisis (its containment items) follow the
 * language Vigie is used in, while what the user wrote stays as written.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  extensionUrl,
  flagSelection,
  openCrises,
  openTab,
  until,
  useVigie,
} from './fixtures/vigie';

const session = useVigie({ lang: 'fr' });

/** The crisis log at `route`, painted. */
async function logAt(route: string): Promise<Page> {
  const page = await session.vigie.context.newPage();
  await page.goto(extensionUrl(session.vigie, `dashboard/index.html${route}`));
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

describe('in French', () => {
  it('says the page’s language, counts in real plural forms, and built-in texts follow the language', async () => {
    const { vigie, server } = session;
    const article = await openTab(vigie, server.url('article.html?fr'));
    await flagSelection(vigie, article, '#p2', 'stale by noon', 'flag-into-new-crisis');
    const [crisis] = await until(
      () => openCrises(vigie),
      (list) => list.length === 1,
    );
    const log = await logAt(`#crisis/${crisis!.id}`);
    await log.getByRole('heading', { level: 1 }).waitFor();
    expect(await log.evaluate(() => document.documentElement.lang)).toBe('fr');
    await expect
      .poll(() =>
        log
          .getByRole('checkbox')
          .first()
          .evaluate((box) => box.parentElement?.textContent?.trim() ?? ''),
      )
      .toMatch(/^Arrêter les dégâts/);
    const stepper = await log.locator('.stepper').textContent();
    expect(stepper).toMatch('À faire');
    expect(stepper).not.toMatch(/To do|Done|In progress/);
    // Counts in words, never "(s)".
    const text = await log.evaluate(() => document.body.innerText);
    expect(text).not.toMatch(/\p{L}\((s|es|x)\)/u);
    expect(text).toMatch('0 mention pas encore examinée');

    // The mentions as CSV open in one click in a French spreadsheet: semicolons, and a BOM.
    await log.getByRole('navigation').getByRole('link', { name: 'Sauvegarde et import' }).click();
    expect(await log.getByTestId('backup-csv-dialect').inputValue()).toBe('semicolon');
    const [csv] = await Promise.all([
      log.waitForEvent('download'),
      log.getByRole('button', { name: 'Mentions en CSV' }).click(),
    ]);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText.startsWith('\ufeffid;capturedAt;site;url;')).toBe(true);
    await log.close();

    // The same log read in English: the built-in containment items are in English now.
    await session.restart('en-US');
    const english = await session.vigie.context.newPage();
    await english.goto(extensionUrl(session.vigie, `dashboard/index.html#crisis/${crisis!.id}`));
    await english.waitForSelector('body[data-ready="true"]');
    expect(await english.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect
      .poll(() =>
        english
          .getByRole('checkbox')
          .first()
          .evaluate((box) => box.parentElement?.textContent?.trim() ?? ''),
      )
      .toMatch(/^Stop further damage/);
    await english.close();
  });
});
