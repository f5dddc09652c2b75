import { describe, expect, it } from 'vitest';
import { newCrisis } from '../../../../src/core/model/crisis';
import { applyCrisisChange, type CrisisChange } from '../../../../src/core/model/crisis-change';
import { temporaryFixesToReplace, unrepairedDamages } from '../../../../src/core/model/plan';
import { DEFAULT_SETTINGS } from '../../../../src/core/model/settings';
import type { Crisis } from '../../../../src/core/model/types';
import { at } from '../../helpers';

/** Applies changes in order, collecting the journal. */
function run(crisis: Crisis, changes: CrisisChange[]) {
  const events: string[] = [];
  for (const [i, change] of changes.entries()) {
    const result = applyCrisisChange(crisis, change, at(i + 1));
    if (!result) continue;
    crisis = result.crisis;
    events.push(...result.events.map((e) => e.type));
  }
  return { crisis, events };
}

const start = () =>
  newCrisis({
    title: 'Leak',
    level: 3,
    openedAt: at(0),
    checklist: DEFAULT_SETTINGS.checklist.map((i) => ({ ...i, label: i.id })),
  });
const damage = (id: string) => ({
  id,
  area: 'customers' as const,
  customArea: '',
  degree: 4 as const,
  cost: 100,
  currency: 'EUR',
  note: '',
  mentionIds: [],
  accepted: false,
});
const action = {
  id: 'a1',
  what: 'Refund every double charge',
  damageId: 'd1',
  owner: 'Ana',
  due: null,
  status: 'todo' as const,
  replacesChecklistId: null,
};

describe('plan and act', () => {
  it('flags damage with no repair until an action repairs it or the user accepts it', () => {
    const { crisis } = run(start(), [
      { op: 'damage', row: damage('d1') },
      { op: 'damage', row: damage('d2') },
    ]);
    expect(unrepairedDamages(crisis).map((d) => d.id)).toEqual(['d1', 'd2']);
    const planned = run(crisis, [
      { op: 'action', action },
      { op: 'accept-damage', rowId: 'd2', accepted: true },
    ]);
    expect(unrepairedDamages(planned.crisis)).toEqual([]);
    expect(planned.events).toEqual(['action-changed', 'damage-changed']);
  });

  it('brings a temporary fix back until a lasting repair replaces it', () => {
    const { crisis } = run(start(), [{ op: 'checklist', itemId: 'temporary-fix', done: true }]);
    expect(temporaryFixesToReplace(crisis).map((i) => i.id)).toEqual(['temporary-fix']);
    const replaced = run(crisis, [
      {
        op: 'action',
        action: { ...action, id: 'a2', damageId: null, replacesChecklistId: 'temporary-fix' },
      },
    ]);
    expect(temporaryFixesToReplace(replaced.crisis)).toEqual([]);
  });

  it('journals an action done once, apologies sent, and each status update', () => {
    const { crisis, events } = run(start(), [
      { op: 'action', action },
      { op: 'action', action: { ...action, status: 'done' } },
      { op: 'action', action: { ...action, status: 'done', owner: 'Bo' } },
      {
        op: 'apology',
        apology: { id: 'p1', party: 'Customers of Harbour St', sentAt: null, note: '' },
      },
      {
        op: 'apology',
        apology: { id: 'p1', party: 'Customers of Harbour St', sentAt: at(9), note: '' },
      },
      {
        op: 'update-sent',
        subject: 'Billing',
        text: 'We are officially rectifying the billing error.',
      },
      { op: 'update-sent', subject: 'x', text: '   ' },
    ]);
    expect(events).toEqual([
      'action-changed',
      'action-done',
      'action-changed',
      'apology-sent',
      'update-sent',
    ]);
    expect(crisis.plan.updates).toHaveLength(1);
    expect(crisis.plan.updates[0]?.sentAt).toBe(at(6));
  });

  it('edits an apology, notes how it was made, and removes it without rewriting the journal', () => {
    const apology = { id: 'p1', party: 'Customers', sentAt: null, note: '' };
    const { crisis, events } = run(start(), [
      { op: 'apology', apology },
      { op: 'apology', apology: { ...apology, sentAt: at(2) } },
      {
        op: 'apology',
        apology: { ...apology, party: 'Harbour St customers', sentAt: at(2), note: 'By phone' },
      },
    ]);
    expect(crisis.plan.apologies).toEqual([
      { id: 'p1', party: 'Harbour St customers', sentAt: at(2), note: 'By phone' },
    ]);
    const removed = run(crisis, [
      { op: 'apology-remove', apologyId: 'p1' },
      { op: 'apology-remove', apologyId: 'p1' },
    ]);
    expect(removed.crisis.plan.apologies).toEqual([]);
    expect([...events, ...removed.events]).toEqual(['apology-sent']);
  });

  it('keeps a replaced fix only when it names a temporary containment item', () => {
    const { crisis } = run(start(), [
      { op: 'action', action: { ...action, id: 'a3', replacesChecklistId: 'no-such-item' } },
    ]);
    expect(crisis.plan.actions[0]?.replacesChecklistId).toBeNull();
  });
});
