/**
 * The gentle backup reminder: a browser alarm looks every few hours whether the last backup is
 * older than the setting, and then notifies at most once per that many days. The crisis log
 * shows the same reminder in its navigation (see `backupDue`).
 */
import { browser, type Alarms } from '../core/browser';
import { t } from '../core/i18n';
import type { VigieDatabase } from '../core/db/open';
import { getSettings } from '../core/db/settings';
import { oldestCaptureAt } from '../core/db/stats';
import { backupDueDays } from '../core/model/backup-due';
import { DAY } from '../core/time';
import { notify } from './notices';

const ALARM = 'vigie-backup-check';
const REMINDED_KEY = 'backupRemindedAt';

/** Days since the last backup when one is due, else null. */
export async function backupDue(db: VigieDatabase, now: number): Promise<number | null> {
  const [settings, firstFlagAt] = await Promise.all([getSettings(db), oldestCaptureAt(db)]);
  return backupDueDays({
    backupReminderDays: settings.backupReminderDays,
    lastBackupAt: settings.lastBackupAt,
    firstFlagAt,
    now,
  });
}

/** Makes sure the periodic check exists (alarms survive a stopped worker, not a reinstall). */
export async function ensureBackupAlarm(): Promise<void> {
  if (!(await browser.alarms.get(ALARM))) {
    await browser.alarms.create(ALARM, { delayInMinutes: 5, periodInMinutes: 6 * 60 });
  }
}

/** The periodic check fired: notify when a backup is due and no reminder went out lately. */
export async function onBackupAlarm(alarm: Alarms.Alarm, db: VigieDatabase): Promise<boolean> {
  if (alarm.name !== ALARM) return false;
  const now = Date.now();
  const days = await backupDue(db, now);
  if (days === null) return true;
  const { backupReminderDays } = await getSettings(db);
  const last = (await browser.storage.local.get(REMINDED_KEY))[REMINDED_KEY];
  // A reminder "given" in the future (the clock was set wrong) silences nothing.
  if (typeof last === 'number' && last <= now && now - last < backupReminderDays * DAY) {
    return true;
  }
  await browser.storage.local.set({ [REMINDED_KEY]: now });
  await notify({ about: 'backup' }, now, {
    title: t('backupDueTitle'),
    message: t('backupDueMessage', String(days)),
  });
  return true;
}
