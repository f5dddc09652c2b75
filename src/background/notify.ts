/**
 * System notifications: the user sees that a flag worked, or why it was limited.
 */
import { t } from '../core/i18n';
import { mentionLabel } from '../core/model/mention';
import type { FlagOutcome } from '../core/messaging/protocol';
import { notify } from './notices';

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
  const notice = { about: 'flag', mentionId: mention.id } as const;
  await notify(notice, Date.now(), { title, message: lines.join('\n') });
}

/** Tells the user a flag failed, with the reason in words. */
export async function notifyFlagFailed(reason: string): Promise<void> {
  await notify({ about: 'flag-failed' }, Date.now(), {
    title: t('notifyFlagFailedTitle'),
    message: reason,
  });
}
