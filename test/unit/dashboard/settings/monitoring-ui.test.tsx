// @vitest-environment happy-dom
/**
 * Monitoring in the UI: the settings screen's switch (the browser is asked for access to pages
 * on the click itself), the watchlist and word rules editors, and the popup's sightings with
 * one-click flag and the flagged quotes not found on the page any more.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PopupState } from '../../../../src/core/messaging/protocol';
import { mergeSettings } from '../../../../src/core/model/settings';
import type { Settings } from '../../../../src/core/model/types';
import { mention } from '../../helpers';
import { fakeBrowser, unnamedControls, type Answers } from '../../fake-browser';

type Fake = ReturnType<typeof fakeBrowser> & {
  browser: { permissions?: { request: (p: unknown) => Promise<boolean> } };
};

const fake = vi.hoisted(() => ({ current: null as Fake | null }));
vi.mock('../../../../src/core/browser', () => ({
  get browser() {
    return fake.current!.browser;
  },
}));

const ok = <T,>(value: T) => ({ ok: true as const, value });
const settled = () => new Promise((done) => setTimeout(done, 0));
const $ = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document) => {
  const found = root.querySelector(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found as unknown as T;
};
const byTestId = <T extends Element = HTMLElement>(id: string) => $<T>(`[data-testid="${id}"]`);
const all = (id: string) => [...document.querySelectorAll(`[data-testid="${id}"]`)];
const fill = (input: HTMLInputElement | HTMLSelectElement, value: string) => {
  input.value = value;
  input.dispatchEvent(
    new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
  );
};

/** A background that keeps its settings, with the monitoring switch and a granted or not. */
function background(stored: Partial<Settings>, grant: boolean) {
  let settings = mergeSettings(stored);
  const answers: Answers = {
    getCounts: () => ok({ untriaged: 0, inbox: 0, mentions: 0, openCrises: 0 }),
    getSettings: () => ok(settings),
    updateSettings: (args: { patch: Partial<Settings> }) => {
      settings = mergeSettings(settings, args.patch);
      return ok(settings);
    },
    setMonitoring: (args: { on: boolean }) => {
      const on = args.on && grant;
      settings = mergeSettings(settings, { monitoring: on });
      return ok({ settings, granted: on || !args.on });
    },
  };
  return answers;
}

async function renderSettings(stored: Partial<Settings>, grant = true) {
  const f = fakeBrowser(background(stored, grant)) as Fake;
  const request = vi.fn(async () => grant);
  f.browser.permissions = { request };
  fake.current = f;
  location.hash = '#settings';
  document.body.replaceChildren(Object.assign(document.createElement('div'), { id: 'app' }));
  delete document.body.dataset.ready;
  vi.resetModules();
  await import('../../../../src/dashboard/main');
  await vi.waitFor(() => expect(document.body.dataset.ready).toBe('true'));
  return { f, request };
}

afterEach(async () => {
  const { render } = await import('preact');
  const app = document.getElementById('app');
  if (app) render(null, app);
  fake.current = null;
});

describe('monitoring settings', () => {
  it('asks the browser for access to pages on the click, then turns monitoring on', async () => {
    const { f, request } = await renderSettings({});
    const toggle = byTestId<HTMLButtonElement>('settings-monitoring-switch');
    expect(toggle.getAttribute('role')).toBe('switch');
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    expect(byTestId('settings-monitoring').textContent).toContain('asks your browser for access');
    toggle.click();
    // Asked synchronously, inside the click: browsers ask the user only during a gesture.
    expect(request).toHaveBeenCalledExactlyOnceWith({ origins: ['<all_urls>'] });
    await vi.waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('true'));
    expect(f.calls.filter((c) => c.call === 'setMonitoring').map((c) => c.args)).toEqual([
      { on: true },
    ]);
    expect(byTestId('settings-monitoring').textContent).toContain('Monitoring is on.');

    // Off again: no permission asked; the background gives it back.
    toggle.click();
    await vi.waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'));
    expect(request).toHaveBeenCalledOnce();
    expect(f.calls.filter((c) => c.call === 'setMonitoring').at(-1)?.args).toEqual({ on: false });
  });

  it('stays off, and says why, when the browser does not grant access', async () => {
    const { f } = await renderSettings({}, false);
    byTestId<HTMLButtonElement>('settings-monitoring-switch').click();
    await vi.waitFor(() =>
      expect(byTestId('settings-monitoring').textContent).toContain('Monitoring stays off'),
    );
    expect(byTestId('settings-monitoring-switch').getAttribute('aria-checked')).toBe('false');
    expect(f.calls.filter((c) => c.call === 'setMonitoring')).toEqual([]);
  });

  it('says it waits for the browser’s question to be answered, then turns on', async () => {
    const { request } = await renderSettings({});
    let answer: (granted: boolean) => void = () => {};
    request.mockImplementationOnce(() => new Promise<boolean>((r) => (answer = r)));
    const toggle = byTestId<HTMLButtonElement>('settings-monitoring-switch');
    toggle.click();
    await vi.waitFor(() =>
      expect(byTestId('settings-monitoring').textContent).toContain(
        'Your browser is asking whether Vigie may read the sites you visit',
      ),
    );
    expect(toggle.disabled).toBe(true);
    answer(true);
    await vi.waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('true'));
    expect(byTestId('settings-monitoring').textContent).toContain('Monitoring is on.');
    expect(byTestId('settings-monitoring').textContent).not.toContain('Your browser is asking');
  });

  it('edits the watchlist: terms with comma-separated aliases, no name watched twice', async () => {
    const { f } = await renderSettings({
      watchlist: [{ id: 'w1', term: 'Lumen Coffee', aliases: ['Lumen'] }],
    });
    expect(all('settings-watch-entry').map((e) => e.textContent)).toEqual([
      expect.stringContaining('Also: Lumen'),
    ]);

    byTestId<HTMLButtonElement>('settings-watch-add').click();
    await settled();
    fill(byTestId('settings-watch-term'), '  ACME  ');
    fill(byTestId('settings-watch-aliases'), 'Acme Café, , acme café, Jean Dupont, ACME');
    await settled();
    byTestId<HTMLButtonElement>('settings-watch-save').click();
    await vi.waitFor(() => expect(all('settings-watch-entry')).toHaveLength(2));
    const patches = f.calls.filter((c) => c.call === 'updateSettings');
    expect(patches.at(-1)?.args).toEqual({
      patch: {
        watchlist: [
          { id: 'w1', term: 'Lumen Coffee', aliases: ['Lumen'] },
          { id: expect.any(String), term: 'ACME', aliases: ['Acme Café', 'Jean Dupont'] },
        ],
      },
    });

    // An alias already watched under another term is refused, with the reason.
    $<HTMLButtonElement>('button[aria-label="Edit ACME"]').click();
    await settled();
    fill(byTestId('settings-watch-aliases'), 'lumen');
    await settled();
    byTestId<HTMLButtonElement>('settings-watch-save').click();
    await settled();
    expect(document.querySelector('.field-error')?.textContent).toMatch(/already watched/);
    expect(f.calls.filter((c) => c.call === 'updateSettings')).toHaveLength(1);

    // Removed.
    (document.querySelector('form.edit button[type="button"]') as HTMLButtonElement).click();
    await settled();
    $<HTMLButtonElement>('button[aria-label="Remove Lumen Coffee"]').click();
    await vi.waitFor(() => expect(all('settings-watch-entry')).toHaveLength(1));
    expect(all('settings-watch-entry')[0]?.textContent).toContain('ACME');
  });

  it('edits the word rules: always or never negative', async () => {
    const { f } = await renderSettings({
      wordRules: [{ word: 'war zone', rule: 'never-negative' }],
    });
    fill(byTestId('settings-rule-word'), 'scam');
    fill($<HTMLSelectElement>('#rule-kind'), 'always-negative');
    await settled();
    byTestId<HTMLButtonElement>('settings-rule-add').click();
    await vi.waitFor(() => expect(all('settings-word-rule')).toHaveLength(2));
    expect(f.calls.filter((c) => c.call === 'updateSettings').at(-1)?.args).toEqual({
      patch: {
        wordRules: [
          { word: 'war zone', rule: 'never-negative' },
          { word: 'scam', rule: 'always-negative' },
        ],
      },
    });
    // The same word twice is refused.
    fill(byTestId('settings-rule-word'), 'SCAM');
    await settled();
    byTestId<HTMLButtonElement>('settings-rule-add').click();
    await settled();
    expect(document.querySelector('#rule-word-error')?.textContent).toMatch(/already has a rule/);

    fill($<HTMLSelectElement>('select[aria-label="Rule for war zone"]'), 'always-negative');
    await vi.waitFor(() =>
      expect(f.calls.filter((c) => c.call === 'updateSettings').at(-1)?.args).toEqual({
        patch: {
          wordRules: [
            { word: 'war zone', rule: 'always-negative' },
            { word: 'scam', rule: 'always-negative' },
          ],
        },
      }),
    );
    expect(unnamedControls(document.body)).toEqual([]);
  });
});

describe('popup sightings', () => {
  const gone = mention({ quote: 'Lumen lost my order' });
  const state = (): PopupState => ({
    page: { url: 'https://news.example/a', title: 'News', canScript: true },
    pageMentions: [mention({ quote: 'still here' }), gone],
    pageMentionCount: 2,
    untriaged: 1,
    openCrises: [],
    monitor: {
      shown: false,
      sightings: [
        {
          id: 's2',
          term: 'Lumen',
          sentence: 'Lumen charged me twice <img src=x onerror=alert(1)>',
          score: 0.81,
          negative: true,
          mentionId: null,
        },
        {
          id: 's1',
          term: 'Lumen',
          sentence: 'Lumen opened a shop.',
          score: 0,
          negative: false,
          mentionId: 'm9',
        },
      ],
      sightingCount: 2,
      notFound: [gone],
    },
  });

  async function renderPopup(answers: Answers) {
    fake.current = fakeBrowser(answers) as Fake;
    document.body.replaceChildren(Object.assign(document.createElement('div'), { id: 'app' }));
    delete document.body.dataset.ready;
    vi.resetModules();
    await import('../../../../src/popup/main');
    await vi.waitFor(() => expect(document.body.dataset.ready).toBe('true'));
    return fake.current;
  }

  it('lists the terms seen with their sentence as text and their negativity, and flags one', async () => {
    const { calls } = await renderPopup({
      getPopupState: () => ok(state()),
      flagSighting: () =>
        ok({ mention: mention(), duplicate: false, crisis: null, limit: null, crisisGone: false }),
    });
    expect(calls.map((c) => c.call)).toEqual(['getPopupState']);
    expect(document.body.textContent).toContain('Watched terms on this page (2)');
    // In words: the scorer's figure is no reading for a person.
    expect(all('popup-sighting-negativity').map((e) => e.textContent)).toEqual([
      'Very negative',
      'Not negative',
    ]);
    expect(all('popup-sighting-sentence')[0]?.textContent).toContain('<img src=x');
    expect(document.querySelectorAll('img[src="x"]')).toHaveLength(0);
    // The one already flagged says so; the other has its button.
    expect(all('popup-sighting-flagged')).toHaveLength(1);
    expect(all('popup-flag-sighting')).toHaveLength(1);
    expect(unnamedControls(document.body)).toEqual([]);

    byTestId<HTMLButtonElement>('popup-flag-sighting').click();
    await vi.waitFor(() =>
      expect(byTestId('popup-status').textContent).toBe('Mention flagged. It waits in the inbox.'),
    );
    expect(calls.find((c) => c.call === 'flagSighting')?.args).toEqual({
      tabId: 7,
      sightingId: 's2',
      into: { to: 'inbox' },
    });
  });

  it('shows the highlights on the page only when asked, and takes them away', async () => {
    let shown = false;
    const { calls } = await renderPopup({
      getPopupState: () => ok({ ...state(), monitor: { ...state().monitor!, shown } }),
      showOnPage: (args: { show: boolean }) => {
        shown = args.show;
        return ok({ shown, found: shown ? 3 : 0 });
      },
    });
    const toggle = byTestId<HTMLButtonElement>('popup-show-on-page');
    expect(toggle.textContent).toBe('Show on the page');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(document.body.textContent).toContain('the page has no way to see what Vigie watches');
    toggle.click();
    await vi.waitFor(() =>
      expect(byTestId('popup-status').textContent).toBe('Highlighted on the page: 3'),
    );
    expect(calls.find((c) => c.call === 'showOnPage')?.args).toEqual({ tabId: 7, show: true });
    await vi.waitFor(() =>
      expect(byTestId('popup-show-on-page').getAttribute('aria-pressed')).toBe('true'),
    );
    expect(byTestId('popup-show-on-page').textContent).toBe('Hide from the page');
    byTestId<HTMLButtonElement>('popup-show-on-page').click();
    await vi.waitFor(() =>
      expect(byTestId('popup-status').textContent).toBe('The highlights are gone from the page.'),
    );
  });

  it('says which flagged quotes are not on the page any more, keeping them listed', async () => {
    await renderPopup({ getPopupState: () => ok(state()) });
    const items = all('popup-page-mention').map((e) => e.textContent ?? '');
    expect(items).toHaveLength(2);
    expect(items[0]).not.toContain('Not found');
    expect(items[1]).toContain('Lumen lost my order');
    expect(items[1]).toContain('Not found on the page any more');
  });

  it('shows nothing of monitoring when it is off', async () => {
    const { monitor: _off, ...rest } = state();
    await renderPopup({ getPopupState: () => ok(rest) });
    expect(document.body.textContent).not.toContain('Watched terms');
    expect(all('popup-not-found')).toHaveLength(0);
  });
});
