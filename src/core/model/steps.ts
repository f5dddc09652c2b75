/**
 * What each of the five steps asks before it counts as done, so that what Vigie says is true:
 * a step is done when its own work is, or when the user marks it done and says why; a step left
 * undone stays in progress; skipping one is the user's explicit choice. And what is still open
 * when a crisis is about to close.
 */
import { STEPS, type Crisis, type CrisisStep, type StepId } from './types';

/** The containment item that always comes first: stop further damage. */
export const STOP_DAMAGE = 'stop-damage';

/**
 * Whether the crisis has reacted: containment started (its "stop further damage" item done,
 * or any item where the checklist has none), or the react step marked done.
 */
export function hasReacted(crisis: Crisis): boolean {
  if (crisis.steps.react === 'done') return true;
  const { checklist } = crisis.react;
  const stop = checklist.find((item) => item.id === STOP_DAMAGE);
  return stop ? stop.done : checklist.some((item) => item.done);
}

/** Whether every key stakeholder (and at least one person) has been informed. */
function everyKeyInformed(crisis: Crisis): boolean {
  const people = crisis.inform.stakeholders;
  return people.some((s) => s.informedAt) && people.every((s) => !s.key || s.informedAt);
}

/** Whether a step's own work is done. */
export function stepCriteriaMet(crisis: Crisis, step: StepId): boolean {
  switch (step) {
    case 'react':
      return hasReacted(crisis);
    case 'assess':
      return crisis.assess.damages.length > 0;
    case 'inform':
      return everyKeyInformed(crisis);
    case 'plan': {
      // Acted: actions planned and carried out, and every damage repaired or accepted.
      const { actions } = crisis.plan;
      const repaired = new Set(actions.map((a) => a.damageId));
      return (
        actions.length > 0 &&
        actions.every((a) => a.status === 'done') &&
        crisis.assess.damages.every((d) => d.accepted || repaired.has(d.id))
      );
    }
    case 'learn':
      return crisis.learn.rootCause.trim() !== '' && crisis.learn.whatHappened.trim() !== '';
  }
}

/** Whether anything of a step's work has been done yet. */
export function stepStarted(crisis: Crisis, step: StepId): boolean {
  switch (step) {
    case 'react':
      return crisis.react.checklist.some((item) => item.done);
    case 'assess':
      return crisis.assess.damages.length > 0;
    case 'inform':
      return crisis.inform.stakeholders.some((s) => s.informedAt) || crisis.inform.message !== '';
    case 'plan':
      return (
        crisis.plan.actions.length > 0 ||
        crisis.plan.apologies.length > 0 ||
        crisis.plan.updates.length > 0
      );
    case 'learn': {
      const l = crisis.learn;
      return [l.whatHappened, l.decision, l.circumstances, l.rootCause, ...l.whys].some(
        (text) => text.trim() !== '',
      );
    }
  }
}

/**
 * How a step shows: done, skipped, in progress (begun or left undone), still to do, or, once the
 * crisis is closed, not done.
 */
export type StepProgress = 'done' | 'skipped' | 'in-progress' | 'to-do' | 'not-done';

const indexOf = (step: CrisisStep) => (step === 'closed' ? STEPS.length : STEPS.indexOf(step));

export function stepProgress(crisis: Crisis, step: StepId): StepProgress {
  const state = crisis.steps[step];
  if (state !== 'pending') return state;
  if (crisis.state === 'closed') return 'not-done';
  const left = indexOf(step) < indexOf(crisis.step);
  return left || stepStarted(crisis, step) ? 'in-progress' : 'to-do';
}

/** What is still open in a crisis: said before it is closed. */
export interface LooseEnds {
  /** Containment items not done. */
  containment: number;
  /** Key stakeholders not informed. */
  uninformed: number;
  /** Actions not done. */
  actions: number;
}

export function looseEnds(crisis: Crisis): LooseEnds {
  return {
    containment: crisis.react.checklist.filter((item) => !item.done).length,
    uninformed: crisis.inform.stakeholders.filter((s) => s.key && !s.informedAt).length,
    actions: crisis.plan.actions.filter((a) => a.status !== 'done').length,
  };
}

/** Whether a crisis has nothing left open. */
export function noLooseEnds(ends: LooseEnds): boolean {
  return ends.containment === 0 && ends.uninformed === 0 && ends.actions === 0;
}
