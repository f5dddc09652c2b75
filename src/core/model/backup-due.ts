/**
 * When to remind the user to make a backup: the log holds something, and the last backup (or,
 * when none was ever made, the first flag) is older than the setting's number of days.
 */
import { DAY } from '../time';

export interface BackupDueInput {
  backupReminderDays: number;
  lastBackupAt: string | null;
  /** When the oldest mention was captured; null when the log is empty. */
  firstFlagAt: string | null;
  now: number;
}

/**
 * Whole days since the last backup (or the first flag) when a backup is due, else null. A last
 * backup in the future (a clock set wrong, a crafted file imported) is no backup: it would
 * silence the reminder for good.
 */
export function backupDueDays(input: BackupDueInput): number | null {
  if (input.firstFlagAt === null || !(input.backupReminderDays >= 1)) return null;
  const last = input.lastBackupAt === null ? NaN : Date.parse(input.lastBackupAt);
  const since = last <= input.now ? last : Date.parse(input.firstFlagAt);
  if (Number.isNaN(since)) return null;
  const days = Math.floor((input.now - since) / DAY);
  return days >= input.backupReminderDays ? days : null;
}
