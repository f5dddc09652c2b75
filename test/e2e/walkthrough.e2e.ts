/**
 * One crisis from the first right-click to the closed report, through the five steps, the way a
 * user walks it in the crisis log: every step's tools used, a screenshot of each, the report
 * checked on screen, on paper, as Markdown and as an HTML page, and the crisis reopened.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Crisis, CrisisEvent } from '../../src/core/model/types';
import { CrisisLog } from './fixtures/crisis-log';
import { call, flagSelection, openCrises, openTab, until, useVigie } from './fixtures/vigie';

const session = useVigie();

describe('a crisis walked through the five steps', () => {
  it(
    'goes from flag-into-new-crisis to a closed report, and reopens',
    { timeout: 90_000 },
    async () => {
      const { vigie, server } = session;

      // The directory in the settings: the boss is a key stakeholder of every new crisis.
      const log = await CrisisLog.open(vigie, '#settings');
      const { page } = log;
      const directory = page.getByRole('region', { name: 'Stakeholder directory' });
      await directory.getByRole('button', { name: 'Add a person' }).click();
      await directory.getByLabel('Name', { exact: true }).fill('Jane Boss');
      await directory.getByLabel('Role').selectOption('boss');
      await directory.getByLabel('Channel').fill('email');
      await directory.getByLabel('Contact').fill('jane@example.com');
      await directory.getByLabel('Key stakeholder').check();
      await directory.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => directory.textContent()).toContain('Jane Boss');
      await log.screenshot('walk-0-settings');

      // Right-click → "Flag into a new crisis" on a damaging sentence.
      const article = await openTab(vigie, server.url('article.html?walk'));
      await flagSelection(
        vigie,
        article,
        '#p1',
        'charged us twice for the same order',
        'flag-into-new-crisis',
      );
      const [summary] = await until(
        () => openCrises(vigie),
        (list) => list.length === 1,
      );
      const title = summary!.title;
      await page.bringToFront();
      await log.navigate('Crises');
      await log.openCrisis(title);

      const next = (step: string) =>
        page.getByRole('button', { name: `Next step: ${step}` }).click();
      const current = () => page.locator('.stepper [aria-current="step"]').textContent();

      // 1. React: the countdown runs; stop the damage first, then a temporary fix.
      await expect.poll(() => page.getByRole('timer').textContent()).toMatch('left');
      await page.getByRole('checkbox', { name: /^Stop further damage/ }).check();
      await page.getByRole('checkbox', { name: /^Put a temporary fix/ }).check();
      expect(await page.getByRole('checkbox', { name: /^Stop further damage/ }).isChecked()).toBe(
        true,
      );
      await log.screenshot('walk-1-react');
      await next('Assess the damage');
      await expect.poll(current).toContain('Assess the damage');

      // 2. Assess: one damage row; Vigie suggests a level, applied in one click.
      await page.getByRole('button', { name: 'Add an affected area' }).click();
      await page.getByLabel('Affected area').selectOption('customers');
      await page.getByLabel('Damage degree (1–5)').selectOption('4');
      await page.getByLabel('Estimated repair cost').fill('2400');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect
        .poll(() => page.getByRole('list', { name: 'What to treat first' }).textContent())
        .toMatch('Customers');
      await page.getByRole('button', { name: 'Apply this level' }).click();
      await expect.poll(() => page.locator('.level-select').inputValue()).toBe('3');
      await log.screenshot('walk-2-assess');
      await next('Inform the people concerned');

      // 3. Inform: the boss comes from the directory, flagged until informed.
      await page.getByTestId('inform-waiting').waitFor();
      const message = await page.getByRole('textbox', { name: 'Message' }).inputValue();
      expect(message).toContain(title);
      await page.getByRole('button', { name: 'Mark informed' }).click();
      await page.getByTestId('inform-waiting').waitFor({ state: 'detached' });
      await log.screenshot('walk-3-inform');
      await next('Plan and act');

      // 4. Plan: the unrepaired damage and the temporary fix are flagged; a repair for each.
      await page
        .getByText(/Temporary fix still to replace/)
        .first()
        .waitFor();
      await page.getByRole('button', { name: 'Plan a repair' }).first().click();
      await page.getByLabel('What').fill('Refund every double charge');
      await page.getByLabel('Owner').fill('Lea');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Refund every double charge', { exact: true }).waitFor();
      // The damage is repaired; the temporary fix still waits for a lasting repair.
      const repairs = page.getByRole('button', { name: 'Plan a repair' });
      await expect.poll(() => repairs.count()).toBe(1);
      await repairs.click();
      await page.getByLabel('What').fill('Fix the payment batch for good');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => repairs.count()).toBe(0);
      // Acted: both actions carried out (the step is done only once they are).
      for (const what of ['Refund every double charge', 'Fix the payment batch for good']) {
        await page
          .getByRole('listitem')
          .filter({ hasText: what })
          .getByRole('combobox', { name: 'Status' })
          .selectOption('done');
      }
      await page.getByRole('button', { name: 'Add an apology to make' }).click();
      await page.getByLabel('Affected party').fill('Customers charged twice');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('button', { name: 'Mark apologised' }).click();
      await page.getByRole('button', { name: 'Log this update as sent' }).click();
      await expect
        .poll(() => page.locator('.journal').first().textContent())
        .toMatch('where we stand');
      await log.screenshot('walk-4-plan');
      await next('Learn and prevent');

      // 5. Learn: the post-mortem, saved.
      await page.getByLabel('What happened').fill('A payment batch ran twice on 12 November.');
      await page.getByLabel('Why? (1)').fill('The batch job had no lock.');
      await page.getByRole('combobox', { name: /^Root cause/ }).selectOption('process');
      await page.getByLabel(/New watch terms/).fill('double charge');
      await page.getByRole('button', { name: 'Save' }).click();
      await log.screenshot('walk-5-learn');
      // Closing, after the post-mortem, says what is still open first: two containment items.
      await page.getByRole('button', { name: 'Close the crisis' }).click();
      const loose = page.getByTestId('close-loose-ends');
      await expect.poll(() => loose.textContent()).toMatch('2 containment items not done');
      await log.screenshot('walk-5-loose-ends');
      await page.getByRole('button', { name: 'Close anyway' }).click();

      // The report, on screen.
      const report = page.getByTestId('report');
      await report.waitFor();
      await report.getByRole('heading', { name: title }).waitFor();
      const metrics = report.locator('[data-section="metrics"]');
      await expect
        .poll(() => metrics.textContent())
        .toMatch('Time to react (first containment action)');
      await expect.poll(() => metrics.textContent()).toMatch('Met');
      await expect
        .poll(() => report.locator('[data-section="informed"]').textContent())
        .toMatch('Jane Boss (key)');
      await expect
        .poll(() => report.locator('[data-section="assessment"]').textContent())
        .toMatch('€2,400');
      await expect
        .poll(() => report.locator('[data-section="lessons"]').textContent())
        .toMatch('The batch job had no lock.');
      await expect
        .poll(() => report.locator('[data-section="timeline"]').textContent())
        .toMatch('Crisis closed');
      await log.screenshot('walk-6-report');

      // On paper: the log's navigation and buttons are gone, the report stays.
      await page.emulateMedia({ media: 'print' });
      await page.getByRole('navigation').waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: 'Reopen' }).waitFor({ state: 'hidden' });
      await report.waitFor();
      await log.screenshot('walk-6-report-print');
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await page.emulateMedia({ media: 'screen' });

      // As Markdown, downloaded.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download Markdown' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^vigie-.+\.md$/);
      const markdown = readFileSync((await download.path())!, 'utf8');
      expect(markdown).toContain('## Metrics');
      expect(markdown).toMatch(/\| Jane Boss \(key\) \| Boss \|/);

      // As an HTML page of its own, which opens, styled, with nothing to load.
      const [htmlFile] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download HTML page' }).click(),
      ]);
      expect(htmlFile.suggestedFilename()).toMatch(/^vigie-.+\.html$/);
      // Saved under its own name: a file without an extension opens as plain text.
      const htmlDir = mkdtempSync(join(tmpdir(), 'vigie-report-'));
      const htmlPath = join(htmlDir, 'report.html');
      await htmlFile.saveAs(htmlPath);
      const saved = await page.context().newPage();
      await saved.goto(pathToFileURL(htmlPath).href);
      expect(await saved.title()).toBe(title);
      expect(await saved.locator('meta[charset]').getAttribute('charset')).toBe('utf-8');
      expect(await saved.locator('body').evaluate((b) => getComputedStyle(b).maxWidth)).toBe(
        '1024px',
      );
      await saved.locator('[data-section="timeline"]').getByText('Crisis closed').waitFor();
      await saved.close();
      rmSync(htmlDir, { recursive: true });

      // Reopened from the report: back to step 5, journaled.
      await page.getByRole('button', { name: 'Reopen' }).click();
      await report.waitFor({ state: 'detached' });
      const { crisis, events } = await call<{ crisis: Crisis; events: CrisisEvent[] }>(
        vigie,
        'getCrisis',
        { id: summary!.id },
      );
      expect(crisis).toMatchObject({ state: 'open', step: 'learn', level: 3 });
      expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['closed', 'reopened']));
      // Every step walked stays marked done: going back to one does not undo the journal.
      expect(crisis.steps).toEqual({
        react: 'done',
        assess: 'done',
        inform: 'done',
        plan: 'done',
        learn: 'done',
      });

      // The charts count it: one level-3 crisis, its reaction target met.
      await log.navigate('Charts');
      const metrics3 = page.getByTestId('charts-metrics').getByRole('row', { name: /^3 · Crisis/ });
      await expect.poll(() => metrics3.textContent()).toMatch('100 % (1 of 1)');
      await expect
        .poll(() => page.getByTestId('charts-flag-total').textContent())
        .toBe('1 flag over the last 30 days.');
      await log.screenshot('walk-7-charts');
      await log.close();
    },
  );
});
