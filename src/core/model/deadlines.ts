/**
 * Reaction deadlines: detection time (the crisis's `openedAt`: its earliest mention's flag, or
 * its opening) plus the level's target.
 */
import { hasReacted } from './steps';
import type { Crisis, Settings } from './types';

const HOUR = 3_600_000;

/** When the reaction target of a crisis falls due (ms since epoch). */
export function reactionDueAt(crisis: Crisis, settings: Settings): number {
  return Date.parse(crisis.openedAt) + settings.reactionTargetsHours[crisis.level] * HOUR;
}

/** True while a crisis is open, has not reacted (containment not started), and its target passed. */
export function isReactionOverdue(crisis: Crisis, settings: Settings, now: number): boolean {
  return crisis.state === 'open' && !hasReacted(crisis) && now >= reactionDueAt(crisis, settings);
}
