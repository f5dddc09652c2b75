/**
 * The ids of Vigie's notifications, built and read back in one place, as `menus.ts` does for
 * menu ids: a click on a notification says what it was about, and where to take the user.
 * Each id is unique where a notification must not replace the last one (each flag), and fixed
 * where it must (one reminder per crisis and kind, one backup reminder).
 */
import { isReminderKind, type ReminderKind } from '../core/model/reminders';

export type Notice =
  /** A flag was stored (the mention's id). */
  | { about: 'flag'; mentionId: string }
  /** A flag could not be stored. */
  | { about: 'flag-failed' }
  /** A crisis's reminder (its kind). */
  | { about: 'crisis'; crisisId: string; reminder: ReminderKind }
  /** The backup reminder. */
  | { about: 'backup' }
  /** A spike of negative sightings. */
  | { about: 'spike' };

/** The id of a notification about `notice`; `at` (ms) makes it unique where it must be. */
export function noticeId(notice: Notice, at: number): string {
  switch (notice.about) {
    case 'flag':
      return `flag:${notice.mentionId}:${at}`;
    case 'flag-failed':
      return `flag-failed:${at}`;
    case 'crisis':
      return `crisis|${notice.crisisId}|${notice.reminder}`;
    case 'backup':
      return 'backup|due';
    case 'spike':
      return `spike|${at}`;
  }
}

/** What a notification of Vigie's was about; null for an id that is not one of Vigie's. */
export function parseNoticeId(id: string): Notice | null {
  const flag = /^flag:([^:]+):\d+$/.exec(id);
  if (flag) return { about: 'flag', mentionId: flag[1]! };
  if (/^flag-failed:\d+$/.test(id)) return { about: 'flag-failed' };
  const crisis = /^crisis\|([^|]+)\|([^|]+)$/.exec(id);
  if (crisis && isReminderKind(crisis[2])) {
    return { about: 'crisis', crisisId: crisis[1]!, reminder: crisis[2] };
  }
  if (id === 'backup|due') return { about: 'backup' };
  if (/^spike\|\d+$/.test(id)) return { about: 'spike' };
  return null;
}
