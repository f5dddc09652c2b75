/**
 * System notifications: the user sees that a flag worked, or why it was limited.
 */
import { browser } from '../core/browser';
import { t } from '../core/i18n';
import { mentionLabel } from '../core/model/mention';
import type { FlagOutcome } from '../core/messaging/protocol';
import { noticeId } from './notices';

const ICON = 'icons/icon-128.png';

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Tells the user what the flag stored, where, and whether the page could be read. */
export async function notifyFlagged(outcome: FlagOutcome): Promise<void> {
  const { mention, crisis, duplicate, limit } = outcome;
  const title = outcome.movedFrom
    ? t('notifyMovedTitle', clip(crisis?.title ?? '', 60))
    : duplicate
      ? t('notifyAlreadyFlaggedTitle')
      : crisis
        ? t('notifyFlaggedIntoTitle', clip(crisis.title, 60))
        : t('notifyFlaggedTitle');
  const lines = [`“${clip(mentionLabel(mention), 140)}”`];
  if (limit === 'unscriptable') lines.push(t('notifyLimited'));
  if (outcome.crisisGone) lines.push(t('notifyCrisisGone'));
  try {
    await browser.notifications.create(
      noticeId({ about: 'flag', mentionId: mention.id }, Date.now()),
      {
        type: 'basic',
        iconUrl: browser.runtime.getURL(ICON),
        title,
        message: lines.join('\n'),
      },
    );
  } catch {
    // Notifications may be turned off for the browser; the badge still shows the flag.
  }
}

/** Tells the user a flag failed, with the reason in words. */
export async function notifyFlagFailed(reason: string): Promise<void> {
  try {
    await browser.notifications.create(noticeId({ about: 'flag-failed' }, Date.now()), {
      type: 'basic',
      iconUrl: browser.runtime.getURL(ICON),
      title: t('notifyFlagFailedTitle'),
      message: reason,
    });
  } catch {
    // As above: nothing more to tell through.
  }
}
