/**
 * Changes applied again on a cell's copy: two members' edits of one crisis or one mention both
 * survive, text fields field by field, list items by their ids.
 */
import { describe, expect, it } from 'vitest';
import { newCrisis } from '../../../../src/core/model/crisis';
import type { Action } from '../../../../src/core/model/types';
import { rebaseCrisis, rebaseMention } from '../../../../src/core/sync/ops';
import { mention } from '../../helpers';

const base = newCrisis({
  title: 'Bad review',
  level: 2,
  openedAt: '2026-12-01T08:00:00.000Z',
  checklist: [{ id: 'stop', label: '', temporary: false }],
});
const action = (id: string, what: string): Action => ({
  id,
  what,
  damageId: null,
  owner: '',
  due: null,
  status: 'todo',
  replacesChecklistId: null,
});

describe('rebaseCrisis', () => {
  it('keeps both members’ actions and the last title', () => {
    const at = '2026-12-01T09:00:00.000Z';
    // Alice's copy on the server: a new title and her action.
    const server = rebaseCrisis(base, [
      { kind: 'change', change: { op: 'title', title: 'Review storm' }, at },
      { kind: 'change', change: { op: 'action', action: action('a', 'Answer') }, at },
    ]);
    // Bob's changes, made offline, applied again on Alice's copy.
    const merged = rebaseCrisis(server, [
      { kind: 'change', change: { op: 'action', action: action('b', 'Refund') }, at },
      { kind: 'change', change: { op: 'level', level: 3 }, at },
    ]);
    expect(merged?.title).toBe('Review storm');
    expect(merged?.level).toBe(3);
    expect(merged?.plan.actions.map((a) => a.id).sort()).toEqual(['a', 'b']);
  });

  it('keeps the cell’s copy when a crisis is shared twice, and adds an update once', () => {
    const at = '2026-12-01T09:00:00.000Z';
    const server = { ...base, title: 'Renamed by Alice' };
    const sent = { op: 'update-sent' as const, subject: 'S', text: 'We are on it', updateId: 'u1' };
    const merged = rebaseCrisis(server, [
      { kind: 'whole', crisis: base },
      { kind: 'change', change: sent, at },
      { kind: 'change', change: sent, at },
    ]);
    expect(merged?.title).toBe('Renamed by Alice');
    expect(merged?.plan.updates.map((u) => u.id)).toEqual(['u1']);
  });

  it('takes the detection time a member’s earlier mention gave', () => {
    const merged = rebaseCrisis(base, [{ kind: 'detected', openedAt: '2026-11-30T07:00:00.000Z' }]);
    expect(merged?.openedAt).toBe('2026-11-30T07:00:00.000Z');
  });

  it('creates the crisis from the whole copy when the server has none', () => {
    expect(rebaseCrisis(null, [{ kind: 'whole', crisis: base }])?.id).toBe(base.id);
    expect(rebaseCrisis(null, [{ kind: 'step', step: 'assess', at: base.openedAt }])).toBeNull();
  });
});

describe('rebaseMention', () => {
  it('sets each member’s fields, the other fields kept', () => {
    const server = { ...mention(), note: 'Alice: called them', tags: ['press'] };
    const merged = rebaseMention(server, [
      {
        kind: 'fields',
        fields: { tone: 'negative', toneSource: 'user' },
        at: '2030-01-01T00:00:00.000Z',
      },
    ]);
    expect(merged).toMatchObject({
      note: 'Alice: called them',
      tags: ['press'],
      tone: 'negative',
      updatedAt: '2030-01-01T00:00:00.000Z',
    });
  });

  it('marks a deleted mention, which then takes no edit', () => {
    const at = '2030-01-01T00:00:00.000Z';
    const removed = rebaseMention(mention(), [
      { kind: 'removed', at },
      { kind: 'fields', fields: { note: 'too late' }, at },
    ]);
    expect(removed).toBe('removed');
    expect(rebaseMention('removed', [{ kind: 'fields', fields: { note: 'x' }, at }])).toBe(
      'removed',
    );
  });

  it('has nothing to mark where the cell never had the mention', () => {
    expect(rebaseMention(null, [{ kind: 'removed', at: '2030-01-01T00:00:00.000Z' }])).toBeNull();
  });

  it('brings a deleted mention back when it is shared again (an undone deletion)', () => {
    const m = mention();
    const back = rebaseMention('removed', [{ kind: 'whole', mention: m }]);
    expect(back).toEqual(m);
  });
});
