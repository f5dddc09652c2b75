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
import { stepCriteriaMet } from './steps';
import { STEPS } from './types';

/** The longest crisis name. */
export const CRISIS_TITLE_MAX = 200;

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
    title: args.title.trim().slice(0, CRISIS_TITLE_MAX),
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
      stakeholders: (args.stakeholders ?? []).map((s) => ({
        ...s,
        informedAt: null,
        message: null,
      })),
      subject: '',
      message: '',
      lang: null,
      variant: null,
      fault: 'unknown',
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
 * Moves a crisis to `target`. Going forward, each step left behind whose own work is done
 * (core/model/steps.ts) is marked done; one whose work is not stays pending, shown in progress:
 * leaving a step is not doing it, and skipping one is the user's explicit choice
 * (`markStep`). Going back keeps every mark.
 */
export function moveToStep(crisis: Crisis, target: CrisisStep, now: string): Crisis {
  const from = stepIndex(crisis.step);
  const to = stepIndex(target);
  const steps: Record<StepId, StepState> = { ...crisis.steps };
  STEPS.forEach((id, i) => {
    if (i >= from && i < to && steps[id] === 'pending' && stepCriteriaMet(crisis, id)) {
      steps[id] = 'done';
    }
  });
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
