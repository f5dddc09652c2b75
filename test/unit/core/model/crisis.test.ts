import { describe, expect, it } from 'vitest';
import { moveToStep, newCrisis } from '../../../../src/core/model/crisis';
import { applyCrisisChange } from '../../../../src/core/model/crisis-change';
import { isReactionOverdue, reactionDueAt } from '../../../../src/core/model/deadlines';
import { stepProgress } from '../../../../src/core/model/steps';
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

  it('marks a step done on leaving only when its work is done; leaving is not doing', () => {
    // Nothing done in step 1: leaving it leaves it in progress, and the steps jumped stay to do.
    const left = moveToStep(crisis(), 'inform', at(10));
    expect(left.steps).toEqual({
      react: 'pending',
      assess: 'pending',
      inform: 'pending',
      plan: 'pending',
      learn: 'pending',
    });
    expect(stepProgress(left, 'react')).toBe('in-progress');
    expect(stepProgress(left, 'assess')).toBe('in-progress');
    expect(stepProgress(left, 'plan')).toBe('to-do');
    // "Stop further damage" ticked: leaving step 1 marks it done.
    const contained = applyCrisisChange(
      crisis(),
      { op: 'checklist', itemId: 'stop-damage', done: true },
      at(5),
    )!.crisis;
    const moved = moveToStep(contained, 'assess', at(10));
    expect(moved.steps.react).toBe('done');
    const back = moveToStep(moved, 'react', at(20));
    expect(back.steps.react).toBe('done');
  });

  it('marks a step done or skipped only on the user’s word, with a reason where its work is not done', () => {
    const c = crisis();
    const mark = (state: 'done' | 'skipped', reason: string) =>
      applyCrisisChange(c, { op: 'step-mark', step: 'assess', state, reason }, at(3));
    expect(mark('done', '')).toBeNull();
    expect(mark('skipped', '  ')).toBeNull();
    const done = mark('done', 'Assessed on the phone with legal')!;
    expect(done.crisis.steps.assess).toBe('done');
    expect(done.events).toEqual([
      { type: 'step-done', data: { step: 'assess', reason: 'Assessed on the phone with legal' } },
    ]);
    expect(mark('skipped', 'Nothing to assess: a rumour')!.events).toEqual([
      { type: 'step-skipped', data: { step: 'assess', reason: 'Nothing to assess: a rumour' } },
    ]);
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
    // Leaving step 1 is no reaction; ticking "stop further damage" is.
    expect(isReactionOverdue(moveToStep(c, 'assess', at(1)), DEFAULT_SETTINGS, due + 1)).toBe(true);
    const contained = applyCrisisChange(
      c,
      { op: 'checklist', itemId: 'stop-damage', done: true },
      at(1),
    )!.crisis;
    expect(isReactionOverdue(contained, DEFAULT_SETTINGS, due + 1)).toBe(false);
  });

  it('keeps reaction targets positive when settings are merged', () => {
    const s = mergeSettings({ reactionTargetsHours: { 1: 48, 2: -1, 3: 4, 4: 1 } });
    expect(s.reactionTargetsHours).toEqual({ 1: 48, 2: 24, 3: 4, 4: 1 });
    expect(s.checklist).toEqual(DEFAULT_SETTINGS.checklist);
  });
});
