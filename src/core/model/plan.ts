/**
 * Step 4, plan and act: what the plan still misses. A damage row needs an action that repairs
 * it (or an explicit decision to accept it); a temporary fix from step 1 needs a lasting repair.
 */
import type { ChecklistItem, Crisis, DamageRow } from './types';

/** Damage rows with no repairing action that the user has not explicitly accepted. */
export function unrepairedDamages(crisis: Crisis): DamageRow[] {
  const repaired = new Set(crisis.plan.actions.map((a) => a.damageId));
  return crisis.assess.damages.filter((d) => !d.accepted && !repaired.has(d.id));
}

/** Temporary fixes put in place in step 1 that no action replaces yet. */
export function temporaryFixesToReplace(crisis: Crisis): ChecklistItem[] {
  const replaced = new Set(crisis.plan.actions.map((a) => a.replacesChecklistId));
  return crisis.react.checklist.filter((i) => i.temporary && i.done && !replaced.has(i.id));
}
