// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/core/model/settings';
import { mention } from '../helpers';
import { fakeBrowser, type Answers } from '../fake-browser';

const fake = vi.hoisted(() => ({ current: null as ReturnType<typeof fakeBrowser> | null }));
vi.mock('../../../src/core/browser', () => ({
  get browser() {
    return fake.current!.browser;
  },
}));

const ok = <T,>(value: T) => ({ ok: true as const, value });

async function openLog(backupDueDays: number | null, hash = '#settings') {
  const answers: Answers = {
    getCounts: () => ok({ untriaged: 0, inbox: 0, mentions: 3, openCrises: 0, backupDueDays }),
    getSettings: () => ok(DEFAULT_SETTINGS),
    listMentions: () =>
      ok({ items: [mention({ quote: 'The refund never came.' })], next: null, total: 1 }),
    listCrises: () => ok({ items: [], next: null, total: 0 }),
  };
  fake.current = fakeBrowser(answers);
  location.hash = hash;
  document.body.replaceChildren(Object.assign(document.createElement('div'), { id: 'app' }));
  vi.resetModules();
  await import('../../../src/dashboard/main');
  // What was asked as the log's code ran, before any of its screens rendered.
  const asAtStart = fake.current.calls.map((c) => c.call);
  await vi.waitFor(() =>
    expect(fake.current!.calls.some((c) => c.call === 'getCounts')).toBe(true),
  );
  return asAtStart;
}

afterEach(async () => {
  const { render } = await import('preact');
  render(null, document.getElementById('app')!);
  fake.current = null;
});

describe('crisis log navigation', () => {
  it('reminds gently that no backup was made for a while, linking to the backup screen', async () => {
    await openLog(21);
    const reminder = await vi.waitFor(() => {
      const link = document.querySelector<HTMLAnchorElement>('[data-testid="log-backup-due"]');
      if (!link) throw new Error('no reminder yet');
      return link;
    });
    expect(reminder.textContent).toBe('No backup for 21 days');
    expect(reminder.getAttribute('href')).toBe('#backup');
  });

  it('says nothing when a backup is recent', async () => {
    await openLog(null);
    await vi.waitFor(() => expect(document.querySelector('nav')).not.toBeNull());
    await new Promise((r) => setTimeout(r, 20));
    expect(document.querySelector('[data-testid="log-backup-due"]')).toBeNull();
    expect([...document.querySelectorAll('nav a')].map((a) => a.textContent)).toContain(
      'Backup and import',
    );
  });

  it('opens on the settings screen, whose code is loaded when it is first shown', async () => {
    await openLog(null);
    const heading = await vi.waitFor(() => {
      const h1 = document.querySelector('main h1');
      if (!h1) throw new Error('no screen yet');
      return h1;
    });
    expect(heading.textContent).toBe('Settings');
  });

  it('asks for the first page of the list it opens on once, before its first render', async () => {
    const asAtStart = await openLog(null, '#all?tone=negative');
    expect(asAtStart).toEqual(['listMentions']);
    await vi.waitFor(() =>
      expect(document.querySelector('[data-testid="log-mention-quote"]')?.textContent).toContain(
        'The refund never came.',
      ),
    );
    const asked = fake.current!.calls.filter((c) => c.call === 'listMentions');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.args).toMatchObject({ scope: { in: 'all' }, filter: { tone: 'negative' } });
  });
});
