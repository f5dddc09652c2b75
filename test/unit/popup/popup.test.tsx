// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PopupState } from '../../../src/core/messaging/protocol';
import { mention } from '../helpers';
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

const state = (overrides: Partial<PopupState> = {}): PopupState => ({
  page: { url: 'https://news.example/a', title: 'News', canScript: true },
  pageMentions: [mention({ quote: 'Lumen is a scam <img src=x onerror=alert(1)>' })],
  pageMentionCount: 1,
  untriaged: 4,
  openCrises: [
    {
      id: 'c1',
      title: 'Refund storm',
      level: 3,
      step: 'assess',
      state: 'open',
      openedAt: '2026-11-20T09:00:00.000Z',
      mentionCount: 2,
      reactDueAt: null,
      uninformedKey: 2,
      next: { kind: 'inform', count: 2 },
      due: null,
    },
    {
      id: 'c2',
      title: 'Late reaction',
      level: 4,
      step: 'react',
      state: 'open',
      openedAt: '2026-11-20T09:00:00.000Z',
      mentionCount: 1,
      reactDueAt: '2026-11-20T10:00:00.000Z',
      uninformedKey: 0,
      next: { kind: 'contain', count: 3 },
      due: null,
    },
  ],
  ...overrides,
});

async function renderPopup(answers: Answers) {
  fake.current = fakeBrowser(answers);
  document.body.replaceChildren(Object.assign(document.createElement('div'), { id: 'app' }));
  delete document.body.dataset.ready;
  vi.resetModules();
  await import('../../../src/popup/main');
  await vi.waitFor(() => expect(document.body.dataset.ready).toBe('true'));
  return fake.current;
}

afterEach(() => {
  fake.current = null;
});

describe('popup', () => {
  it('renders the page’s mentions, the untriaged count and the open crises from one call', async () => {
    const { calls } = await renderPopup({ getPopupState: () => ({ ok: true, value: state() }) });
    expect(calls.map((c) => c.call)).toEqual(['getPopupState']);
    expect(calls[0]!.args).toEqual({ tabId: 7 });
    const text = document.body.textContent ?? '';
    expect(text).toContain('4 to triage');
    expect(text).toContain('Refund storm');
    expect(text).toContain('3 · Crisis');
    expect(text).toContain('Assess the damage');
    expect(text).toContain('→ Inform 2 key stakeholders');
    expect(text).toContain('→ Stop the damage: 3 containment items left');
    expect(document.querySelectorAll('[data-testid="popup-page-mention"]')).toHaveLength(1);
  });

  it('counts down to each reaction target, and says when it is overdue', async () => {
    await renderPopup({ getPopupState: () => ({ ok: true, value: state() }) });
    const [first, second] = [...document.querySelectorAll('.countdown')].map(
      (el) => el.textContent,
    );
    expect(first).toBe('');
    expect(second).toMatch(/^Reaction overdue by /);
  });

  it('shows markup from a page as text and creates no element from it', async () => {
    await renderPopup({ getPopupState: () => ({ ok: true, value: state() }) });
    expect(document.querySelector('[data-testid="popup-page-mention"]')?.textContent).toContain(
      '<img src=x onerror=alert(1)>',
    );
    expect(document.querySelectorAll('img[src="x"]')).toHaveLength(0);
  });

  it('gives every control an accessible name', async () => {
    await renderPopup({ getPopupState: () => ({ ok: true, value: state() }) });
    expect(unnamedControls(document.body)).toEqual([]);
  });

  it('says in words what went wrong when the background fails', async () => {
    await renderPopup({
      getPopupState: () => ({
        ok: false,
        error: { code: 'storage-full', message: 'QuotaExceededError' },
      }),
    });
    expect(document.querySelector('[role="alert"]')?.textContent).toMatch(
      /storage is full.*Nothing was lost/,
    );
  });

  it('flags the page and tells what happened', async () => {
    const { calls } = await renderPopup({
      getPopupState: () => ({ ok: true, value: state() }),
      flagTab: () => ({
        ok: true,
        value: { mention: mention(), duplicate: true, crisis: null, limit: null },
      }),
    });
    (document.querySelector('[data-testid="popup-flag"]') as HTMLButtonElement).click();
    await vi.waitFor(() =>
      expect(document.querySelector('[data-testid="popup-status"]')?.textContent).toMatch(
        /Already flagged/,
      ),
    );
    expect(calls.find((c) => c.call === 'flagTab')?.args).toEqual({
      tabId: 7,
      into: { to: 'inbox' },
    });
  });

  it('flags into a new crisis and names it', async () => {
    const { calls } = await renderPopup({
      getPopupState: () => ({ ok: true, value: state() }),
      flagTab: () => ({
        ok: true,
        value: {
          mention: mention(),
          duplicate: false,
          crisis: { title: 'Lumen Coffee is a scam' },
          limit: null,
          crisisGone: false,
          movedFrom: null,
        },
      }),
    });
    (document.querySelector('[data-testid="popup-flag-new-crisis"]') as HTMLButtonElement).click();
    await vi.waitFor(() =>
      expect(document.querySelector('[data-testid="popup-status"]')?.textContent).toBe(
        'Flagged into “Lumen Coffee is a scam”.',
      ),
    );
    expect(calls.find((c) => c.call === 'flagTab')?.args).toEqual({
      tabId: 7,
      into: { to: 'new-crisis' },
    });
    // The state is asked for again, so that the new mention and crisis show.
    expect(calls.filter((c) => c.call === 'getPopupState')).toHaveLength(2);
  });

  it('still flags a page it cannot read, and says it keeps only the address', async () => {
    await renderPopup({
      getPopupState: () => ({
        ok: true,
        value: state({
          page: { url: 'https://chromewebstore.google.com/x', title: 'Store', canScript: false },
          pageMentions: [],
          pageMentionCount: 0,
        }),
      }),
    });
    expect(document.body.textContent).toContain("Vigie can't read this page");
    expect(document.body.textContent).toContain('it will keep its address');
    expect(document.body.textContent).toContain('Nothing flagged on this page yet.');
    const flag = document.querySelector('[data-testid="popup-flag"]') as HTMLButtonElement;
    expect(flag.disabled).toBe(false);
  });

  it('opens the crisis log, or one crisis in it, and closes', async () => {
    const fake = await renderPopup({ getPopupState: () => ({ ok: true, value: state() }) });
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    const openOptions = vi.spyOn(fake.browser.runtime, 'openOptionsPage');
    const create = vi.spyOn(fake.browser.tabs, 'create');

    (document.querySelector('[data-testid="popup-open-log"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(close).toHaveBeenCalledTimes(1));
    expect(openOptions).toHaveBeenCalledTimes(1);

    document.querySelector<HTMLButtonElement>('[data-testid="popup-crisis"] button')!.click();
    await vi.waitFor(() => expect(close).toHaveBeenCalledTimes(2));
    expect(create).toHaveBeenCalledWith({
      url: 'chrome-extension://test/dashboard/index.html#crisis/c1',
    });
    close.mockRestore();
  });
  it('keeps a copy of the page for a mention, asking for pageCapture within the click', async () => {
    const m = mention({ quote: 'Lumen is a scam' });
    const kept = {
      ...m,
      evidence: {
        ...m.evidence,
        pageCopy: {
          id: 'p1',
          format: 'mhtml' as const,
          sha256: 'c'.repeat(64),
          savedAt: m.capturedAt,
          bytes: 1_572_864,
        },
      },
    };
    let copied = false;
    const fake = await renderPopup({
      getPopupState: () => ({
        ok: true,
        value: state({ pageMentions: [copied ? kept : m] }),
      }),
      keepPageCopy: () => {
        copied = true;
        return { ok: true, value: kept };
      },
    });
    const request = vi.fn(async () => true);
    Object.assign(fake.browser, { permissions: { request } });

    const keep = document.querySelector<HTMLButtonElement>('[data-testid="popup-keep-copy"]')!;
    expect(keep.getAttribute('aria-label')).toBe('Keep a copy of the page for: Lumen is a scam');
    keep.click();
    // Asked for before anything else is awaited: the browser prompts only during the gesture.
    expect(request).toHaveBeenCalledWith({ permissions: ['pageCapture'] });
    await vi.waitFor(() =>
      expect(document.querySelector('[data-testid="popup-copy-kept"]')?.textContent).toBe(
        'Copy of the page kept (1.5 MB)',
      ),
    );
    expect(fake.calls.find((c) => c.call === 'keepPageCopy')?.args).toEqual({
      mentionId: m.id,
      tabId: 7,
    });
    expect(document.querySelector('[data-testid="popup-status"]')?.textContent).toContain(
      'A copy of the page is kept',
    );
    expect(document.querySelector('[data-testid="popup-keep-copy"]')).toBeNull();
  });

  it('offers no copy of a page the browser keeps, and says why a copy failed', async () => {
    await renderPopup({
      getPopupState: () => ({
        ok: true,
        value: state({ page: { url: 'chrome://settings', title: 'Settings', canScript: false } }),
      }),
    });
    expect(document.querySelector('[data-testid="popup-keep-copy"]')).toBeNull();

    const fake = await renderPopup({
      getPopupState: () => ({ ok: true, value: state() }),
      keepPageCopy: () => ({
        ok: false,
        error: { code: 'wrong-page', message: 'The tab shows another page' },
      }),
    });
    Object.assign(fake.browser, { permissions: { request: async () => false } });
    document.querySelector<HTMLButtonElement>('[data-testid="popup-keep-copy"]')!.click();
    await vi.waitFor(() =>
      expect(document.querySelector('[role="alert"]')?.textContent).toContain(
        "open the mention's page again",
      ),
    );
  });
});
