/**
 * The changes a user makes to a crisis, as data, and what each one does to the crisis and its
 * journal. One pure function, so that every change is journaled the same way; each kind of
 * change has its handler, gathered by step in crisis-change/.
 */
import type {
  ChangeHandler,
  ChangeHandlers,
  ChangeResult,
  CrisisChange,
} from './crisis-change/change';
import type { Crisis } from './types';
import { assessChanges } from './crisis-change/assess';
import { crisisChanges } from './crisis-change/crisis';
import { informChanges } from './crisis-change/inform';
import { learnChanges } from './crisis-change/learn';
import { planChanges } from './crisis-change/plan';
import { reactChanges } from './crisis-change/react';

export type { CrisisChange } from './crisis-change/change';

/** Every kind of change with its handler: one left out is a type error. */
const HANDLERS: ChangeHandlers<CrisisChange['op']> = {
  ...crisisChanges,
  ...reactChanges,
  ...assessChanges,
  ...informChanges,
  ...planChanges,
  ...learnChanges,
};

/** The crisis after `change`, and the journal lines it writes; null when nothing changes. */
export function applyCrisisChange(
  crisis: Crisis,
  change: CrisisChange,
  now: string,
): ChangeResult | null {
  // A change that came through messaging may be of no known kind (nor should "constructor" find
  // the prototype's): nothing changes, as with any change that does not apply.
  if (!Object.hasOwn(HANDLERS, change.op)) return null;
  // The handler of `change.op` takes that kind of change, which TypeScript cannot pair up alone.
  const handler = HANDLERS[change.op] as ChangeHandler<CrisisChange['op']>;
  const result = handler(crisis, change, now);
  return result && { crisis: { ...result.crisis, updatedAt: now }, events: result.events };
}
