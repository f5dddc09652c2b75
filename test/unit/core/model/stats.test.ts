import { describe, expect, it } from 'vitest';
import { newCrisis } from '../../../../src/core/model/crisis';
import { DEFAULT_SETTINGS } from '../../../../src/core/model/settings';
import {
  crisesPerMonth,
  flagsPerDay,
  median,
  metricsByLevel,
} from '../../../../src/core/model/stats';
import type { Crisis, CrisisEvent, Level } from '../../../../src/core/model/types';

const HOUR = 3_600_000;
const day = (iso: string) => Date.parse(`${iso}T12:00:00Z`);

function crisis(level: Level, openedAt: string, closed = false): Crisis {
  const c = newCrisis({ title: `c${level}`, level, openedAt, checklist: [] });
  return closed ? { ...c, state: 'closed', step: 'closed' } : c;
}

const event = (c: Crisis, hours: number, type: CrisisEvent['type'], data = {}): CrisisEvent => ({
  id: `${c.id}-${type}-${hours}`,
  crisisId: c.id,
  at: new Date(Date.parse(c.openedAt) + hours * HOUR).toISOString(),
  type,
  actor: 'user',
  data,
});

describe('chart figures', () => {
  it('counts flags per day by tone, with empty days at zero and days out of range left out', () => {
    const perDay = flagsPerDay(
      [
        { capturedAt: '2026-11-20T09:00:00.000Z', tone: 'negative' },
        { capturedAt: '2026-11-20T23:59:00.000Z', tone: 'negative' },
        { capturedAt: '2026-11-22T08:00:00.000Z', tone: 'positive' },
        { capturedAt: '2026-11-10T08:00:00.000Z', tone: 'negative' },
      ],
      day('2026-11-20'),
      day('2026-11-22'),
    );
    expect(perDay).toEqual([
      { day: '2026-11-20', counts: { negative: 2, neutral: 0, positive: 0 } },
      { day: '2026-11-21', counts: { negative: 0, neutral: 0, positive: 0 } },
      { day: '2026-11-22', counts: { negative: 0, neutral: 0, positive: 1 } },
    ]);
  });

  it('counts crises per month by level from the first crisis to now, quiet months included', () => {
    const months = crisesPerMonth(
      [crisis(2, '2026-09-03T10:00:00.000Z'), crisis(4, '2026-11-01T10:00:00.000Z')],
      day('2026-11-25'),
    );
    expect(months).toEqual([
      { month: '2026-09', counts: { 1: 0, 2: 1, 3: 0, 4: 0 } },
      { month: '2026-10', counts: { 1: 0, 2: 0, 3: 0, 4: 0 } },
      { month: '2026-11', counts: { 1: 0, 2: 0, 3: 0, 4: 1 } },
    ]);
    expect(crisesPerMonth([], day('2026-11-25'))).toEqual([]);
  });

  it('takes the median of an odd or even number of values, none of none', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('gives median times and the share of reaction targets met, per level and for all', () => {
    // Level 3 (4 h target): one contained in 1 h, one in 6 h (missed); level 4 still open.
    const fast = crisis(3, '2026-11-01T09:00:00.000Z', true);
    const slow = crisis(3, '2026-11-02T09:00:00.000Z', true);
    const open = crisis(4, '2026-11-25T09:00:00.000Z');
    const events: Record<string, CrisisEvent[]> = {
      [fast.id]: [
        event(fast, 1, 'checklist-done', { itemId: 'stop-damage' }),
        event(fast, 48, 'closed'),
      ],
      [slow.id]: [
        event(slow, 6, 'checklist-done', { itemId: 'stop-damage' }),
        event(slow, 24, 'closed'),
      ],
      [open.id]: [],
    };
    const rows = metricsByLevel(
      [fast, slow, open],
      (id) => events[id] ?? [],
      DEFAULT_SETTINGS,
      Date.parse('2026-11-25T09:30:00.000Z'),
    );
    expect(rows.find((r) => r.level === 3)).toEqual({
      level: 3,
      crises: 2,
      medianReactMs: 3.5 * HOUR,
      medianInformMs: null,
      medianResolveMs: 36 * HOUR,
      targetsMet: 1,
      targetsKnown: 2,
      notReacted: 0,
    });
    // The open level-4 crisis is within its 1 h target: its outcome is not known yet, and it
    // has not reacted.
    expect(rows.find((r) => r.level === 4)).toMatchObject({
      crises: 1,
      targetsKnown: 0,
      notReacted: 1,
    });
    expect(rows.at(-1)).toMatchObject({
      level: 'all',
      crises: 3,
      targetsMet: 1,
      targetsKnown: 2,
      notReacted: 1,
    });
  });
});
