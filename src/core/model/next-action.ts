/**
 * The one next thing to do in a crisis, as the popup shows it ("Inform 2 key stakeholders").
 */
import { hasReacted } from './steps';
import type { Crisis } from './types';

export type NextAction =
  | { kind: 'contain'; count: number }
  | { kind: 'inform'; count: number }
  | { kind: 'assess' }
  | { kind: 'plan' }
  | { kind: 'learn' }
  | { kind: 'step'; step: Crisis['step'] };

/** Key stakeholders of a crisis not informed yet (flagged until they are). */
export function uninformedKeyCount(crisis: Crisis): number {
  return crisis.inform.stakeholders.filter((s) => s.key && !s.informedAt).length;
}

/**
 * What to do next: contain first while the reaction is pending; then inform key people not yet
 * informed, whatever the step (hiding the error is not an option); then the current step's work.
 */
export function nextAction(crisis: Crisis): NextAction | null {
  if (crisis.state === 'closed') return null;
  const toContain = crisis.react.checklist.filter((i) => !i.done).length;
  if (!hasReacted(crisis) && toContain > 0) return { kind: 'contain', count: toContain };
  const uninformed = uninformedKeyCount(crisis);
  if (uninformed > 0 && crisis.step !== 'react' && crisis.step !== 'assess') {
    return { kind: 'inform', count: uninformed };
  }
  if (crisis.step === 'assess' && crisis.assess.damages.length === 0) return { kind: 'assess' };
  if (crisis.step === 'plan' && crisis.plan.actions.length === 0) return { kind: 'plan' };
  if (crisis.step === 'learn' && !crisis.learn.whatHappened) return { kind: 'learn' };
  return { kind: 'step', step: crisis.step };
}
