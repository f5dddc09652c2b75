import { describe, expect, it } from 'vitest';
import { agenda, agendaBucket, agendaFor } from '../../../../src/core/model/agenda';
import { moveToStep, newCrisis } from '../../../../src/core/model/crisis';
import { applyCrisisChange } from '../../../../src/core/model/crisis-change';
import { journalLines } from '../../../../src/core/model/journal';
import {
  alarmName,
  parseAlarmName,
  planReminders,
  remindersFor,
} from '../../../../src/core/model/reminders';
import { DEFAULT_SETTINGS } from '../../../../src/core/model/settings';
import type { Action, Crisis, CrisisEvent } from '../../../../src/core/model/types';

const HOUR = 3_600_000;
/** A Thursday, 10:00 local time: the tests read "today" in the machine's own zone. */
const NOW = new Date(2026, 11, 3, 10, 0).getTime();
const dayIso = (offset: number) => {
  const d = new Date(2026, 11, 3 + offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T00:00:00.000Z`;
};

function crisis(title: string, openedHoursAgo: number): Crisis {
  return newCrisis({
    title,
    level: 3,
    openedAt: new Date(NOW - openedHoursAgo * HOUR).toISOString(),
    checklist: DEFAULT_SETTINGS.checklist.map((i) => ({ ...i, label: i.id })),
  });
}

const action = (id: string, due: string | null, status: Action['status'] = 'todo'): Action => ({
  id,
  what: `Action ${id}`,
  damageId: null,
  owner: '',
  due,
  status,
  replacesChecklistId: null,
});

describe('the agenda across crises', () => {
  it('groups reaction targets, updates, actions and precautions as overdue, today and this week', () => {
    // Level 3: 4 h to react, an update every 24 h. Opened 5 h ago: reaction overdue.
    const late = crisis('Late', 5);
    late.plan.actions = [
      action('a-yesterday', dayIso(-1)),
      action('a-today', dayIso(0)),
      action('a-in-3-days', dayIso(3)),
      action('a-in-10-days', dayIso(10)),
      action('a-done', dayIso(-2), 'done'),
      action('a-no-day', null),
    ];
    // Closed, with a precaution still to take: it stays on the agenda.
    const closed = moveToStep(crisis('Closed', 100), 'closed', new Date(NOW).toISOString());
    closed.learn.precautions = [
      { id: 'p-tomorrow', what: 'Train the team', owner: 'Léa', due: dayIso(1), done: false },
      { id: 'p-done', what: 'Done already', owner: '', due: dayIso(0), done: true },
    ];
    const items = agenda([late, closed], DEFAULT_SETTINGS);
    const named = Object.fromEntries(
      items.map((i) => [i.itemId ?? `${i.kind}-${i.crisisTitle}`, agendaBucket(i, NOW)]),
    );
    expect(named).toEqual({
      'reaction-Late': 'overdue',
      'update-Late': 'week',
      'a-yesterday': 'overdue',
      'a-today': 'today',
      'a-in-3-days': 'week',
      'a-in-10-days': 'later',
      'p-tomorrow': 'week',
    });
    // Soonest first: a day's item sits at the start of its local day.
    expect(items.map((i) => i.itemId ?? i.kind)).toEqual([
      'a-yesterday',
      'a-today',
      'reaction',
      'p-tomorrow',
      'update',
      'a-in-3-days',
      'a-in-10-days',
    ]);
  });

  it('drops the reaction once containment started, and counts updates from the last one sent', () => {
    let c = crisis('Reacted', 2);
    c = applyCrisisChange(
      c,
      { op: 'checklist', itemId: 'stop-damage', done: true },
      new Date(NOW).toISOString(),
    )!.crisis;
    c = applyCrisisChange(
      c,
      { op: 'update-sent', subject: 'S', text: 'T' },
      new Date(NOW - HOUR).toISOString(),
    )!.crisis;
    const items = agendaFor(c, DEFAULT_SETTINGS);
    expect(items.map((i) => i.kind)).toEqual(['update']);
    expect(items[0]!.at).toBe(NOW - HOUR + 24 * HOUR);
    expect(agendaBucket(items[0]!, NOW)).toBe('week');
  });

  it('says a timed deadline is due today until its time, overdue after', () => {
    const at = new Date(2026, 11, 3, 18, 0).getTime();
    expect(agendaBucket({ at, allDay: false }, NOW)).toBe('today');
    expect(agendaBucket({ at, allDay: false }, at + 1)).toBe('overdue');
  });
});

describe('reminders of due days', () => {
  it('fire on the morning of an action’s or a precaution’s day, each with its own alarm', () => {
    const c = crisis('Days', 1);
    c.steps.react = 'done';
    c.plan.actions = [action('a1', dayIso(2)), action('a2', dayIso(2), 'done')];
    c.learn.precautions = [{ id: 'p1', what: 'Audit', owner: '', due: dayIso(5), done: false }];
    const reminders = remindersFor(c, DEFAULT_SETTINGS).filter((r) => r.itemId);
    expect(reminders).toEqual([
      { kind: 'action-due', crisisId: c.id, itemId: 'a1', at: new Date(2026, 11, 5, 9).getTime() },
      {
        kind: 'precaution-due',
        crisisId: c.id,
        itemId: 'p1',
        at: new Date(2026, 11, 8, 9).getTime(),
      },
    ]);
    const name = alarmName(reminders[0]!);
    expect(parseAlarmName(name)).toEqual({ kind: 'action-due', crisisId: c.id, itemId: 'a1' });
    expect(parseAlarmName(`action-due|${c.id}`)).toBeNull();
    expect(parseAlarmName(`update-due|${c.id}|x`)).toBeNull();
    // A closed crisis keeps only its precautions' reminders.
    const closed = moveToStep(c, 'closed', new Date(NOW).toISOString());
    expect(remindersFor(closed, DEFAULT_SETTINGS).map((r) => r.kind)).toEqual(['precaution-due']);
  });

  it('give an overdue action’s reminder at once, and only once', () => {
    const c = crisis('Overdue action', 1);
    c.steps.react = 'done';
    c.plan.actions = [action('a1', dayIso(-3))];
    const plan = planReminders([c], DEFAULT_SETTINGS, new Set(), NOW);
    expect(plan.dueNow.map((r) => r.itemId)).toEqual(['a1']);
    const given = new Set(plan.dueNow.map((r) => `${alarmName(r)}@${r.at}`));
    expect(planReminders([c], DEFAULT_SETTINGS, given, NOW).dueNow).toEqual([]);
  });
});

describe('notes in the journal', () => {
  it('are shown at the time they happened, as last edited, and gone once removed', () => {
    let c = crisis('Notes', 3);
    const events: CrisisEvent[] = [];
    let n = 0;
    const apply = (change: Parameters<typeof applyCrisisChange>[1], at: number) => {
      const result = applyCrisisChange(c, change, new Date(at).toISOString());
      if (!result) return false;
      c = result.crisis;
      for (const e of result.events) {
        events.push({
          ...e,
          id: `e${n++}`,
          crisisId: c.id,
          at: new Date(at).toISOString(),
          actor: 'user',
        });
      }
      return true;
    };
    apply({ op: 'level', level: 4 }, NOW - 2 * HOUR);
    apply({ op: 'level', level: 2 }, NOW - HOUR);
    // Written now about 90 minutes ago: it goes between the two level changes.
    const happened = new Date(NOW - 90 * 60_000).toISOString();
    apply(
      { op: 'note', noteId: 'n1', text: '  Called the journalist  ', happenedAt: happened },
      NOW,
    );
    apply({ op: 'note', noteId: 'n2', text: 'Second thought', happenedAt: happened }, NOW + 1);
    let lines = journalLines(events);
    expect(lines.map((l) => l.note?.text ?? l.event.type)).toEqual([
      'level-changed',
      'Called the journalist',
      'Second thought',
      'level-changed',
    ]);
    // Edited: one line, the new words at the new time, said edited; the first version kept.
    const later = new Date(NOW - 30 * 60_000).toISOString();
    apply({ op: 'note', noteId: 'n1', text: 'Called Le Monde back', happenedAt: later }, NOW + 2);
    lines = journalLines(events);
    expect(lines.map((l) => l.note?.text ?? l.event.type)).toEqual([
      'level-changed',
      'Second thought',
      'level-changed',
      'Called Le Monde back',
    ]);
    expect(lines[3]).toMatchObject({ at: later, note: { noteId: 'n1', edited: true } });
    // Removed: gone from view, every version still in the records.
    apply({ op: 'note', noteId: 'n2', text: '', happenedAt: happened }, NOW + 3);
    expect(
      journalLines(events)
        .filter((l) => l.note)
        .map((l) => l.note!.noteId),
    ).toEqual(['n1']);
    expect(events.filter((e) => e.type === 'note')).toHaveLength(4);
  });

  it('refuse a note without a valid time or id', () => {
    const c = crisis('Bad', 1);
    const now = new Date(NOW).toISOString();
    expect(
      applyCrisisChange(c, { op: 'note', noteId: 'n', text: 'x', happenedAt: 'soon' }, now),
    ).toBeNull();
    expect(
      applyCrisisChange(c, { op: 'note', noteId: 'a|b', text: 'x', happenedAt: now }, now),
    ).toBeNull();
  });
});
