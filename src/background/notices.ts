/**
 * Vigie's notifications: shown one way, and their ids built and read back in one place, as
 * `menus.ts` does for menu ids: a click on a notification says what it was about, and where to
 * take the user. Each id is unique where a notification must not replace the last one (each
 * flag), and fixed where it must (one reminder per crisis and kind, one backup reminder).
 */
import { browser } from '../core/browser';
import { isReminderKind, type ReminderKind } from '../core/model/reminders';

const ICON = 'icons/icon-128.png';

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
  | { about: 'spike' }
  /** New negative items in the watched feeds. */
  | { about: 'feed' };

/**
 * The id of a notification about `notice`: what it is about, then its parts, joined by "|";
 * `at` (ms) makes it unique where it must be.
 */
export function noticeId(notice: Notice, at: number): string {
  switch (notice.about) {
    case 'flag':
      return `flag|${notice.mentionId}|${at}`;
    case 'crisis':
      return `crisis|${notice.crisisId}|${notice.reminder}`;
    case 'backup':
      return 'backup|due';
    default:
      return `${notice.about}|${at}`;
  }
}

/** What a notification of Vigie's was about; null for an id that is not one of Vigie's. */
export function parseNoticeId(id: string): Notice | null {
  const [about, first = '', second, ...more] = id.split('|');
  const time = /^\d+$/.test(second ?? first);
  if (more.length > 0 || !first) return null;
  if (about === 'flag' && second !== undefined && time) return { about, mentionId: first };
  if (about === 'crisis' && isReminderKind(second)) {
    return { about, crisisId: first, reminder: second };
  }
  if (second !== undefined) return null;
  if (about === 'backup' && first === 'due') return { about };
  if ((about === 'flag-failed' || about === 'spike' || about === 'feed') && time) return { about };
  return null;
}

/**
 * Shows the notification about `notice` (`at`, ms: see noticeId), with `button` where the
 * browser has buttons (not Firefox). Notifications turned off for the browser lose nothing:
 * the badge and the log still show what they would have said.
 */
export async function notify(
  notice: Notice,
  at: number,
  text: { title: string; message: string },
  button?: string,
): Promise<void> {
  const id = noticeId(notice, at);
  const options = { type: 'basic' as const, iconUrl: browser.runtime.getURL(ICON), ...text };
  try {
    if (button) {
      // Chromium's `buttons`, which Firefox's schema (and so the polyfill's types) lacks:
      // Firefox refuses the call, and the notification goes again without it.
      const withButton = { ...options, buttons: [{ title: button }] };
      try {
        await browser.notifications.create(id, withButton);
        return;
      } catch {
        // Below, without the button.
      }
    }
    await browser.notifications.create(id, options);
  } catch {
    // Turned off: nothing more to tell through.
  }
}
