// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  CrisisSummary,
  MentionFilter,
  MentionScope,
  TimeCursor,
} from '../../../../src/core/messaging/protocol';
import type { Mention } from '../../../../src/core/model/types';
import { parseRoute, routeHash } from '../../../../src/ui/use-hash-route';
import { at, mention } from '../../helpers';
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

interface ListArgs {
  scope: MentionScope;
  limit: number;
  after: TimeCursor | null;
  filter?: MentionFilter;
}

/** A background whose mention list searches quotes for the filter's words, plainly. */
function background(mentions: Mention[], extra: Answers = {}): Answers {
  return {
    getCounts: () => ok({ untriaged: 0, inbox: 0, mentions: mentions.length, openCrises: 1 }),
    listMentions: (args: ListArgs) => {
      const words = (args.filter?.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const items = mentions.filter((m) => words.every((w) => m.quote.toLowerCase().includes(w)));
      return ok({ items: items.slice(0, args.limit), total: items.length, next: null });
    },
    listCrises: () => ok({ items: [summary()], next: null, total: 1 }),
    ...extra,
  };
}

async function renderLog(answers: Answers, hash: string) {
  fake.current = fakeBrowser(answers);
  history.replaceState(null, '', hash);
  document.body.replaceChildren(Object.assign(document.createElement('div'), { id: 'app' }));
  delete document.body.dataset.ready;
  vi.resetModules();
  await import('../../../../src/dashboard/main');
  await vi.waitFor(() => expect(document.body.dataset.ready).toBe('true'));
  return fake.current;
}

const $ = <T extends Element = HTMLElement>(selector: string) => {
  const element = document.querySelector<T & Element>(selector);
  if (!element) throw new Error(`nothing matches ${selector}`);
  return element as T;
};
const byTestId = <T extends Element = HTMLInputElement>(id: string) =>
  $<T>(`[data-testid="${id}"]`);
const rows = () => [...document.querySelectorAll<HTMLElement>('[data-testid="log-mention"]')];
const callsTo = <T,>(f: Fake, name: string) =>
  f.calls.filter((c) => c.call === name).map((c) => c.args as T);

function type(field: HTMLInputElement, value: string) {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

function choose(field: HTMLSelectElement | HTMLInputElement, value: string) {
  field.value = value;
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

function press(field: HTMLElement, key: string) {
  field.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
}

afterEach(async () => {
  // Unmounted, so that no screen of this test answers the next test's route changes.
  const app = document.getElementById('app');
  if (app) (await import('preact')).render(null, app);
  fake.current = null;
  vi.useRealTimers();
});

describe('route with a query', () => {
  it('keeps every existing route, and reads the query after the path', () => {
    expect(parseRoute('')).toEqual({ view: 'inbox', params: {} });
    for (const view of ['inbox', 'all', 'crises', 'charts', 'backup', 'settings'] as const) {
      expect(parseRoute(`#${view}`)).toEqual({ view, params: {} });
    }
    expect(parseRoute('#crisis/c0ffee-1')).toEqual({ view: 'crisis', id: 'c0ffee-1', params: {} });
    expect(parseRoute('#/all?q=refund+storm&tone=negative&site=')).toEqual({
      view: 'all',
      params: { q: 'refund storm', tone: 'negative' },
    });
    expect(parseRoute('#crises?q=%C3%A9lev%C3%A9')).toEqual({
      view: 'crises',
      params: { q: 'élevé' },
    });
    expect(parseRoute('#nowhere?q=x')).toEqual({ view: 'inbox', params: { q: 'x' } });
    expect(routeHash('all', { q: 'élevé & co', tone: '', sort: 'oldest' })).toBe(
      '#all?q=%C3%A9lev%C3%A9+%26+co&sort=oldest',
    );
  });
});

describe('crisis log, search and filters', () => {
  it('searches once typing pauses, shows it in the address, and Escape clears it', async () => {
    const refund = mention({ quote: 'They refused my refund' });
    const other = mention({ quote: 'Great coffee' });
    const f = await renderLog(background([refund, other]), '#all');
    expect(rows()).toHaveLength(2);
    const box = byTestId('log-search');
    expect(box.type).toBe('search');
    type(box, 'ref');
    type(box, 'refund');
    // Nothing is asked while the user types…
    await new Promise((done) => setTimeout(done, 80));
    expect(callsTo(f, 'listMentions')).toHaveLength(1);
    // …then one search, for what was typed last.
    await vi.waitFor(() => expect(rows()).toHaveLength(1));
    expect(callsTo<ListArgs>(f, 'listMentions').slice(1)).toEqual([
      { scope: { in: 'all' }, limit: 50, after: null, filter: { q: 'refund' } },
    ]);
    expect(location.hash).toBe('#all?q=refund');
    expect(rows()[0]!.dataset.mentionId).toBe(refund.id);

    press(box, 'Escape');
    await vi.waitFor(() => expect(rows()).toHaveLength(2));
    expect(box.value).toBe('');
    expect(location.hash).toBe('#all');
    expect(callsTo<ListArgs>(f, 'listMentions').at(-1)).toEqual({
      scope: { in: 'all' },
      limit: 50,
      after: null,
    });
  });

  it('opens a bookmarked view with its filters shown and asked for', async () => {
    const f = await renderLog(
      background([mention()]),
      '#all?q=refund&tone=negative&site=news.example&tag=press&crisis=inbox&from=2026-11-01&to=2026-11-30&sort=oldest',
    );
    const [call] = callsTo<ListArgs>(f, 'listMentions');
    expect(call).toEqual({
      scope: { in: 'inbox' },
      limit: 50,
      after: null,
      filter: {
        q: 'refund',
        tone: 'negative',
        site: 'news.example',
        tag: 'press',
        // The days are the user's own: from the first one's start to the last one's end.
        from: new Date(2026, 10, 1).toISOString(),
        to: new Date(2026, 11, 1).toISOString(),
        sort: 'oldest',
      },
    });
    expect(byTestId('log-search').value).toBe('refund');
    expect(byTestId<HTMLSelectElement>('filter-tone').value).toBe('negative');
    expect(byTestId('filter-site').value).toBe('news.example');
    expect(byTestId('filter-tag').value).toBe('press');
    expect(byTestId<HTMLSelectElement>('filter-crisis').value).toBe('inbox');
    expect(byTestId<HTMLSelectElement>('filter-sort').value).toBe('oldest');
    expect(document.querySelector<HTMLInputElement>('input[type="date"]')!.value).toBe(
      '2026-11-01',
    );
    expect(unnamedControls(document.body)).toEqual([]);
  });

  it('filters at once on a choice, keeps the other filters, and clears them all', async () => {
    const f = await renderLog(background([mention()]), '#all?q=refund');
    choose(byTestId<HTMLSelectElement>('filter-tone'), 'positive');
    await vi.waitFor(() => expect(callsTo(f, 'listMentions')).toHaveLength(2));
    expect(location.hash).toBe('#all?q=refund&tone=positive');
    choose(byTestId<HTMLSelectElement>('filter-crisis'), 'c1');
    await vi.waitFor(() => expect(callsTo(f, 'listMentions')).toHaveLength(3));
    expect(callsTo<ListArgs>(f, 'listMentions')[2]).toMatchObject({
      scope: { in: 'crisis', crisisId: 'c1' },
      filter: { q: 'refund', tone: 'positive' },
    });
    const clear = [...document.querySelectorAll('button')].find(
      (b) => b.textContent === 'Clear filters',
    )!;
    clear.click();
    await vi.waitFor(() => expect(byTestId('log-search').value).toBe(''));
    expect(location.hash).toBe('#all');
  });

  it('reads on by itself when a rare filter comes back short, then says more is left', async () => {
    const many = Array.from({ length: 3 }, (_, i) => mention({ quote: `quote ${i}` }));
    let calls = 0;
    const f = await renderLog(
      background(many, {
        // A rare filter: each call reads its bound and comes back short, with a cursor.
        listMentions: () => {
          calls++;
          const item = many[calls - 1];
          return ok({
            items: item ? [item] : [],
            total: null,
            next: { at: at(-calls), id: `scan-${calls}` },
          });
        },
      }),
      '#all?tone=positive',
    );
    // The list read on a few times by itself to fill its page, then stopped.
    expect(callsTo<ListArgs>(f, 'listMentions').map((c) => [c.limit, c.after?.id])).toEqual([
      [50, undefined],
      [49, 'scan-1'],
      [48, 'scan-2'],
      [47, 'scan-3'],
    ]);
    expect(rows()).toHaveLength(3);
    expect(byTestId('log-shown').textContent).toBe('Showing 3, more…');
    expect(
      [...document.querySelectorAll('button')].some((b) => b.textContent === 'Load more'),
    ).toBe(true);
  });

  it('says when nothing matches the filters', async () => {
    await renderLog(background([mention()]), '#all?q=nothing');
    expect(document.body.textContent).toContain(
      'No mention matches this search and these filters.',
    );
  });

  it('adds a tag to every checked mention in one call', async () => {
    const [a, b] = [mention({ quote: 'first' }), mention({ quote: 'second' })];
    const f = await renderLog(
      background([a!, b!], { tagMentions: () => ok({ tagged: 2 }) }),
      '#inbox',
    );
    const input = byTestId('log-tag-input');
    expect(input.disabled).toBe(true);
    $<HTMLInputElement>('[role="toolbar"] input[type="checkbox"]').click();
    await vi.waitFor(() => expect(input.disabled).toBe(false));
    expect(byTestId<HTMLButtonElement>('log-tag').disabled).toBe(true);
    type(input, ' vip ');
    await vi.waitFor(() => expect(byTestId<HTMLButtonElement>('log-tag').disabled).toBe(false));
    byTestId<HTMLButtonElement>('log-tag').click();
    await vi.waitFor(() => expect(callsTo(f, 'tagMentions')).toHaveLength(1));
    expect(callsTo(f, 'tagMentions')).toEqual([{ ids: [a!.id, b!.id], add: ['vip'] }]);
    await vi.waitFor(() =>
      expect($('[role="status"] .toast').textContent).toContain('Tag “vip” added to 2 mentions.'),
    );
    // The list is read again, the selection emptied.
    expect(callsTo(f, 'listMentions')).toHaveLength(2);
    expect(input.value).toBe('');
  });

  it('searches and filters the crisis list the same way', async () => {
    const f = await renderLog(background([]), '#crises?q=storm&level=3');
    expect(callsTo(f, 'listCrises')[0]).toEqual({
      state: 'all',
      limit: 50,
      after: null,
      filter: { q: 'storm', level: 3 },
    });
    expect(byTestId('crisis-search').value).toBe('storm');
    choose(byTestId<HTMLSelectElement>('filter-state'), 'open');
    await vi.waitFor(() => expect(callsTo(f, 'listCrises')).toHaveLength(2));
    expect(location.hash).toBe('#crises?q=storm&level=3&state=open');
    expect(callsTo(f, 'listCrises')[1]).toEqual({
      state: 'open',
      limit: 50,
      after: null,
      filter: { q: 'storm', level: 3 },
    });
    expect(unnamedControls(document.body)).toEqual([]);
  });
});
