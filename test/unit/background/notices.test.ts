import { describe, expect, it } from 'vitest';
import { noticeId, parseNoticeId, type Notice } from '../../../src/background/notices';

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
      'flag:',
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
