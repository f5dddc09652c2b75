import { describe, expect, it } from 'vitest';
import { backupDueDays } from '../../../../src/core/model/backup-due';

const now = Date.parse('2026-11-25T12:00:00.000Z');

describe('backup reminder', () => {
  it('is due once the last backup is older than the setting, and says how old', () => {
    const base = { backupReminderDays: 14, firstFlagAt: '2026-01-01T00:00:00.000Z', now };
    expect(backupDueDays({ ...base, lastBackupAt: '2026-11-20T12:00:00.000Z' })).toBeNull();
    expect(backupDueDays({ ...base, lastBackupAt: '2026-11-11T12:00:00.000Z' })).toBe(14);
    expect(backupDueDays({ ...base, lastBackupAt: '2026-10-01T12:00:00.000Z' })).toBe(55);
  });

  it('counts from the first flag when no backup was ever made, and never nags an empty log', () => {
    const base = { backupReminderDays: 7, lastBackupAt: null, now };
    expect(backupDueDays({ ...base, firstFlagAt: '2026-11-22T12:00:00.000Z' })).toBeNull();
    expect(backupDueDays({ ...base, firstFlagAt: '2026-11-10T12:00:00.000Z' })).toBe(15);
    expect(backupDueDays({ ...base, firstFlagAt: null })).toBeNull();
  });

  it('takes a last backup in the future for none: the reminder is not silenced for good', () => {
    const base = { backupReminderDays: 14, firstFlagAt: '2026-10-01T00:00:00.000Z', now };
    expect(backupDueDays({ ...base, lastBackupAt: '2099-01-01T00:00:00.000Z' })).toBe(55);
  });
});
