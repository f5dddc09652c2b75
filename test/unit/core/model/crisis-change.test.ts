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

  it('changes nothing for a change of no known kind, a name of the prototype’s included', () => {
    for (const op of ['rename-all', 'constructor', 'toString', '__proto__']) {
      expect(applyCrisisChange(crisis(), { op } as never, at(1))).toBeNull();
    }
  });
});

describe('damage inventory changes', () => {
  const row = {
    id: 'r1',
    area: 'custom' as const,
    customArea: '  Local forum ',
    degree: 9 as never,
    cost: -5,
    currency: 'usd',
    note: '',
    mentionIds: ['m1', 'm1'],
    accepted: false,
  };

  it('adds a row cleaned of out-of-range values, then edits and removes it, each journaled', () => {
    const added = applyCrisisChange(crisis(), { op: 'damage', row }, at(1))!;
    expect(added.crisis.assess.damages).toEqual([
      {
        ...row,
        customArea: 'Local forum',
        degree: 5,
        cost: 0,
        currency: 'USD',
        mentionIds: ['m1'],
      },
    ]);
    expect(added.events[0]).toMatchObject({
      type: 'damage-changed',
      data: { area: 'Local forum', added: true },
    });
    const edited = applyCrisisChange(
      added.crisis,
      { op: 'damage', row: { ...row, degree: 2 } },
      at(2),
    )!;
    expect(edited.crisis.assess.damages).toHaveLength(1);
    expect(edited.crisis.assess.damages[0]?.degree).toBe(2);
    const removed = applyCrisisChange(edited.crisis, { op: 'damage-remove', rowId: 'r1' }, at(3))!;
    expect(removed.crisis.assess.damages).toEqual([]);
    expect(
      applyCrisisChange(removed.crisis, { op: 'damage-remove', rowId: 'r1' }, at(4)),
    ).toBeNull();
  });
});
