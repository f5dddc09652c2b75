import { describe, expect, it } from 'vitest';
import { newCrisis } from '../../../../src/core/model/crisis';
import { applyCrisisChange } from '../../../../src/core/model/crisis-change';
import { DEFAULT_SETTINGS } from '../../../../src/core/model/settings';
import { at } from '../../helpers';

const crisis = () =>
  newCrisis({
    title: 'Refund storm',
    level: 2,
    openedAt: at(0),
    checklist: DEFAULT_SETTINGS.checklist.map((i) => ({ ...i, label: i.id })),
  });

describe('changes to a crisis', () => {
  it('journals a level change, at any step', () => {
    const result = applyCrisisChange(crisis(), { op: 'level', level: 4 }, at(5));
    expect(result?.crisis.level).toBe(4);
    expect(result?.events).toEqual([{ type: 'level-changed', data: { from: 2, to: 4, level: 4 } }]);
    expect(applyCrisisChange(result!.crisis, { op: 'level', level: 4 }, at(6))).toBeNull();
  });

  it('ticks and unticks a checklist item with its time, journaled with its label', () => {
    const done = applyCrisisChange(
      crisis(),
      { op: 'checklist', itemId: 'stop-damage', done: true },
      at(3),
    )!;
    expect(done.crisis.react.checklist[0]).toMatchObject({
      id: 'stop-damage',
      done: true,
      doneAt: at(3),
    });
    expect(done.events).toEqual([
      {
        type: 'checklist-done',
        data: { itemId: 'stop-damage', label: 'stop-damage', temporary: false },
      },
    ]);
    const undone = applyCrisisChange(
      done.crisis,
      { op: 'checklist', itemId: 'stop-damage', done: false },
      at(4),
    )!;
    expect(undone.crisis.react.checklist[0]).toMatchObject({ done: false, doneAt: null });
    expect(undone.events[0]?.type).toBe('checklist-undone');
    expect(
      applyCrisisChange(crisis(), { op: 'checklist', itemId: 'nope', done: true }, at(4)),
    ).toBeNull();
  });

  it('renames, ignoring blanks', () => {
    expect(
      applyCrisisChange(crisis(), { op: 'title', title: '  Billing error ' }, at(1))?.crisis.title,
    ).toBe('Billing error');
    expect(applyCrisisChange(crisis(), { op: 'title', title: '   ' }, at(1))).toBeNull();
  });
});
