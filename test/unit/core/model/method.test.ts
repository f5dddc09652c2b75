import { describe, expect, it } from 'vitest';
import { rankDamages, suggestLevel, totalCost } from '../../../../src/core/model/assessment';
import { moveToStep, newCrisis } from '../../../../src/core/model/crisis';
import { crisisMetrics, stepMoveEvents } from '../../../../src/core/model/journal';
import { findRepeats } from '../../../../src/core/model/recurrence';
import {
  alarmName,
  parseAlarmName,
  planReminders,
  remindersFor,
  sentKey,
} from '../../../../src/core/model/reminders';
import { DEFAULT_SETTINGS } from '../../../../src/core/model/settings';
import type { Crisis, CrisisEvent, DamageRow } from '../../../../src/core/model/types';
import { at } from '../../helpers';

const HOUR = 3_600_000;
const crisis = (overrides: Partial<Crisis> = {}): Crisis => ({
  ...newCrisis({
    title: 'Refund storm',
    level: 3,
    openedAt: at(0),
    checklist: DEFAULT_SETTINGS.checklist,
  }),
  ...overrides,
});
let n = 0;
const event = (
  minutes: number,
  type: CrisisEvent['type'],
  data: CrisisEvent['data'] = {},
): CrisisEvent => ({
  id: String(++n),
  crisisId: 'c',
  at: at(minutes),
  type,
  actor: 'user',
  data,
});
const damage = (overrides: Partial<DamageRow>): DamageRow => ({
  id: String(++n),
  area: 'customers',
  customArea: '',
  degree: 1,
  cost: 0,
  currency: 'EUR',
  note: '',
  mentionIds: [],
  accepted: false,
  ...overrides,
});

describe('journal of a step move', () => {
  it('records the steps whose work is done, then the move; none skipped behind the user', () => {
    const before = crisis();
    const after = moveToStep(before, 'plan', at(30));
    // Nothing was done: no step is said done, none skipped.
    expect(stepMoveEvents(before, after)).toEqual([
      { type: 'step-changed', data: { from: 'react', to: 'plan' } },
    ]);
    const contained = {
      ...before,
      react: {
        checklist: before.react.checklist.map((i) =>
          i.id === 'stop-damage' ? { ...i, done: true, doneAt: at(5) } : i,
        ),
      },
    };
    expect(stepMoveEvents(contained, moveToStep(contained, 'plan', at(30)))).toEqual([
      { type: 'step-done', data: { step: 'react' } },
      { type: 'step-changed', data: { from: 'react', to: 'plan' } },
    ]);
    const closed = moveToStep(after, 'closed', at(40));
    expect(stepMoveEvents(after, closed).at(-1)).toEqual({
      type: 'closed',
      data: { from: 'plan', to: 'closed' },
    });
    expect(stepMoveEvents(closed, moveToStep(closed, 'learn', at(50))).at(-1)?.type).toBe(
      'reopened',
    );
  });
});

describe('metrics from the journal', () => {
  it('measures reaction, information and resolution from detection', () => {
    const c = crisis({
      state: 'closed',
      inform: {
        ...crisis().inform,
        stakeholders: [
          {
            id: 'boss',
            name: 'Ana',
            role: 'boss',
            channel: 'mail',
            contact: '',
            key: true,
            informedAt: at(90),
            lang: null,
            greeting: '',
            message: null,
          },
          {
            id: 'client',
            name: 'Bo',
            role: 'client',
            channel: 'mail',
            contact: '',
            key: true,
            informedAt: at(150),
            lang: null,
            greeting: '',
            message: null,
          },
          {
            id: 'other',
            name: 'Cy',
            role: 'other',
            channel: 'mail',
            contact: '',
            key: false,
            informedAt: null,
            lang: null,
            greeting: '',
            message: null,
          },
        ],
      },
    });
    const events = [
      event(0, 'opened'),
      // Leaving step 1 is no reaction; the first containment action is.
      event(30, 'step-done', { step: 'react' }),
      event(45, 'checklist-done', { itemId: 'stop-damage' }),
      event(90, 'stakeholder-informed', { stakeholderId: 'boss' }),
      event(150, 'stakeholder-informed', { stakeholderId: 'client' }),
      event(200, 'checklist-done', { itemId: 'escalate' }),
      event(60 * 24, 'closed'),
    ];
    expect(crisisMetrics(c, events, DEFAULT_SETTINGS, Date.parse(at(60 * 25)))).toEqual({
      timeToReactMs: 45 * 60_000,
      timeToInformMs: 150 * 60_000,
      timeToResolveMs: 24 * HOUR,
      reactTargetMet: true,
      reacted: true,
    });
  });

  it('counts a crisis never reacted to as not reacted, never as a target met', () => {
    const c = crisis();
    const left = [event(0, 'opened'), event(10, 'step-done', { step: 'react' })];
    expect(crisisMetrics(c, left, DEFAULT_SETTINGS, Date.parse(at(60)))).toMatchObject({
      reacted: false,
      reactTargetMet: null,
      timeToReactMs: null,
    });
    expect(crisisMetrics(c, left, DEFAULT_SETTINGS, Date.parse(at(5 * 60))).reactTargetMet).toBe(
      false,
    );
    // Marked done by the user, with a reason: a reaction, at that time.
    const marked = [
      event(0, 'opened'),
      event(20, 'step-done', { step: 'react', reason: 'Host called' }),
    ];
    expect(crisisMetrics(c, marked, DEFAULT_SETTINGS, Date.parse(at(60)))).toMatchObject({
      reacted: true,
      reactTargetMet: true,
      timeToReactMs: 20 * 60_000,
    });
  });

  it('leaves a time open while it is not reached, and calls a late reaction missed', () => {
    const c = crisis();
    const now = Date.parse(at(5 * 60));
    expect(
      crisisMetrics(c, [event(0, 'opened')], DEFAULT_SETTINGS, Date.parse(at(10))),
    ).toMatchObject({
      timeToReactMs: null,
      timeToInformMs: null,
      timeToResolveMs: null,
      reactTargetMet: null,
    });
    expect(crisisMetrics(c, [event(0, 'opened')], DEFAULT_SETTINGS, now).reactTargetMet).toBe(
      false,
    );
    expect(
      crisisMetrics(
        c,
        [event(4 * 60 + 1, 'checklist-done', { itemId: 'stop-damage' })],
        DEFAULT_SETTINGS,
        now,
      ).reactTargetMet,
    ).toBe(false);
  });
});

describe('assessment', () => {
  it('ranks by degree, then cost, then reach, and totals per currency', () => {
    const press = damage({ area: 'press', degree: 4, cost: 500 });
    const legal = damage({ area: 'legal', degree: 4, cost: 8000 });
    const social = damage({ area: 'social', degree: 2, cost: 100, currency: 'usd' });
    const search = damage({
      area: 'search',
      degree: 2,
      cost: 100,
      currency: 'USD',
      mentionIds: ['m'],
    });
    expect(rankDamages([social, press, search, legal]).map((r) => r.area)).toEqual([
      'legal',
      'press',
      'search',
      'social',
    ]);
    expect(totalCost([social, press, search, legal])).toEqual({ EUR: 8500, USD: 200 });
  });

  it('suggests a level from the worst damage and how widely it spreads', () => {
    expect(suggestLevel([])).toBeNull();
    expect(suggestLevel([damage({ degree: 2 })])).toBe(1);
    expect(suggestLevel([damage({ degree: 3 })])).toBe(2);
    expect(
      suggestLevel([damage({ degree: 3 }), damage({ degree: 3 }), damage({ degree: 3 })]),
    ).toBe(3);
    expect(
      suggestLevel([damage({ degree: 4 }), damage({ degree: 3 }), damage({ degree: 3 })]),
    ).toBe(4);
    expect(suggestLevel([damage({ degree: 5 })])).toBe(4);
  });
});

describe('reminders', () => {
  it('come at half the target, when overdue, and when no update was sent for the cadence', () => {
    const c = crisis({ level: 4 });
    const opened = Date.parse(c.openedAt);
    expect(remindersFor(c, DEFAULT_SETTINGS)).toEqual([
      { kind: 'react-half', crisisId: c.id, at: opened + HOUR / 2 },
      { kind: 'react-overdue', crisisId: c.id, at: opened + HOUR },
      { kind: 'update-due', crisisId: c.id, at: opened + 4 * HOUR },
    ]);
  });

  it('stop asking for a reaction once it is done, count from the last update, and end at close', () => {
    const base = crisis();
    const reacted = {
      ...base,
      react: {
        checklist: base.react.checklist.map((i) =>
          i.id === 'stop-damage' ? { ...i, done: true, doneAt: at(10) } : i,
        ),
      },
    };
    const withUpdate = {
      ...reacted,
      plan: { ...reacted.plan, updates: [{ id: 'u', sentAt: at(120), subject: '', text: '' }] },
    };
    expect(remindersFor(withUpdate, DEFAULT_SETTINGS)).toEqual([
      { kind: 'update-due', crisisId: reacted.id, at: Date.parse(at(120)) + 24 * HOUR },
    ]);
    expect(remindersFor(moveToStep(reacted, 'closed', at(200)), DEFAULT_SETTINGS)).toEqual([]);
  });

  it('name their alarms so that the worker finds the crisis again', () => {
    const name = alarmName({ kind: 'react-overdue', crisisId: 'abc-1' });
    expect(parseAlarmName(name)).toEqual({ kind: 'react-overdue', crisisId: 'abc-1' });
    expect(parseAlarmName('something-else')).toBeNull();
  });
});

describe('recurrence', () => {
  it('finds an earlier crisis that shares its root cause, a watched term or its story', () => {
    const learn = (rootCause: string, watchTerms: string[] = []) => ({
      ...crisis().learn,
      rootCause,
      watchTerms,
    });
    const old1 = crisis({
      id: 'old1',
      title: 'Billing 2025',
      openedAt: '2025-03-01T00:00:00.000Z',
      learn: learn('Facturation'),
    });
    const old2 = crisis({
      id: 'old2',
      title: 'Staff rude at the Lyon shop',
      openedAt: '2025-06-01T00:00:00.000Z',
      learn: learn('Staff', ['Lumen Lyon']),
    });
    const old3 = crisis({
      id: 'old3',
      title: 'Double charges on Lumen Coffee orders',
      openedAt: '2025-09-01T00:00:00.000Z',
      learn: learn('Payment'),
    });
    const sameSite = crisis({
      id: 'site',
      title: 'Forum: a cold cappuccino',
      openedAt: '2025-10-01T00:00:00.000Z',
      learn: learn('Quality'),
    });
    const later = crisis({
      id: 'later',
      openedAt: '2027-01-01T00:00:00.000Z',
      learn: learn('facturation'),
    });
    const now = crisis({
      id: 'now',
      title: 'Lumen Coffee charges twice again',
      learn: learn('  FACTURATION ', ['lumen lyon']),
    });
    expect(
      findRepeats(now, [old1, old2, old3, sameSite, later]).map((r) => [
        r.crisisId,
        r.by,
        r.shared,
      ]),
    ).toEqual([
      ['old3', 'story', 'lumen, coffee, charges'],
      ['old2', 'watch-term', 'Lumen Lyon'],
      ['old1', 'root-cause', 'Facturation'],
    ]);
    // A term an earlier post-mortem said to watch, back in a new crisis's name.
    const back = crisis({ id: 'back', title: 'Avis : Lumen Lyon, encore', learn: learn('') });
    expect(findRepeats(back, [old1, old2]).map((r) => [r.crisisId, r.by])).toEqual([
      ['old2', 'watch-term'],
    ]);
  });
});

describe('reminder plan after a stop', () => {
  it('sets alarms for what is to come and gives at once, once, what fell due meanwhile', () => {
    const c = crisis({ level: 4 });
    const opened = Date.parse(c.openedAt);
    const now = opened + 45 * 60_000;
    const plan = planReminders([c], DEFAULT_SETTINGS, new Set(), now);
    expect(plan.alarms).toEqual([
      { name: alarmName({ kind: 'react-overdue', crisisId: c.id }), when: opened + HOUR },
      { name: alarmName({ kind: 'update-due', crisisId: c.id }), when: opened + 4 * HOUR },
    ]);
    expect(plan.dueNow.map((r) => r.kind)).toEqual(['react-half']);
    const given = new Set(plan.dueNow.map(sentKey));
    expect(planReminders([c], DEFAULT_SETTINGS, given, now).dueNow).toEqual([]);
  });
});
