// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, mergeSettings } from '../../../../src/core/model/settings';
import { DEFAULT_TEMPLATES } from '../../../../src/core/model/default-templates';
import { NO_TEMPLATES } from '../../../../src/core/model/templates';
import type { Settings } from '../../../../src/core/model/types';
import { fakeBrowser, unnamedControls, type Answers } from '../../fake-browser';

type Fake = ReturnType<typeof fakeBrowser>;

const fake = vi.hoisted(() => ({
  current: null as Fake | null,
}));
vi.mock('../../../../src/core/browser', () => ({
  get browser() {
    return fake.current!.browser;
  },
}));

const ok = <T,>(value: T) => ({ ok: true as const, value });

const alice = {
  id: 'p1',
  name: 'Alice Martin',
  role: 'client' as const,
  channel: 'email',
  contact: 'alice@client.example',
  key: true,
  lang: null,
  greeting: '',
};

/** A background that keeps the settings it is given and merges each update into them. */
function background(stored: Partial<Settings> = {}, extra: Answers = {}): Answers {
  let settings = mergeSettings(stored);
  return {
    getCounts: () => ok({ untriaged: 0, inbox: 0, mentions: 0, openCrises: 0 }),
    getSettings: () => ok(settings),
    updateSettings: (args: { patch: Partial<Settings> }) => {
      settings = mergeSettings(settings, args.patch);
      return ok(settings);
    },
    ...extra,
  };
}

async function renderSettings(answers: Answers) {
  fake.current = fakeBrowser(answers);
  location.hash = '#settings';
  document.body.replaceChildren(Object.assign(document.createElement('div'), { id: 'app' }));
  delete document.body.dataset.ready;
  vi.resetModules();
  await import('../../../../src/dashboard/main');
  await vi.waitFor(() => expect(document.body.dataset.ready).toBe('true'));
  return fake.current;
}

const $ = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document) => {
  const element = root.querySelector<T & Element>(selector);
  if (!element) throw new Error(`nothing matches ${selector}`);
  return element as T;
};
const $$ = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document) => [
  ...root.querySelectorAll<T & Element>(selector),
];
const section = (name: string) => $(`[data-testid="settings-${name}"]`);
const button = (root: ParentNode, name: string) => {
  const found = $$<HTMLButtonElement>('button', root).find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent) === name,
  );
  if (!found) throw new Error(`no button ${name}`);
  return found;
};
/** The field a label names, as a screen reader finds it. */
const field = <T extends HTMLElement = HTMLInputElement>(root: ParentNode, name: string) => {
  const ownText = (label: HTMLElement) =>
    [...label.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent)
      .join('')
      .trim();
  const label = $$<HTMLLabelElement>('label', root).find((l) => ownText(l) === name);
  const found = label?.htmlFor
    ? document.getElementById(label.htmlFor)
    : (label?.querySelector('input, select, textarea') ??
      $$(`[aria-label]`, root).find((el) => el.getAttribute('aria-label') === name));
  if (!found) throw new Error(`no field ${name}`);
  return found as T;
};

function fill(input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  input.value = value;
  input.dispatchEvent(
    new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
  );
}

const settled = () => new Promise((done) => setTimeout(done, 0));
const patches = (f: Fake) =>
  f.calls
    .filter((c) => c.call === 'updateSettings')
    .map((c) => (c.args as { patch: unknown }).patch);
const submit = async (form: HTMLElement) => {
  await settled();
  $<HTMLButtonElement>('button[type="submit"]', form).click();
  await settled();
};

afterEach(async () => {
  const { render } = await import('preact');
  render(null, document.getElementById('app')!);
  fake.current = null;
});

describe('settings screen', () => {
  it('is reached from the side nav and shows the stored settings', async () => {
    const f = await renderSettings(
      background({
        reactionTargetsHours: { 1: 48, 2: 12, 3: 2, 4: 0.5 },
        stakeholders: [alice],
        checklist: [
          { id: 'stop-damage', label: '', temporary: false },
          { id: 'x1', label: 'Call the insurer', temporary: true },
        ],
        backupReminderDays: 7,
      }),
    );
    expect(f.calls.some((c) => c.call === 'getSettings')).toBe(true);
    const nav = $('nav a[href="#settings"]');
    expect(nav.textContent).toBe('Settings');
    expect(nav.getAttribute('aria-current')).toBe('page');
    expect($('h1').textContent).toBe('Settings');

    const targets = section('reactionTargetsHours');
    expect(
      ['Level 1 · Watch', 'Level 2 · Alert', 'Level 3 · Crisis', 'Level 4 · Major crisis'].map(
        (name) => field(targets, name).value,
      ),
    ).toEqual(['48', '12', '2', '0.5']);
    expect(targets.textContent).toContain('hours');
    const cadence = section('updateCadenceHours');
    expect($$<HTMLInputElement>('input', cadence).map((i) => i.value)).toEqual([
      '24',
      '24',
      '24',
      '4',
    ]);

    const checklist = section('checklist');
    expect(field(checklist, 'Item 1').value).toMatch(/^Stop further damage/);
    expect(field(checklist, 'Item 2').value).toBe('Call the insurer');
    expect(field(checklist, 'Temporary fix (item 2)').checked).toBe(true);
    expect(checklist.textContent).toContain('always first');

    const person = $('[data-testid="settings-person"]');
    expect(person.textContent).toContain('Alice Martin');
    expect(person.textContent).toContain('Client');
    expect(person.textContent).toContain('alice@client.example');
    expect(person.textContent).toContain('Key stakeholder');
    expect(section('directory').closest('section')!.textContent).toContain(
      "Each new crisis's list of people to inform",
    );

    expect(field(section('backup'), 'Days before a reminder').value).toBe('7');
  });

  it('saves the reaction targets, decimals included, and says it is saved', async () => {
    const f = await renderSettings(background());
    const targets = section('reactionTargetsHours');
    fill(field(targets, 'Level 4 · Major crisis'), '0.5');
    fill(field(targets, 'Level 3 · Crisis'), '1,5');
    await submit(targets);
    await vi.waitFor(() => expect($('[role="status"]', targets).textContent).toBe('Saved.'));
    expect(patches(f)).toEqual([{ reactionTargetsHours: { 1: 72, 2: 24, 3: 1.5, 4: 0.5 } }]);
    // Typing again clears the "Saved", so that it never vouches for an unsaved value.
    fill(field(targets, 'Level 1 · Watch'), '70');
    await vi.waitFor(() => expect($('[role="status"]', targets).textContent).toBe(''));
  });

  it('refuses a target of 0 or an empty one, says why next to the field and sends nothing', async () => {
    const f = await renderSettings(background());
    const targets = section('reactionTargetsHours');
    fill(field(targets, 'Level 2 · Alert'), '0');
    fill(field(targets, 'Level 3 · Crisis'), '');
    await submit(targets);
    for (const name of ['Level 2 · Alert', 'Level 3 · Crisis']) {
      const input = field(targets, name);
      expect(input.getAttribute('aria-invalid')).toBe('true');
      const message = input.getAttribute('aria-describedby')!.split(' ')[0]!;
      expect(document.getElementById(message)?.textContent).toBe(
        'Enter a number of hours above 0 (0.5 for half an hour).',
      );
    }
    expect(field(targets, 'Level 1 · Watch').getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).toBe(field(targets, 'Level 2 · Alert'));
    expect(patches(f)).toEqual([]);
    expect($('[role="status"]', targets).textContent).toBe('');

    const cadence = section('updateCadenceHours');
    fill($$<HTMLInputElement>('input', cadence)[0]!, '-3');
    await submit(cadence);
    expect(cadence.textContent).toContain('Enter a number of hours above 0');
    expect(patches(f)).toEqual([]);
  });

  it('adds a person to the directory, then removes them, sending the whole list each time', async () => {
    const f = await renderSettings(background({ stakeholders: [alice] }));
    const directory = section('directory');
    button(directory, 'Add a person').click();
    await vi.waitFor(() => $('form.edit', directory));
    const form = $('form.edit', directory);
    expect(document.activeElement).toBe(field(form, 'Name'));

    // No name: refused, with a message, and nothing sent.
    await submit(form);
    expect(form.textContent).toContain('Enter a name.');
    expect(patches(f)).toEqual([]);

    fill(field(form, 'Name'), ' Bruno Leroy ');
    fill(field<HTMLSelectElement>(form, 'Role'), 'partner');
    fill(field(form, 'Contact (email, phone…)'), '+33 6 12 34 56 78');
    fill(field<HTMLSelectElement>(form, 'Language to write to them in'), 'fr');
    fill(field(form, 'Name in the greeting (“Hello Marie,”)'), ' M. Leroy ');
    field(form, 'Key stakeholder').click();
    await submit(form);
    await vi.waitFor(() => expect($$('[data-testid="settings-person"]')).toHaveLength(2));
    const [added] = patches(f) as { stakeholders: Settings['stakeholders'] }[];
    expect(added!.stakeholders).toEqual([
      alice,
      {
        id: expect.any(String),
        name: 'Bruno Leroy',
        role: 'partner',
        channel: '',
        contact: '+33 6 12 34 56 78',
        key: false,
        lang: 'fr',
        greeting: 'M. Leroy',
      },
    ]);
    expect($('[role="status"]', directory).textContent).toBe('Saved.');
    expect(document.activeElement).toBe(button(directory, 'Add a person'));

    button(directory, 'Remove Alice Martin').click();
    await vi.waitFor(() => expect($$('[data-testid="settings-person"]')).toHaveLength(1));
    expect(patches(f)[1]).toEqual({ stakeholders: [added!.stakeholders[1]] });
    expect($('[data-testid="settings-person"]').textContent).toContain('Bruno Leroy');
    expect($('[role="status"]', directory).textContent).toBe(
      'Alice Martin removed from the directory.',
    );
  });

  it('edits the checklist: built-in text shown to edit from, kept empty while unchanged', async () => {
    const f = await renderSettings(background());
    const checklist = section('checklist');
    expect($$('li', checklist)).toHaveLength(4);
    // The first item stays first: it cannot move or go, and the second cannot pass it.
    expect($$('button', $$('li', checklist)[0]!)).toHaveLength(0);
    expect(button(checklist, 'Move item 2 up').disabled).toBe(true);

    button(checklist, 'Move item 2 down').click();
    await settled();
    button(checklist, 'Remove item 4').click();
    await settled();
    button(checklist, 'Add an item').click();
    await settled();
    expect(document.activeElement).toBe(field(checklist, 'Item 4'));

    // A new item left empty is refused.
    await submit(checklist);
    expect(checklist.textContent).toContain('Write what to do, or remove this item.');
    expect(patches(f)).toEqual([]);

    fill(field(checklist, 'Item 4'), 'Warn the support team');
    fill(field(checklist, 'Item 2'), 'Put a temporary patch on the checkout');
    await submit(checklist);
    await vi.waitFor(() => expect(patches(f)).toHaveLength(1));
    expect(patches(f)[0]).toEqual({
      checklist: [
        { id: 'stop-damage', label: '', temporary: false },
        { id: 'temporary-fix', label: 'Put a temporary patch on the checkout', temporary: true },
        { id: 'holding-statement', label: '', temporary: false },
        { id: expect.any(String), label: 'Warn the support team', temporary: false },
      ],
    });

    button(checklist, 'Restore the built-in list').click();
    await vi.waitFor(() => expect(patches(f)).toHaveLength(2));
    expect(patches(f)[1]).toEqual({ checklist: DEFAULT_SETTINGS.checklist });
    await vi.waitFor(() =>
      expect(field(checklist, 'Item 2').value).toBe('Publish a holding statement'),
    );
    expect($('[role="status"]', checklist).textContent).toBe('Built-in list restored.');
  });

  it('shows the built-in template while none is stored, and Restore default clears a stored one', async () => {
    const own = structuredClone(NO_TEMPLATES);
    own.inform.apology.fr = { subject: 'Nos excuses : {crisis}', body: 'Mon texte' };
    const f = await renderSettings(background({ templates: own }));
    const templates = section('templates');
    for (const code of ['{crisis}', '{summary}', '{nextUpdate}', '{greeting}', '{cost}'])
      expect($$('code', templates).map((c) => c.textContent)).toContain(code);
    const pick = (testid: string, value: string) =>
      fill($<HTMLSelectElement>(`[data-testid="${testid}"]`, templates), value);
    const subject = () => $<HTMLInputElement>('[data-testid="template-subject"]', templates);
    const body = () => $<HTMLTextAreaElement>('[data-testid="template-body"]', templates);

    // The first shown: the first message, holding statement, in the interface's language.
    expect(subject().value).toBe(DEFAULT_TEMPLATES.inform.holding.en.subject);
    expect(body().value).toBe(DEFAULT_TEMPLATES.inform.holding.en.body);
    expect(templates.textContent).toContain('Built-in template');
    pick('template-variant', 'apology');
    pick('template-lang', 'fr');
    await vi.waitFor(() => expect(body().value).toBe('Mon texte'));
    expect(subject().value).toBe('Nos excuses : {crisis}');
    expect(
      field(templates, 'Subject — First message (step 3) · Apology (our mistake) · Français'),
    ).toBe(subject());

    button(
      templates,
      'Restore default: First message (step 3) · Apology (our mistake) · Français',
    ).click();
    await vi.waitFor(() => expect(patches(f)).toHaveLength(1));
    expect(patches(f)[0]).toEqual({ templates: NO_TEMPLATES });
    await vi.waitFor(() => expect(body().value).toBe(DEFAULT_TEMPLATES.inform.apology.fr.body));
    expect($('[role="status"]', templates).textContent).toBe('Default template restored.');

    // Saving the built-in text as it is keeps the template empty (it follows Vigie's updates);
    // an edited one is stored as typed, subject and body apart.
    pick('template-kind', 'update');
    pick('template-variant', 'holding');
    pick('template-lang', 'en');
    await vi.waitFor(() => expect(body().value).toBe(DEFAULT_TEMPLATES.update.holding.en.body));
    fill(body(), `${DEFAULT_TEMPLATES.update.holding.en.body}Regards,\nLumen`);
    await submit(templates);
    await vi.waitFor(() => expect(patches(f)).toHaveLength(2));
    const expected = structuredClone(NO_TEMPLATES);
    expected.update.holding.en = {
      subject: '',
      body: `${DEFAULT_TEMPLATES.update.holding.en.body}Regards,\nLumen`,
    };
    expect(patches(f)[1]).toEqual({ templates: expected });
  });

  it('saves the backup reminder in whole days of at least 1', async () => {
    const f = await renderSettings(background());
    const backup = section('backup');
    fill(field(backup, 'Days before a reminder'), '0');
    await submit(backup);
    expect(backup.textContent).toContain('Enter a whole number of days, 1 or more.');
    fill(field(backup, 'Days before a reminder'), '30');
    await submit(backup);
    await vi.waitFor(() => expect(patches(f)).toEqual([{ backupReminderDays: 30 }]));
  });

  it('says in words when a save fails, and does not claim it was saved', async () => {
    await renderSettings(
      background(
        {},
        { updateSettings: () => ({ ok: false, error: { code: 'storage-full', message: 'x' } }) },
      ),
    );
    const backup = section('backup');
    await submit(backup);
    await vi.waitFor(() =>
      expect($('[role="alert"]', backup).textContent).toMatch(/storage is full/),
    );
    expect($('[role="status"]', backup).textContent).toBe('');
  });

  it('asks before a link leaves unsaved edits, and not once they are saved or cancelled', async () => {
    await renderSettings(background({ stakeholders: [alice] }));
    const confirm = vi.fn((_question: string) => false);
    vi.stubGlobal('confirm', confirm);
    const unsaved = (name: string) =>
      vi.waitFor(() => expect(section(name).closest('section')?.dataset.unsaved).toBe('true'));
    const leave = () => {
      const link = $<HTMLAnchorElement>('nav a[href="#crises"]');
      const click = new MouseEvent('click', { bubbles: true, cancelable: true });
      link.dispatchEvent(click);
      return !click.defaultPrevented;
    };
    const backup = section('backup');
    fill(field(backup, 'Days before a reminder'), '30');
    await unsaved('backup');
    expect(leave()).toBe(false);
    expect(confirm).toHaveBeenCalledWith(
      'Some settings are changed but not saved. Leave this screen and lose those changes?',
    );
    // Leaving the page (closing the tab, reloading) asks the browser's question.
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);

    await submit(backup);
    await vi.waitFor(() => expect($('[role="status"]', backup).textContent).toBe('Saved.'));

    // An editor opened, typed in, then cancelled holds nothing to lose.
    const directory = section('directory');
    button(directory, 'Add a person').click();
    await vi.waitFor(() => $('form.edit', directory));
    fill(field($('form.edit', directory), 'Name'), 'Bruno');
    await unsaved('directory');
    expect(leave()).toBe(false);
    button(directory, 'Cancel').click();
    await settled();
    confirm.mockClear();
    expect(leave()).toBe(true);
    expect(confirm).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('gives every control an accessible name, the person form included', async () => {
    await renderSettings(background({ stakeholders: [alice] }));
    button(section('directory'), 'Add a person').click();
    await vi.waitFor(() => $('form.edit'));
    expect(unnamedControls(document.body)).toEqual([]);
  });
});
