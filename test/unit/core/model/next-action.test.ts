import { describe, expect, it } from 'vitest';
import { moveToStep, newCrisis } from '../../../../src/core/model/crisis';
import { nextAction, uninformedKeyCount } from '../../../../src/core/model/next-action';
import { DEFAULT_SETTINGS } from '../../../../src/core/model/settings';
import type { Stakeholder } from '../../../../src/core/model/types';
import { at } from '../../helpers';

const boss: Stakeholder = {
  id: 'b',
  name: 'Ana',
  role: 'boss',
  channel: 'email',
  contact: 'ana@x.example',
  key: true,
  lang: null,
  greeting: '',
};
const crisis = () =>
  newCrisis({
    title: 'Leak',
    level: 3,
    openedAt: at(0),
    checklist: DEFAULT_SETTINGS.checklist,
    stakeholders: [boss],
  });

describe('the next thing to do', () => {
  it('is containment first, while the reaction is pending', () => {
    expect(nextAction(crisis())).toEqual({ kind: 'contain', count: 4 });
  });

  it('keeps key stakeholders not informed flagged from step 3 on, whatever the step', () => {
    const base = crisis();
    // Containment started: the next thing is no longer to contain.
    const contained = {
      ...base,
      react: { checklist: base.react.checklist.map((i) => ({ ...i, done: true, doneAt: at(5) })) },
    };
    const c = moveToStep(contained, 'plan', at(10));
    expect(uninformedKeyCount(c)).toBe(1);
    expect(nextAction(c)).toEqual({ kind: 'inform', count: 1 });
    const informed = {
      ...c,
      inform: { ...c.inform, stakeholders: [{ ...boss, informedAt: at(20), message: null }] },
    };
    expect(nextAction(informed)).toEqual({ kind: 'plan' });
  });

  it('is nothing once the crisis is closed', () => {
    expect(nextAction(moveToStep(crisis(), 'closed', at(99)))).toBeNull();
  });
});
