/**
 * The method tells the truth, in the crisis log as a user walks it: a step left with nothing
 * done stays in progress and no reaction is counted; a step is marked done or skipped on the
 * user's word only, with their reason journaled. And the smaller truths: what accepting a
 * damage does, what an action replaces, apologies and informing that can be undone, a repeat
 * warning only for what repeats, Markdown with no stray backslash, settings that are not lost.
 */
import { readFileSync } from 'node:fs';
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

  it(
    'tells the smaller truths: accepted damage, replaced fixes, undoable apologies, true repeats',
    { timeout: 90_000 },
    async () => {
      const { vigie, server } = session;
      const before = new Set((await openCrises(vigie)).map((c) => c.id));
      const article = await openTab(vigie, server.url('article.html?truths'));
      await flagSelection(
        vigie,
        article,
        '#p1',
        'charged us twice for the same order',
        'flag-into-new-crisis',
      );
      const crises = await until(
        () => openCrises(vigie),
        (list) => list.length === before.size + 1,
      );
      const fresh = crises.find((c) => !before.has(c.id))!;
      const log = await CrisisLog.open(vigie, `#crisis/${fresh.id}`);
      const { page } = log;
      await page.getByRole('heading', { level: 1 }).waitFor();
      // Its own story, on the same site as every earlier crisis of this session.
      const title = '2026. Cold cappuccino at the Lyon shop';
      await page.getByTestId('crisis-rename').click();
      await page.keyboard.type(title);
      await page.getByTestId('crisis-rename-save').click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      const next = (step: string) =>
        page.getByRole('button', { name: `Next step: ${step}` }).click();
      const save = () => page.locator('form.edit').getByRole('button', { name: 'Save' }).click();

      await page.getByRole('checkbox', { name: /^Stop further damage/ }).check();
      await page.getByRole('checkbox', { name: /^Put a temporary fix/ }).check();
      await next('Assess the damage');
      for (const [area, degree] of [
        ['customers', '3'],
        ['press', '2'],
      ] as const) {
        await page.getByRole('button', { name: 'Add an affected area' }).click();
        await page.getByLabel('Affected area').selectOption(area);
        await page.getByLabel('Damage degree (1–5)').selectOption(degree);
        await save();
        await page.getByRole('button', { name: 'Add an affected area' }).waitFor();
      }
      await next('Inform the people concerned');

      // Informed by mistake: the button says it undoes.
      await page.getByRole('button', { name: 'Add someone to inform' }).click();
      await page.getByLabel('Name', { exact: true }).fill('Paul Ranc');
      await save();
      await page.getByRole('button', { name: 'Mark informed' }).click();
      await page.getByRole('button', { name: 'Undo: not informed yet' }).click();
      await page.getByRole('button', { name: 'Mark informed' }).waitFor();
      await next('Plan and act');

      // Accepting a damage says what it does, and the accepted row stays in view, undoable.
      const press = page.locator('p.error', { hasText: 'No action repairs “Press” yet.' });
      const accept = press.getByRole('button', { name: 'Accept without repair' });
      expect(await accept.getAttribute('title')).toMatch('no action will repair this damage');
      await accept.click();
      const accepted = page.getByTestId('plan-accepted');
      await expect.poll(() => accepted.textContent()).toMatch('“Press” — accepted without repair');
      await press.waitFor({ state: 'detached' });
      await expect
        .poll(() => page.locator('.journal').last().textContent())
        .toMatch('Accepted without repair: Press');

      // The action that replaces the temporary fix says so.
      await page.getByRole('button', { name: 'Add an action' }).click();
      await page.getByLabel('What').fill('Replace the espresso machine');
      await page.getByLabel('Repairs').selectOption({ label: 'Customers' });
      await page
        .getByLabel('Replaces the temporary fix')
        .selectOption({ label: 'Put a temporary fix in place' });
      await save();
      const action = page.locator('li.row').filter({ hasText: 'Replace the espresso machine' });
      await expect
        .poll(() => action.textContent())
        .toMatch('replaces the temporary fix “Put a temporary fix in place');
      await expect.poll(() => page.getByText(/Temporary fix still to replace/).count()).toBe(0);

      // An apology carries a note, can be undone, edited and removed.
      await page.getByRole('button', { name: 'Add an apology to make' }).click();
      await page.getByLabel('Affected party').fill('Lyon shop customers');
      await page.getByLabel(/^Note/).fill('Called by the shop manager');
      await save();
      const apologies = page.getByTestId('apologies');
      await expect.poll(() => apologies.textContent()).toMatch('Called by the shop manager');
      await apologies.getByRole('button', { name: 'Mark apologised' }).click();
      await apologies.getByRole('button', { name: 'Undo: not apologised yet' }).click();
      await apologies.getByRole('button', { name: 'Edit' }).click();
      await page.getByLabel('Affected party').fill('Lyon shop regulars');
      await save();
      await expect.poll(() => apologies.textContent()).toMatch(/^Lyon shop regulars not yet/);
      await log.screenshot('method-smaller-truths');
      await apologies.getByRole('button', { name: 'Remove' }).click();
      await expect.poll(() => apologies.getByRole('listitem').count()).toBe(0);
      await next('Learn and prevent');

      // Earlier crises on the same site, with other stories: no repeat claimed.
      await page.getByLabel('What happened').waitFor();
      expect(await page.getByTestId('learn-repeat').count()).toBe(0);

      // The report's Markdown shows the name as typed: "2026." with no backslash in front.
      await page.getByRole('button', { name: 'Close the crisis' }).click();
      await page.getByRole('button', { name: 'Close anyway' }).click();
      await page.getByTestId('report').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download Markdown' }).click(),
      ]);
      const markdown = readFileSync((await download.path())!, 'utf8');
      expect(markdown.split('\n')[0]).toBe('# 2026\\. Cold cappuccino at the Lyon shop');
      expect(markdown).toMatch('Press (accepted)');

      // A setting typed but not saved: leaving asks first, and staying keeps the text.
      await log.navigate('Settings');
      const days = page.getByLabel('Days before a reminder');
      await days.fill('30');
      const asked: string[] = [];
      page.once('dialog', (dialog) => {
        asked.push(dialog.message());
        void dialog.dismiss();
      });
      await page.getByRole('navigation').getByRole('link', { name: 'Crises' }).click();
      await expect
        .poll(() => asked)
        .toEqual([
          'Some settings are changed but not saved. Leave this screen and lose those changes?',
        ]);
      expect(page.url()).toMatch(/#settings$/);
      expect(await days.inputValue()).toBe('30');
      await log.close();
    },
  );
});
