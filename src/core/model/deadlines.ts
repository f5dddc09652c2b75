/**
 * Reaction deadlines: detection time plus the level's target.
 */
import type { Crisis, Settings } from './types';

const HOUR = 3_600_000;

/** When the reaction target of a crisis falls due (ms since epoch). */
export function reactionDueAt(crisis: Crisis, settings: Settings): number {
  return Date.parse(crisis.openedAt) + settings.reactionTargetsHours[crisis.level] * HOUR;
}

/** True while a crisis is open, its reaction step not done, and its target reached. */
export function isReactionOverdue(crisis: Crisis, settings: Settings, now: number): boolean {
  return (
    crisis.state === 'open' &&
    crisis.steps.react === 'pending' &&
    now >= reactionDueAt(crisis, settings)
  );
}
