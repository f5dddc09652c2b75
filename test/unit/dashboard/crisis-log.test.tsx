// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CrisisSummary, MentionScope, TimeCursor } from '../../../src/core/messaging/protocol';
import { newCrisis } from '../../../src/core/model/crisis';
import { DEFAULT_SETTINGS } from '../../../src/core/model/settings';
import type { Crisis, CrisisEvent, Mention } from '../../../src/core/model/types';
import { at, mention } from '../helpers';
import { fakeBrowser, unnamedControls, type Answers } from '../fake-browser';

type Fake = ReturnType<typeof fakeBrowser>;

const fake = vi.hoisted(() => ({
  current: null as Fake | null,
}));
vi.mock('../../../src/core/browser', () => ({
  get browser() {
    return fake.current!.browser;
  },
}));

const ok = <T,>(value: T) => ({ ok: true as const, value });

const summary = (overrides: Partial<CrisisSummary> = {}): CrisisSummary => ({
  due: null,
  id: 'c1',
  title: 'Refund storm',
  level: 3,
  step: 'assess',
  state: 'open',
  openedAt: at(0),
  mentionCount: 1,
  reactDueAt: null,
  uninformedKey: 0,
  next: null,
  ...overrides,
});

/** A background holding `mentions` (newest first) that answers the crisis log's calls. */
function background(mentions: Mention[], extra: Answers = {}): Answers {
  return {
    getCounts: () =>
      ok({ untriaged: mentions.length, inbox: mentions.length, mentions: 9, openCrises: 1 }),
    listMentions: (args: { scope: MentionScope; limit: number; after: TimeCursor | null }) => {
      const start = args.after ? mentions.findIndex((m) => m.id === args.after!.id) + 1 : 0;
      const items = mentions.slice(start, start + args.limit);
      const last = items.at(-1);
      const more = start + args.limit < mentions.length;
      return ok({
        items,
        total: mentions.length,
        next: more && last ? { at: last.capturedAt, id: last.id } : null,
      });
    },
    listCrises: () => ok({ items: [summary()], next: null, total: 1 }),
    ...extra,
  };
}

async function renderLog(answers: Answers, hash = '#inbox') {
  fake.current = fakeBrowser(answers);
  location.hash = hash;
  document.body.replaceChildren(Object.assign(document.createElement('div'), { id: 'app' }));
  delete document.body.dataset.ready;
  vi.resetModules();
  await import('../../../src/dashboard/main');
  await vi.waitFor(() => expect(document.body.dataset.ready).toBe('true'));
  return fake.current;
}

const $ = <T extends Element = HTMLElement>(selector: string) => {
  const element = document.querySelector<T & Element>(selector);
  if (!element) throw new Error(`nothing matches ${selector}`);
  return element as T;
};
const $$ = (selector: string) => [...document.querySelectorAll<HTMLElement>(selector)];
const byTestId = <T extends Element = HTMLButtonElement>(id: string) =>
  $<T>(`[data-testid="${id}"]`);

/** What the user does with a field: types into it or picks an option, then the UI reacts. */
function fill(field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  field.value = value;
  field.dispatchEvent(
    new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
  );
}

/** Preact renders between events; a test that fires them back to back waits for it. */
const settled = () => new Promise((done) => setTimeout(done, 0));

const rows = () => $$('[data-testid="log-mention"]');
const callsTo = (f: Fake, name: string) =>
  f.calls.filter((c) => c.call === name).map((c) => c.args);

afterEach(async () => {
  // Unmounted, so that no screen of this test answers the next test's route changes.
  const { render } = await import('preact');
  render(null, document.getElementById('app')!);
  fake.current = null;
});

describe('crisis log, mention list', () => {
  it('asks for one page of the inbox and shows each mention’s capture', async () => {
    const m = mention({
      quote: 'Worst coffee in town',
      pageTitle: 'Reviews of Lumen',
      tags: ['refund', 'twitter'],
      crisisId: null,
    });
    const f = await renderLog(background([m]));
    expect(callsTo(f, 'listMentions')).toEqual([
      { scope: { in: 'inbox' }, limit: 50, after: null },
    ]);
    const row = rows()[0]!;
    expect(row.dataset.mentionId).toBe(m.id);
    expect(row.querySelector('[data-testid="log-mention-quote"]')?.textContent).toBe(
      '“Worst coffee in town”',
    );
    expect(row.querySelector('[data-testid="log-mention-title"]')?.textContent).toBe(
      'Reviews of Lumen',
    );
    expect(row.textContent).toContain('news.example');
    expect(row.textContent).toContain('Negative');
    expect(row.textContent).toContain('Reach: Medium');
    expect(row.textContent).toContain('refund');
    const source = row.querySelector('a[target="_blank"]')!;
    expect(source.getAttribute('href')).toBe(m.url);
    expect(source.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('says where to start when nothing is flagged yet', async () => {
    await renderLog(background([]));
    expect(document.body.textContent).toContain('No mention here yet. Select text on any page');
  });

  it('shows markup from a page as text, and no address but a web one as a link', async () => {
    const m = mention({
      quote: '<img src=x onerror=alert(1)>',
      pageTitle: '<b>bold</b> title',
      url: 'javascript:alert(1)',
      captureLimit: 'unscriptable',
    });
    await renderLog(background([m]));
    expect(byTestId('log-mention-quote').textContent).toBe('“<img src=x onerror=alert(1)>”');
    expect(byTestId('log-mention-title').textContent).toBe('<b>bold</b> title');
    expect(document.querySelectorAll('img[src="x"], b')).toHaveLength(0);
    expect(document.querySelector('a[href^="javascript"]')).toBeNull();
    expect(rows()[0]!.textContent).toContain('javascript:alert(1)');
    expect(rows()[0]!.textContent).toContain('Limited capture');
  });

  it('lists a mention flagged in another tab when the log comes back into view', async () => {
    const list = [mention({ id: 'm1', quote: 'First quote', capturedAt: at(1) })];
    await renderLog(background(list));
    expect($$('[data-testid="log-mention"]')).toHaveLength(1);
    // Flagged from the popup over another tab; the log's tab is shown again.
    list.unshift(mention({ id: 'm2', quote: 'Flagged meanwhile', capturedAt: at(2) }));
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect($$('[data-testid="log-mention"]')).toHaveLength(2));
    expect($$('[data-testid="log-mention"]')[0]!.textContent).toContain('Flagged meanwhile');

    // With a mention ticked, the list stays as the user left it.
    $<HTMLInputElement>('[data-testid="log-mention"] input[type="checkbox"]').click();
    await new Promise((r) => setTimeout(r, 20));
    list.unshift(mention({ id: 'm3', quote: 'Third', capturedAt: at(3) }));
    document.dispatchEvent(new Event('visibilitychange'));
    await new Promise((r) => setTimeout(r, 50));
    expect($$('[data-testid="log-mention"]')).toHaveLength(2);
  });

  it('loads the next page only when asked', async () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      mention({ quote: `quote ${i}`, capturedAt: at(-i) }),
    );
    const f = await renderLog(background(many));
    expect(rows()).toHaveLength(50);
    $$('button')
      .find((b) => b.textContent === 'Load more')!
      .click();
    await vi.waitFor(() => expect(rows()).toHaveLength(60));
    expect(callsTo(f, 'listMentions')[1]).toEqual({
      scope: { in: 'inbox' },
      limit: 50,
      after: { at: many[49]!.capturedAt, id: many[49]!.id },
    });
    expect($$('button').some((b) => b.textContent === 'Load more')).toBe(false);
  });

  it('saves an edit only on Save, and Escape leaves the mention as it was', async () => {
    const m = mention();
    const f = await renderLog(
      background([m], {
        updateMention: (args: { id: string; patch: Partial<Mention> }) =>
          ok({ ...m, ...args.patch }),
      }),
    );
    byTestId('log-mention-edit').click();
    await vi.waitFor(() => $('form.edit'));
    fill($<HTMLTextAreaElement>('form.edit textarea'), 'Called them back');
    $<HTMLFormElement>('form.edit').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
    );
    await vi.waitFor(() => expect(document.querySelector('form.edit')).toBeNull());
    expect(callsTo(f, 'updateMention')).toEqual([]);
    expect(document.activeElement).toBe(byTestId('log-mention-edit'));

    byTestId('log-mention-edit').click();
    await vi.waitFor(() => $('form.edit'));
    expect(document.activeElement).toBe($('form.edit textarea'));
    fill($<HTMLTextAreaElement>('form.edit textarea'), 'Called them back');
    fill($<HTMLInputElement>('form.edit input[type="text"]'), 'refund, , Press ');
    const [tone, reach] = $$('form.edit select') as HTMLSelectElement[];
    fill(tone!, 'neutral');
    fill(reach!, 'high');
    await settled();
    byTestId('log-mention-save').click();
    await vi.waitFor(() => expect(document.querySelector('form.edit')).toBeNull());
    expect(callsTo(f, 'updateMention')).toEqual([
      {
        id: m.id,
        patch: {
          note: 'Called them back',
          tags: ['refund', ' ', ' Press '],
          tone: 'neutral',
          reach: 'high',
        },
      },
    ]);
    expect(rows()[0]!.textContent).toContain('Called them back');
    expect(rows()[0]!.textContent).toContain('Neutral');
  });

  it('deletes the selection, then Undo puts it back through its undo token', async () => {
    const store = [mention({ quote: 'first' }), mention({ quote: 'second' })];
    const deleted: Mention[] = [];
    const f = await renderLog(
      background(store, {
        deleteMentions: (args: { ids: string[] }) => {
          for (const id of args.ids)
            deleted.push(
              ...store.splice(
                store.findIndex((m) => m.id === id),
                1,
              ),
            );
          return ok({ deleted: args.ids.length, undoToken: 'undo-1' });
        },
        restoreMentions: () => {
          store.push(...deleted.splice(0));
          return ok({ restored: 1 });
        },
      }),
    );
    expect(byTestId('log-mention-delete').disabled).toBe(true);
    rows()[1]!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    await vi.waitFor(() => expect(byTestId('log-mention-delete').disabled).toBe(false));
    byTestId('log-mention-delete').click();
    await vi.waitFor(() => expect(rows()).toHaveLength(1));
    expect(callsTo(f, 'deleteMentions')).toEqual([{ ids: [deleted[0]!.id] }]);
    const status = $('[role="status"] .toast');
    expect(status.textContent).toContain('1 mention deleted.');

    byTestId('log-undo').click();
    await vi.waitFor(() => expect(rows()).toHaveLength(2));
    expect(callsTo(f, 'restoreMentions')).toEqual([{ undoToken: 'undo-1' }]);
    expect(document.querySelector('[data-testid="log-undo"]')).toBeNull();
  });

  it('lets the Undo offer go after ten seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      await renderLog(
        background([mention()], {
          deleteMentions: () => ok({ deleted: 1, undoToken: 'undo-1' }),
        }),
      );
      $<HTMLInputElement>('[data-testid="log-mention"] input[type="checkbox"]').click();
      await vi.waitFor(() => expect(byTestId('log-mention-delete').disabled).toBe(false));
      byTestId('log-mention-delete').click();
      await vi.waitFor(() => byTestId('log-undo'));
      await vi.advanceTimersByTimeAsync(10_500);
      expect(document.querySelector('[data-testid="log-undo"]')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('creates a crisis from the selection, named after its page, at level 2', async () => {
    const store = [
      mention({ quote: 'Lumen charged me twice', pageTitle: '  Lumen Coffee:\n double charges ' }),
      mention({ quote: 'Me too' }),
    ];
    const f = await renderLog(
      background(store, {
        createCrisis: () => ok(newCrisis({ title: 't', level: 2, openedAt: at(0), checklist: [] })),
      }),
    );
    $<HTMLInputElement>('[role="toolbar"] input[type="checkbox"]').click();
    await vi.waitFor(() => expect(byTestId('log-create-crisis').disabled).toBe(false));
    byTestId('log-create-crisis').click();
    await vi.waitFor(() => byTestId('log-create-crisis-confirm'));
    const name = $<HTMLInputElement>('form.edit input[type="text"]');
    expect(name.value).toBe('Lumen Coffee: double charges');
    // Offered selected: typing replaces it.
    name.dispatchEvent(new FocusEvent('focus'));
    expect([name.selectionStart, name.selectionEnd]).toEqual([0, name.value.length]);
    expect($<HTMLSelectElement>('form.edit select').value).toBe('2');
    byTestId('log-create-crisis-confirm').click();
    await vi.waitFor(() => expect(callsTo(f, 'createCrisis')).toHaveLength(1));
    expect(callsTo(f, 'createCrisis')[0]).toEqual({
      title: 'Lumen Coffee: double charges',
      level: 2,
      mentionIds: store.map((m) => m.id),
    });
  });

  it('moves the selection into an open crisis', async () => {
    const m = mention();
    const f = await renderLog(background([m], { moveMentions: () => ok({ moved: 1 }) }));
    expect(callsTo(f, 'listCrises')[0]).toEqual({ state: 'open', limit: 50, after: null });
    $<HTMLInputElement>('[data-testid="log-mention"] input[type="checkbox"]').click();
    const select = $<HTMLSelectElement>('[role="toolbar"] select');
    await vi.waitFor(() => expect(select.disabled).toBe(false));
    fill(select, 'c1');
    await vi.waitFor(() => expect(byTestId('log-move').disabled).toBe(false));
    byTestId('log-move').click();
    await vi.waitFor(() =>
      expect(callsTo(f, 'moveMentions')).toEqual([{ ids: [m.id], crisisId: 'c1' }]),
    );
  });

  it('says in words what went wrong', async () => {
    await renderLog(
      background([mention()], {
        deleteMentions: () => ({ ok: false, error: { code: 'not-found', message: 'gone' } }),
      }),
    );
    $<HTMLInputElement>('[data-testid="log-mention"] input[type="checkbox"]').click();
    await vi.waitFor(() => expect(byTestId('log-mention-delete').disabled).toBe(false));
    byTestId('log-mention-delete').click();
    await vi.waitFor(() =>
      expect(document.querySelector('[role="alert"]')?.textContent).toBe(
        'This item no longer exists (deleted in another window?).',
      ),
    );
  });

  it('shows a list that cannot be read as an error, and still marks the page ready', async () => {
    await renderLog({
      ...background([]),
      listMentions: () => ({ ok: false, error: { code: 'unavailable', message: 'x' } }),
    });
    expect($('[role="alert"]').textContent).toMatch(/did not answer/);
  });

  it('names the crisis a mention belongs to, and links to it', async () => {
    const inOpen = mention({ crisisId: 'c1' });
    const inClosed = mention({ crisisId: 'old' });
    await renderLog(background([inOpen, inClosed]), '#all');
    const [first, second] = rows();
    expect(first!.querySelector('a[href="#crisis/c1"]')?.textContent).toBe('In “Refund storm”');
    expect(second!.querySelector('a[href="#crisis/old"]')?.textContent).toBe('In a closed crisis');
  });

  it('gives every control an accessible name, the edit form included', async () => {
    await renderLog(background([mention(), mention({ kind: 'page', quote: '' })]));
    byTestId('log-mention-edit').click();
    await vi.waitFor(() => $('form.edit'));
    expect(unnamedControls(document.body)).toEqual([]);
  });
});

describe('crisis log, crises', () => {
  it('lists every crisis with its level, step and state, each a link to its page', async () => {
    const f = await renderLog(
      {
        ...background([]),
        listCrises: () =>
          ok({
            items: [
              summary(),
              summary({ id: 'c0', title: 'Old one', state: 'closed', step: 'closed', level: 1 }),
            ],
            next: null,
            total: 2,
          }),
      },
      '#crises',
    );
    expect(callsTo(f, 'listCrises')[0]).toEqual({ state: 'all', limit: 50, after: null });
    const [open, closed] = $$('[data-testid="log-crisis"]');
    expect(open!.textContent).toContain('Refund storm');
    expect(open!.textContent).toContain('3 · Crisis');
    expect(open!.textContent).toContain('Assess the damage');
    expect(open!.querySelector('a')?.getAttribute('href')).toBe('#crisis/c1');
    expect(closed!.textContent).toContain('1 · Watch');
    expect(closed!.textContent).toContain('Closed');
  });

  function crisisAnswers(crisis: Crisis, events: CrisisEvent[]): Answers {
    let current = crisis;
    return {
      ...background([mention({ crisisId: crisis.id, quote: 'in the crisis' })]),
      getCrisis: () => ok({ crisis: current, events }),
      getSettings: () => ok(DEFAULT_SETTINGS),
      setCrisisStep: (args: { step: Crisis['step'] }) => {
        current = { ...current, step: args.step, steps: { ...current.steps, react: 'done' } };
        return ok(current);
      },
    };
  }

  const event = (type: CrisisEvent['type'], minutes: number, data: CrisisEvent['data'] = {}) => ({
    id: `e${minutes}`,
    crisisId: 'c1',
    at: at(minutes),
    type,
    actor: 'user' as const,
    data,
  });

  it('shows the steps, the crisis’s mentions and its journal, and moves to the next step', async () => {
    const crisis = {
      ...newCrisis({ title: 'Refund storm', level: 3, openedAt: at(0), checklist: [] }),
      id: 'c1',
    };
    const f = await renderLog(
      crisisAnswers(crisis, [
        event('opened', 0, { level: 3 }),
        event('mention-linked', 1),
        event('step-done', 30, { step: 'react' }),
      ]),
      '#crisis/c1',
    );
    expect($('h1').textContent).toBe('Refund storm');
    expect(callsTo(f, 'listMentions')[0]).toEqual({
      scope: { in: 'crisis', crisisId: 'c1' },
      limit: 50,
      after: null,
    });
    expect(byTestId('log-mention-quote').textContent).toBe('“in the crisis”');
    const steps = $$('.stepper button');
    expect(steps.map((b) => b.textContent)).toEqual([
      '1. React fastTo do',
      '2. Assess the damageTo do',
      '3. Inform the people concernedTo do',
      '4. Plan and actTo do',
      '5. Learn and preventTo do',
    ]);
    expect(steps[0]!.getAttribute('aria-current')).toBe('step');
    expect($$('.journal li').map((li) => li.textContent?.replace(/^.* — /, ''))).toEqual([
      'Crisis opened at level 3',
      'Mention added',
      'Step done: React fast',
    ]);

    $$('button')
      .find((b) => b.textContent === 'Next step: Assess the damage')!
      .click();
    await vi.waitFor(() =>
      expect(callsTo(f, 'setCrisisStep')).toEqual([{ id: 'c1', step: 'assess' }]),
    );
    await vi.waitFor(() =>
      expect($$('.stepper button')[1]!.getAttribute('aria-current')).toBe('step'),
    );
    expect($$('.stepper button')[0]!.textContent).toContain('Done');
    expect(unnamedControls(document.body)).toEqual([]);
  });

  it('says so when the crisis no longer exists', async () => {
    await renderLog(
      {
        ...background([]),
        getCrisis: () => ({ ok: false, error: { code: 'not-found', message: 'No crisis' } }),
        getSettings: () => ok(DEFAULT_SETTINGS),
      },
      '#crisis/gone',
    );
    expect($('[role="alert"]').textContent).toBe(
      'This item no longer exists (deleted in another window?).',
    );
  });
});
