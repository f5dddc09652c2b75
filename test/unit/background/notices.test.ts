import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '../fake-browser';

/** What the browser was asked to show, and whether it refuses buttons (Firefox) or all. */
const shown: { id: string; options: Record<string, unknown> }[] = [];
const refuses = { buttons: false, all: false };

vi.mock('../../../src/core/browser', () => ({
  browser: {
    ...fakeBrowser({}).browser,
    notifications: {
      async create(id: string, options: Record<string, unknown>) {
        if (refuses.all || (refuses.buttons && 'buttons' in options)) throw new Error('refused');
        shown.push({ id, options });
        return id;
      },
    },
  },
}));

const { noticeId, notify, parseNoticeId } = await import('../../../src/background/notices');
type Notice = Parameters<typeof noticeId>[0];

describe('notification ids', () => {
  it('read back what each notification was about', () => {
    const notices: Notice[] = [
      { about: 'flag', mentionId: 'm-1' },
      { about: 'flag-failed' },
      { about: 'crisis', crisisId: 'c-1', reminder: 'react-overdue' },
      { about: 'backup' },
      { about: 'spike' },
    ];
    for (const notice of notices)
      expect(parseNoticeId(noticeId(notice, 1_700_000_000_000))).toEqual(notice);
  });

  it('are unique per flag and spike, fixed per crisis reminder and for the backup', () => {
    expect(noticeId({ about: 'flag', mentionId: 'm' }, 1)).not.toBe(
      noticeId({ about: 'flag', mentionId: 'm' }, 2),
    );
    expect(noticeId({ about: 'spike' }, 1)).not.toBe(noticeId({ about: 'spike' }, 2));
    const reminder: Notice = { about: 'crisis', crisisId: 'c', reminder: 'update-due' };
    expect(noticeId(reminder, 1)).toBe(noticeId(reminder, 2));
    expect(noticeId({ about: 'backup' }, 1)).toBe(noticeId({ about: 'backup' }, 2));
  });

  it('are not read into another extension’s or a malformed id', () => {
    for (const id of [
      '',
      'flag|',
      'flag|m',
      'flag|m|soon',
      'flag:m:1',
      'flag-failed|1|2',
      'crisis|c',
      'crisis|c|k|x',
      'spike|soon',
      'other|1',
      'backup|',
    ]) {
      expect(parseNoticeId(id)).toBeNull();
    }
  });
});

describe('a notification shown', () => {
  const text = { title: 'Unusual number', message: '12 flags' };

  it('carries its button where the browser has buttons, and goes without it where not', async () => {
    shown.length = 0;
    await notify({ about: 'spike' }, 5, text, 'Open a crisis');
    expect(shown).toEqual([
      {
        id: 'spike|5',
        options: expect.objectContaining({ ...text, buttons: [{ title: 'Open a crisis' }] }),
      },
    ]);
    shown.length = 0;
    refuses.buttons = true;
    await notify({ about: 'spike' }, 6, text, 'Open a crisis');
    refuses.buttons = false;
    expect(shown).toHaveLength(1);
    expect(shown[0]!.options).toMatchObject({ type: 'basic', ...text });
    expect(shown[0]!.options).not.toHaveProperty('buttons');
  });

  it('turned off in the browser, fails without failing what raised it', async () => {
    shown.length = 0;
    refuses.all = true;
    await expect(notify({ about: 'backup' }, 1, text)).resolves.toBeUndefined();
    refuses.all = false;
    expect(shown).toEqual([]);
  });
});
