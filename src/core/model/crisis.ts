/**
 * Pure functions over crises: a new crisis from the settings, and moving between steps.
 */
import { newId } from './ids';
import type {
  ChecklistItem,
  Crisis,
  CrisisStep,
  Level,
  Stakeholder,
  StepId,
  StepState,
} from './types';
import { STEPS } from './types';

/** A crisis opened now, at the given level, with the containment checklist from the settings. */
export function newCrisis(args: {
  title: string;
  level: Level;
  openedAt: string;
  checklist: { id: string; label: string; temporary: boolean }[];
  /** The directory's stakeholders, copied into the crisis's list to inform. */
  stakeholders?: readonly Stakeholder[];
}): Crisis {
  const checklist: ChecklistItem[] = args.checklist.map((item) => ({
    id: item.id,
    label: item.label,
    temporary: item.temporary,
    done: false,
    doneAt: null,
  }));
  return {
    id: newId(),
    title: args.title.trim().slice(0, 200),
    level: args.level,
    openedAt: args.openedAt,
    step: 'react',
    steps: {
      react: 'pending',
      assess: 'pending',
      inform: 'pending',
      plan: 'pending',
      learn: 'pending',
    },
    state: 'open',
    closedAt: null,
    updatedAt: args.openedAt,
    react: { checklist },
    assess: { damages: [] },
    inform: {
      stakeholders: (args.stakeholders ?? []).map((s) => ({ ...s, informedAt: null })),
      message: '',
    },
    plan: { actions: [], apologies: [], updates: [] },
    learn: {
      whatHappened: '',
      whys: [],
      decision: '',
      circumstances: '',
      rootCause: '',
      precautions: [],
      watchTerms: [],
    },
  };
}

/** The position of a step in the method; closed comes after learn. */
export function stepIndex(step: CrisisStep): number {
  return step === 'closed' ? STEPS.length : STEPS.indexOf(step);
}

/**
 * Moves a crisis to `target`. Steps passed over on the way forward are marked skipped unless done
 * (shown as skipped, never hidden); the step being left forward is marked done. Going back keeps
 * every mark so the user sees what was done or skipped.
 */
export function moveToStep(crisis: Crisis, target: CrisisStep, now: string): Crisis {
  const from = stepIndex(crisis.step);
  const to = stepIndex(target);
  const steps: Record<StepId, StepState> = { ...crisis.steps };
  if (to > from) {
    STEPS.forEach((id, i) => {
      if (i === from && steps[id] === 'pending') steps[id] = 'done';
      else if (i > from && i < to && steps[id] === 'pending') steps[id] = 'skipped';
    });
  }
  const closed = target === 'closed';
  return {
    ...crisis,
    step: target,
    steps,
    state: closed ? 'closed' : 'open',
    closedAt: closed ? (crisis.closedAt ?? now) : null,
    updatedAt: now,
  };
}
