/**
 * A crisis's own deadlines, from its level's settings: the reaction (detection time — the
 * crisis's `openedAt`: its earliest mention's flag, or its opening — plus the level's target)
 * and the next status update (the last one, or the opening, plus the level's cadence).
 */
import { HOUR } from '../time';
import { hasReacted } from './steps';
import type { Crisis, Settings } from './types';

/** How long a crisis of this level has to react (ms). */
export function reactionTargetMs(crisis: Pick<Crisis, 'level'>, settings: Settings): number {
  return settings.reactionTargetsHours[crisis.level] * HOUR;
}

/** When the reaction target of a crisis falls due (ms since epoch). */
export function reactionDueAt(crisis: Crisis, settings: Settings): number {
  return Date.parse(crisis.openedAt) + reactionTargetMs(crisis, settings);
}

/** How often the people concerned are to hear from a crisis of this level (ms). */
export function updateCadenceMs(crisis: Pick<Crisis, 'level'>, settings: Settings): number {
  return settings.updateCadenceHours[crisis.level] * HOUR;
}

/** When the next status update of an open crisis is due: the last one (or opening) + cadence. */
export function updateDueAt(crisis: Crisis, settings: Settings): number {
  const updates = crisis.plan.updates.map((u) => Date.parse(u.sentAt));
  const last = updates.length ? Math.max(...updates) : Date.parse(crisis.openedAt);
  return last + updateCadenceMs(crisis, settings);
}

/** True while a crisis is open, has not reacted (containment not started), and its target passed. */
export function isReactionOverdue(crisis: Crisis, settings: Settings, now: number): boolean {
  return crisis.state === 'open' && !hasReacted(crisis) && now >= reactionDueAt(crisis, settings);
}
