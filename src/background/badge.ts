/**
 * The toolbar badge: open crises when there are any (red when a reaction is overdue), otherwise
 * the mentions waiting for triage; the tooltip spells both out.
 */
import { browser } from '../core/browser';
import { t, tn } from '../core/i18n';
import { openCrises } from '../core/db/crises';
import { mentionCounts } from '../core/db/mentions';
import { getSettings } from '../core/db/settings';
import { isReactionOverdue } from '../core/model/deadlines';
import { database } from './database';

export const BADGE_COLORS = { overdue: '#c5221f', crisis: '#e37400', inbox: '#1a73e8' } as const;

export interface BadgeView {
  text: string;
  color: string;
  title: string;
}

/** What the badge shows for these counts (pure, for tests). */
export function badgeView(untriaged: number, crises: number, overdue: boolean): BadgeView {
  const title = [
    t('extName'),
    tn('badgeUntriaged', untriaged, String(untriaged)),
    tn('badgeOpenCrises', crises, String(crises)),
  ].join('\n');
  const short = (n: number) => (n > 999 ? '999+' : String(n));
  if (crises > 0) {
    return {
      text: short(crises),
      color: overdue ? BADGE_COLORS.overdue : BADGE_COLORS.crisis,
      title,
    };
  }
  return { text: untriaged > 0 ? short(untriaged) : '', color: BADGE_COLORS.inbox, title };
}

let pending: Promise<void> = Promise.resolve();

/**
 * Recomputes the badge from the database; calls are serialized so the last one wins. `at` is
 * the time to judge deadlines at (an alarm may fire a moment before its scheduled time).
 */
export function refreshBadge(at?: number): Promise<void> {
  pending = pending
    .then(async () => {
      const db = await database();
      // Open crises are few: one read gives both their number and whether one is overdue.
      const [counts, crises, settings] = await Promise.all([
        mentionCounts(db),
        openCrises(db),
        getSettings(db),
      ]);
      const now = Math.max(Date.now(), at ?? 0);
      const overdue = crises.some((c) => isReactionOverdue(c, settings, now));
      const view = badgeView(counts.untriaged, crises.length, overdue);
      await Promise.all([
        browser.action.setBadgeText({ text: view.text }),
        browser.action.setBadgeBackgroundColor({ color: view.color }),
        browser.action.setTitle({ title: view.title }),
      ]);
    })
    .catch((error: unknown) => console.error('Vigie: badge', error));
  return pending;
}
