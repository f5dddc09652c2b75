/**
 * Messages that can be sent, in an English browser: a French customer gets a French letter
 * (French area names and dates, her name in the greeting, the subject apart from the body), of
 * the kind the fault calls for; a journalist gets the reply to a journalist; the message a
 * person was sent is kept with them and shows in the report; step 4's updates follow the
 * crisis's language and kind.
 */
import { describe, expect, it } from 'vitest';
import { CrisisLog } from './fixtures/crisis-log';
import { flagSelection, openCrises, openTab, until, useVigie } from './fixtures/vigie';

const session = useVigie();

describe('messages to the people concerned', () => {
  it(
    'are written in each person’s language and kind, and the one sent is kept',
    { timeout: 60_000 },
    async () => {
      const { vigie, server } = session;
      const log = await CrisisLog.open(vigie, '#settings');
      const { page } = log;
      const save = () => page.locator('form.edit').getByRole('button', { name: 'Save' }).click();

      // The directory: a French customer with her greeting name, and a journalist.
      const directory = page.getByRole('region', { name: 'Stakeholder directory' });
      for (const person of [
        {
          name: 'Marie Dupont',
          role: 'client',
          lang: 'fr',
          greeting: 'Marie',
          contact: 'marie@lumen.example',
        },
        {
          name: 'Léa Martin',
          role: 'press',
          lang: '',
          greeting: 'Léa',
          contact: 'lea@journal.example',
        },
      ]) {
        await directory.getByRole('button', { name: 'Add a person' }).click();
        await directory.getByLabel('Name', { exact: true }).fill(person.name);
        await directory.getByLabel('Role').selectOption(person.role);
        await directory.getByLabel('Contact').fill(person.contact);
        await directory.getByLabel('Language to write to them in').selectOption(person.lang);
        await directory.getByLabel(/^Name in the greeting/).fill(person.greeting);
        await directory.getByLabel('Key stakeholder').check();
        await save();
        await expect.poll(() => directory.textContent()).toContain(person.name);
      }
      await expect
        .poll(() => directory.getByTestId('settings-person').first().textContent())
        .toMatch('Français');

      const article = await openTab(vigie, server.url('article.html?messages'));
      await flagSelection(vigie, article, '#p3', 'this place is a scam', 'flag-into-new-crisis');
      const [summary] = await until(
        () => openCrises(vigie),
        (list) => list.length === 1,
      );
      await page.bringToFront();
      await log.navigate('Crises');
      await log.openCrisis(summary!.title);
      const stepper = page.locator('.stepper');

      // A damage to customers, so the letter names it.
      await stepper.getByRole('button', { name: /^2\. Assess/ }).click();
      await page.getByRole('button', { name: 'Add an affected area' }).click();
      await page.getByLabel('Affected area').selectOption('customers');
      await page.getByLabel('Damage degree (1–5)').selectOption('3');
      await save();
      await stepper.getByRole('button', { name: /^3\. Inform/ }).click();

      // Not known yet whose fault it is: a holding statement is suggested, nothing admitted.
      const fault = page.getByTestId('inform-fault');
      expect(await fault.getByRole('radio', { name: 'Not known yet' }).isChecked()).toBe(true);
      const variant = page.getByTestId('inform-variant');
      const selected = () => variant.locator('option:checked').textContent();
      expect(await selected()).toBe('Holding statement (suggested)');
      // Not ours: the clarification is suggested and drafted instead.
      await fault.getByRole('radio', { name: 'No: not our doing' }).check();
      await expect.poll(selected).toBe('Clarification (not our doing) (suggested)');

      // To Marie: in French, whatever the browser's language, her name in the greeting.
      await page.getByTestId('inform-to').selectOption({ label: 'Marie Dupont' });
      const body = page.getByTestId('inform-body');
      const subject = page.getByTestId('inform-subject');
      await expect
        .poll(() => body.inputValue())
        .toMatch(/^Bonjour Marie,\n\nVous avez peut-être vu/);
      expect(await page.getByTestId('inform-lang').inputValue()).toBe('fr');
      const text = await body.inputValue();
      expect(text).toContain('qui touche nos clients');
      expect(text).toMatch(/au plus tard le \d{1,2} \S+ 2026 à \d\d:\d\d/);
      for (const english of ['Customers', 'Hello', ' AM', ' PM'])
        expect(text).not.toContain(english);
      const frenchSubject = await subject.inputValue();
      expect(frenchSubject).toBe(`${summary!.title} : les faits`);
      expect(text).not.toContain(frenchSubject);
      // The mail client gets the subject as the subject, and the body without it.
      const href = (await page.getByTestId('inform-mail').getAttribute('href'))!;
      const mail = new URL(href);
      expect(mail.pathname).toBe('marie@lumen.example');
      expect(mail.searchParams.get('subject')).toBe(frenchSubject);
      expect(mail.searchParams.get('body')).toBe(text);
      await log.screenshot('messages-french-letter');

      // Marked informed with this message: it stays with her.
      await page.getByTestId('inform-mark-with').click();
      const marie = page
        .getByTestId('inform-people')
        .getByRole('listitem')
        .filter({ hasText: 'Marie Dupont' });
      await expect
        .poll(() => marie.textContent())
        .toMatch(`sent “${frenchSubject}” (Clarification (not our doing) · Français)`);

      // To the journalist: the reply to a journalist, in the crisis's language (English here).
      await page.getByTestId('inform-to').selectOption({ label: 'Léa Martin' });
      await expect.poll(selected).toBe('Reply to a journalist (suggested)');
      await expect
        .poll(() => body.inputValue())
        .toMatch(/^Hello Léa,\n\nThank you for contacting us/);
      expect(await subject.inputValue()).toBe(`Re: ${summary!.title}`);

      // The crisis's own language, set to French: step 4's update is a French clarification.
      await page
        .getByTestId('inform-to')
        .selectOption({ label: 'Anyone (no name in the greeting)' });
      await page.getByTestId('inform-lang').selectOption('fr');
      await expect.poll(() => body.inputValue()).toMatch(/^Bonjour,\n\n/);
      await stepper.getByRole('button', { name: /^4\. Plan/ }).click();
      const update = page.getByTestId('update-body');
      await expect.poll(() => update.inputValue()).toMatch(/^Bonjour,\n\nSuite à notre message/);
      expect(await page.getByTestId('update-lang').inputValue()).toBe('fr');
      expect(await page.getByTestId('update-subject').inputValue()).toBe(
        `${summary!.title} : suite à notre message`,
      );
      await page.getByRole('button', { name: 'Log this update as sent' }).click();
      await expect
        .poll(() => page.getByTestId('updates').textContent())
        .toMatch(`${summary!.title} : suite à notre message`);

      // The report keeps what Marie was sent, as she received it.
      await stepper.getByRole('button', { name: /^5\. Learn/ }).click();
      await page.getByRole('button', { name: 'Close the crisis' }).click();
      await page.getByRole('button', { name: 'Close anyway' }).click();
      const informed = page.getByTestId('report').locator('[data-section="informed"]');
      await expect.poll(() => informed.textContent()).toMatch('Message to Marie Dupont');
      const report = (await informed.textContent())!;
      expect(report).toContain(frenchSubject);
      expect(report).toContain('Bonjour Marie,');
      expect(report).toContain('Clarification (not our doing)');
      await log.screenshot('messages-report');
    },
  );
});
