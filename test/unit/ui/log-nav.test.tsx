// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/core/model/settings';
import { fakeBrowser, type Answers } from './fake-browser';

const fake = vi.hoisted(() => ({ current: null as ReturnType<typeof fakeBrowser> | null }));
vi.mock('../../../src/core/browser', () => ({
  get browser() {
    return fake.current!.browser;
  },
}));

const ok = <T,>(value: T) => ({ ok: true as const, value });

async function openLog(backupDueDays: number | null) {
  const answers: Answers = {
    getCounts: () => ok({ untriaged: 0, inbox: 0, mentions: 3, openCrises: 0, backupDueDays }),
    getSettings: () => ok(DEFAULT_SETTINGS),
  };
  fake.current = fakeBrowser(answers);
  location.hash = '#settings';
  document.body.replaceChildren(Object.assign(document.createElement('div'), { id: 'app' }));
  vi.resetModules();
  await import('../../../src/dashboard/main');
  await vi.waitFor(() =>
    expect(fake.current!.calls.some((c) => c.call === 'getCounts')).toBe(true),
  );
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
});
