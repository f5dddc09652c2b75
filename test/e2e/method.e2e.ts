/**
 * The method tells the truth, in the crisis log as a user walks it: a step left with nothing
 * done stays in progress and no reaction is counted; a step is marked done or skipped on the
 * user's word only, with their reason journaled.
 */
import { describe, expect, it } from 'vitest';
import { CrisisLog } from './fixtures/crisis-log';
import { ActionPopup } from './fixtures/popup';
import { flagSelection, openCrises, openTab, stored, until, useVigie } from './fixtures/vigie';

const session = useVigie();

describe('the five steps, truthfully', () => {
  it('leaves a step in progress when nothing was done, and counts no reaction', async () => {
    const { vigie, server } = session;
    const article = await openTab(vigie, server.url('article.html?truth'));
    await flagSelection(vigie, article, '#p2', 'stale by noon', 'flag-into-new-crisis');
    const [summary] = await until(
      () => openCrises(vigie),
      (list) => list.length === 1,
    );
    const log = await CrisisLog.open(vigie, `#crisis/${summary!.id}`);
    const { page } = log;
    const stepper = page.locator('.stepper');
    await page.getByRole('heading', { level: 1 }).waitFor();

    // Nothing ticked in step 1, and on to step 2: step 1 is in progress, not done.
    await page.getByRole('button', { name: 'Next step: Assess the damage' }).click();
    await expect
      .poll(() => stepper.locator('[aria-current="step"]').textContent())
      .toMatch('Assess');
    expect(await stepper.getByRole('listitem').first().textContent()).toBe(
      '1. React fastIn progress',
    );
    const journal = page.locator('.journal');
    await expect.poll(() => journal.textContent()).toMatch('Step: React fast → Assess the damage');
    expect(await journal.textContent()).not.toMatch('Step done');

    // The charts count no reaction: never a target met.
    await log.navigate('Charts');
    const level2 = page.getByTestId('charts-metrics').getByRole('row', { name: /^2 · Alert/ });
    await expect.poll(() => level2.textContent()).toBe('2 · Alert1————1');

    // Back to step 1: marked done on the user's word, with the reason journaled.
    await log.navigate('Crises');
    await log.openCrisis(summary!.title);
    await stepper.getByRole('button', { name: /^1\. React fast/ }).click();
    await page.getByTestId('step-mark-done').click();
    await page.getByLabel(/why does it count as done/).fill('The host took the page down at 9:10.');
    await page.getByTestId('step-mark-confirm').click();
    await expect
      .poll(() => stepper.getByRole('listitem').first().textContent())
      .toBe('1. React fastDone');
    await expect
      .poll(() => journal.textContent())
      .toMatch('Step done: React fast — “The host took the page down at 9:10.”');
    await log.screenshot('method-step-marked');
    await log.close();
  });

  it('names a new crisis after its page, and renames it at any time, journaled', async () => {
    const { vigie, server } = session;
    const article = await openTab(vigie, server.url('article.html?named'));
    await flagSelection(vigie, article, '#p3', 'this place is a scam', 'flag-into-new-crisis');
    const crises = await until(
      () => openCrises(vigie),
      (list) => list.length === 2,
    );
    const named = crises.find((c) => c.title === 'Lumen Coffee review | Test Gazette');
    expect(named).toBeDefined();
    const log = await CrisisLog.open(vigie, `#crisis/${named!.id}`);
    const { page } = log;
    await page.getByRole('heading', { level: 1, name: named!.title }).waitFor();
    await page.getByTestId('crisis-rename').click();
    const field = page.getByLabel('Name of the crisis');
    // The name offered is selected: typing replaces it.
    await expect
      .poll(() => field.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd]))
      .toEqual([0, named!.title.length]);
    await page.keyboard.type('Lumen double-charge complaints');
    await page.getByTestId('crisis-rename-save').click();
    await page.getByRole('heading', { level: 1, name: 'Lumen double-charge complaints' }).waitFor();
    await expect
      .poll(() => page.locator('.journal').textContent())
      .toMatch('Renamed “Lumen double-charge complaints”');
    await log.close();
  });

  it('leads somewhere after each action: a new crisis opens, a move says where, the popup’s count opens the inbox', async () => {
    const { vigie, server } = session;
    const article = await openTab(vigie, server.url('article.html?leads'));
    await flagSelection(vigie, article, '#p4', 'bright and pleasant');
    await stored(vigie, (m) => m.quote === 'bright and pleasant');
    await flagSelection(vigie, article, '#p2', 'loyalty app wiped our points');
    await stored(vigie, (m) => m.quote === 'loyalty app wiped our points');
    const log = await CrisisLog.open(vigie, '#inbox');
    const { page } = log;
    await log.check('bright and pleasant');
    await page.getByTestId('log-create-crisis').click();
    await page.getByLabel('Crisis title').fill('Loyalty points lost');
    await page.getByTestId('log-create-crisis-confirm').click();
    // The new crisis opens, its name focused.
    const heading = page.getByRole('heading', { level: 1, name: 'Loyalty points lost' });
    await heading.waitFor();
    expect(page.url()).toMatch(/#crisis\/[\w-]+$/);
    await expect.poll(() => heading.evaluate((h) => h === document.activeElement)).toBe(true);

    // A move says what moved, and where.
    await log.navigate('Inbox');
    await log.check('loyalty app wiped our points');
    await log.moveChecked('Loyalty points lost');
    await expect
      .poll(() => page.locator('.toast').textContent())
      .toMatch('1 mention moved into “Loyalty points lost”.');
    await log.close();

    // The popup's count of mentions to triage opens the inbox.
    await flagSelection(vigie, article, '#p1', 'still hasn');
    await stored(vigie, (m) => m.quote === 'still hasn');
    const popup = await ActionPopup.open(vigie, article.page);
    const pages = vigie.context.pages().length;
    const opened = vigie.context.waitForEvent('page');
    await popup.click('popup-untriaged');
    const inbox = await opened;
    await inbox.waitForLoadState();
    expect(inbox.url()).toMatch(/dashboard\/index\.html#inbox$/);
    expect(vigie.context.pages().length).toBe(pages + 1);
    await inbox.close();
  });
});
