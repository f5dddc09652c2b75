/**
 * What a change to a crisis writes in its journal, computed by comparing the crisis before and
 * after; and the metrics every report shows, computed from the journal alone.
 */
import type { Crisis, CrisisEvent, EventType, Settings, StepId } from './types';
import { STEPS } from './types';

/** A journal line before it gets its id and time. */
export interface EventDraft {
  type: EventType;
  data: CrisisEvent['data'];
}

/** The journal lines a step move writes: steps marked done or skipped, then the move itself. */
export function stepMoveEvents(before: Crisis, after: Crisis): EventDraft[] {
  const drafts: EventDraft[] = [];
  for (const step of STEPS) {
    if (before.steps[step] === after.steps[step]) continue;
    if (after.steps[step] === 'done') drafts.push({ type: 'step-done', data: { step } });
    if (after.steps[step] === 'skipped') drafts.push({ type: 'step-skipped', data: { step } });
  }
  if (before.step !== after.step) {
    const type: EventType =
      after.state === 'closed' ? 'closed' : before.state === 'closed' ? 'reopened' : 'step-changed';
    drafts.push({ type, data: { from: before.step, to: after.step } });
  }
  return drafts;
}

export interface CrisisMetrics {
  /** Detection → the react step done (containment), in ms; null while not done. */
  timeToReactMs: number | null;
  /** Detection → every key stakeholder informed, in ms; null while one is not. */
  timeToInformMs: number | null;
  /** Detection → closed, in ms; null while open. */
  timeToResolveMs: number | null;
  /** Reaction within the level's target: true/false once reacted (or overdue), null before. */
  reactTargetMet: boolean | null;
}

const HOUR = 3_600_000;

/**
 * The metrics of a crisis from its journal. The first time an event happened counts (a step
 * undone and done again does not move the reaction time); a reopened crisis counts its last close.
 */
export function crisisMetrics(
  crisis: Crisis,
  events: readonly CrisisEvent[],
  settings: Settings,
  now: number,
): CrisisMetrics {
  const opened = Date.parse(crisis.openedAt);
  const first = (match: (e: CrisisEvent) => boolean) => {
    const found = events.filter(match).map((e) => Date.parse(e.at));
    return found.length ? Math.min(...found) : null;
  };
  const reacted = first(
    (e) => e.type === 'step-done' && e.data.step === ('react' satisfies StepId),
  );

  const keyIds = crisis.inform.stakeholders.filter((s) => s.key).map((s) => s.id);
  const informedAt = keyIds.map((id) =>
    first((e) => e.type === 'stakeholder-informed' && e.data.stakeholderId === id),
  );
  const informed =
    keyIds.length > 0 && informedAt.every((t) => t !== null)
      ? Math.max(...(informedAt as number[]))
      : null;

  const closes = events.filter((e) => e.type === 'closed').map((e) => Date.parse(e.at));
  const closed = crisis.state === 'closed' && closes.length ? Math.max(...closes) : null;

  const target = opened + settings.reactionTargetsHours[crisis.level] * HOUR;
  const reactTargetMet = reacted !== null ? reacted <= target : now > target ? false : null;
  return {
    timeToReactMs: reacted === null ? null : reacted - opened,
    timeToInformMs: informed === null ? null : informed - opened,
    timeToResolveMs: closed === null ? null : closed - opened,
    reactTargetMet,
  };
}
