/**
 * The today view and the journal's own notes: an action past its day is said overdue in the
 * today view, counted in red in the navigation, counted down in the crisis list, and reminded
 * at once by a notification; a note written with the time it happened takes its place in the
 * journal, and can be edited, removed and put back.
 */
import { describe, expect, it } from 'vitest';
import { CrisisLog } from './fixtures/crisis-log';
import {
  flagSelection,
  nextNotice,
  notices,
  openCrises,
  openTab,
  until,
  useVigie,
} from './fixtures/vigie';

const session = useVigie();

/** A local time as a datetime-local field takes it, and a local day as a date field does. */
const pad = (n: number) => String(n).padStart(2, '0');
const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const localTime = (d: Date) => `${localDay(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

describe('today, across crises', () => {
  it(
    'says what is overdue, due today and this week, and reminds of an action past its day',
    { timeout: 60_000 },
    async () => {
      const { vigie, server } = session;
      const article = await openTab(vigie, server.url('article.html?today'));
      await flagSelection(vigie, article, '#p3', 'this place is a scam', 'flag-into-new-crisis');
      const [summary] = await until(
        () => openCrises(vigie),
        (list) => list.length === 1,
      );
      const title = summary!.title;
      const log = await CrisisLog.open(vigie, `#crisis/${summary!.id}`);
      const { page } = log;
      await page.getByRole('heading', { level: 1, name: title }).waitFor();

      // An action that was due yesterday: reminded at once.
      const seen = (await notices(vigie)).length;
      await page
        .locator('.stepper')
        .getByRole('button', { name: /^4\. Plan/ })
        .click();
      await page.getByRole('button', { name: 'Add an action' }).click();
      await page.getByLabel('What').fill('Ask the host to remove the post');
      const yesterday = new Date(Date.now() - 86_400_000);
      await page.getByLabel('Due date').fill(localDay(yesterday));
      await page.locator('form.edit').getByRole('button', { name: 'Save' }).click();
      const notice = await nextNotice(vigie, seen);
      expect(notice.title).toBe('Action due');
      expect(notice.message).toMatch(`“Ask the host to remove the post” is due on`);
      expect(notice.message).toContain(title);

      // The today view: the action overdue; the reaction target and the status update ahead.
      await log.page
        .getByRole('navigation')
        .getByRole('link', { name: /^Today/ })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
      const overdue = page.getByTestId('today-overdue');
      await expect
        .poll(() => overdue.textContent())
        .toMatch('Action “Ask the host to remove the post” 1 day late');
      expect(await overdue.getByRole('link', { name: title }).getAttribute('href')).toBe(
        `#crisis/${summary!.id}`,
      );
      const ahead = await page
        .locator('[data-testid="today-today"], [data-testid="today-week"]')
        .allTextContents();
      expect(ahead.join(' ')).toMatch(/Reaction target due in \d/);
      expect(ahead.join(' ')).toMatch(/Status update to the people concerned due in \d/);
      // The navigation counts what is overdue or due today, in red while something is late.
      const nav = page.getByRole('navigation').getByRole('link', { name: /^Today/ });
      await expect.poll(() => nav.locator('.overdue').textContent()).toMatch(/^[1-9]/);
      await log.screenshot('today-view');

      // The crisis list counts down to the crisis's soonest deadline: the late action.
      await log.navigate('Crises');
      await expect
        .poll(() => log.crises().first().getByTestId('due-countdown').textContent())
        .toBe('Action “Ask the host to remove the post”: 1 day late');

      // Done: off the today view.
      await log.openCrisis(title);
      await page
        .locator('.stepper')
        .getByRole('button', { name: /^4\. Plan/ })
        .click();
      const row = page.locator('li.row').filter({ hasText: 'Ask the host to remove the post' });
      await row.getByRole('combobox').selectOption('done');
      await page
        .getByRole('navigation')
        .getByRole('link', { name: /^Today/ })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
      await expect.poll(() => page.getByTestId('today-overdue').count()).toBe(0);
    },
  );

  it('keeps the user’s notes in the journal at the time they happened', async () => {
    const { vigie } = session;
    const [summary] = await openCrises(vigie);
    const log = await CrisisLog.open(vigie, `#crisis/${summary!.id}`);
    const { page } = log;
    const journal = page.getByTestId('journal');
    await journal.waitFor();

    // Called the journalist a minute before the crisis was opened in Vigie: the note goes first.
    const before = new Date(Date.parse(summary!.openedAt) - 60_000);
    await page.getByTestId('journal-add-note').click();
    await page.getByLabel(/^What happened/).fill('Called the journalist back');
    await page.getByLabel('When').fill(localTime(before));
    await page.getByTestId('journal-note-save').click();
    const first = journal.getByRole('listitem').first();
    await expect.poll(() => first.textContent()).toMatch('Called the journalist back');

    // Edited: new words, said edited, still in its place.
    await journal
      .getByRole('button', { name: 'Edit the note “Called the journalist back”' })
      .click();
    await page.getByLabel(/^What happened/).fill('Called Le Monde back at the desk');
    await page.getByTestId('journal-note-save').click();
    await expect
      .poll(() => first.textContent())
      .toMatch(/Called Le Monde back at the desk \(edited /);
    await log.screenshot('journal-note');

    // Removed, then put back.
    await journal
      .getByRole('button', { name: 'Remove the note “Called Le Monde back at the desk”' })
      .click();
    await expect.poll(() => journal.textContent()).not.toMatch('Le Monde');
    await page
      .getByRole('status')
      .filter({ hasText: 'Note removed' })
      .getByRole('button', { name: 'Undo' })
      .click();
    await expect.poll(() => first.textContent()).toMatch('Called Le Monde back at the desk');
  });
});
