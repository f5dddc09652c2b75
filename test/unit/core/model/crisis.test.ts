import { describe, expect, it } from 'vitest';
import { moveToStep, newCrisis } from '../../../../src/core/model/crisis';
import { isReactionOverdue, reactionDueAt } from '../../../../src/core/model/deadlines';
import { DEFAULT_SETTINGS, mergeSettings } from '../../../../src/core/model/settings';
import { at } from '../../helpers';

const crisis = () =>
  newCrisis({
    title: '  Bad buzz  ',
    level: 3,
    openedAt: at(0),
    checklist: DEFAULT_SETTINGS.checklist,
  });

describe('crisis model', () => {
  it('opens at step 1 with the containment checklist, stop-the-damage first', () => {
    const c = crisis();
    expect(c).toMatchObject({ title: 'Bad buzz', step: 'react', state: 'open', closedAt: null });
    expect(c.react.checklist.map((i) => i.id)[0]).toBe('stop-damage');
    expect(c.react.checklist.find((i) => i.id === 'temporary-fix')?.temporary).toBe(true);
  });

  it('shows steps jumped over as skipped, never hidden, and keeps marks when going back', () => {
    const moved = moveToStep(crisis(), 'inform', at(10));
    expect(moved.steps).toEqual({
      react: 'done',
      assess: 'skipped',
      inform: 'pending',
      plan: 'pending',
      learn: 'pending',
    });
    const back = moveToStep(moved, 'assess', at(20));
    expect(back.step).toBe('assess');
    expect(back.steps.assess).toBe('skipped');
  });

  it('closes and reopens', () => {
    const closed = moveToStep(crisis(), 'closed', at(30));
    expect(closed).toMatchObject({ state: 'closed', closedAt: at(30) });
    const reopened = moveToStep(closed, 'learn', at(40));
    expect(reopened).toMatchObject({ state: 'open', closedAt: null, step: 'learn' });
  });

  it('is overdue once the level target passed with the reaction not done', () => {
    const c = crisis();
    const due = reactionDueAt(c, DEFAULT_SETTINGS);
    expect(due - Date.parse(c.openedAt)).toBe(4 * 3_600_000);
    expect(isReactionOverdue(c, DEFAULT_SETTINGS, due - 1)).toBe(false);
    expect(isReactionOverdue(c, DEFAULT_SETTINGS, due + 1)).toBe(true);
    expect(isReactionOverdue(moveToStep(c, 'assess', at(1)), DEFAULT_SETTINGS, due + 1)).toBe(
      false,
    );
  });

  it('keeps reaction targets positive when settings are merged', () => {
    const s = mergeSettings({ reactionTargetsHours: { 1: 48, 2: -1, 3: 4, 4: 1 } });
    expect(s.reactionTargetsHours).toEqual({ 1: 48, 2: 24, 3: 4, 4: 1 });
    expect(s.checklist).toEqual(DEFAULT_SETTINGS.checklist);
  });
});
