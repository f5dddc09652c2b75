import { describe, expect, it } from 'vitest';
import {
  appendEventOnce,
  getCrisis,
  listEvents,
  moveMentions,
  newEvent,
  saveCrisis,
} from '../../../../src/core/db/crises';
import { putMentions } from '../../../../src/core/db/mentions';
import { newCrisis } from '../../../../src/core/model/crisis';
import { DEFAULT_SETTINGS } from '../../../../src/core/model/settings';
import { at, freshDB, mention } from '../../helpers';

describe('crises repository', () => {
  it('journals a reminder once when an alarm and a worker start give it at the same moment', async () => {
    const db = await freshDB();
    const crisis = newCrisis({
      title: 'Rumour',
      level: 4,
      openedAt: '2026-11-20T09:00:00.000Z',
      checklist: [],
    });
    await saveCrisis(db, crisis, []);
    const reminder = () =>
      newEvent(crisis.id, new Date().toISOString(), 'reminder-sent', { key: 'k1' }, 'vigie');
    const same = (e: { type: string; data: Record<string, unknown> }) =>
      e.type === 'reminder-sent' && e.data.key === 'k1';

    const given = await Promise.all([
      appendEventOnce(db, reminder(), same),
      appendEventOnce(db, reminder(), same),
      appendEventOnce(db, reminder(), same),
    ]);

    expect(given.filter(Boolean)).toHaveLength(1);
    expect((await listEvents(db, crisis.id)).filter(same)).toHaveLength(1);
  });
});

describe('a crisis’s detection', () => {
  it('is its earliest mention’s flag: days a mention waited in the inbox count', async () => {
    const db = await freshDB();
    // A mention flagged two days before the crisis is opened from it.
    const old = mention({ capturedAt: at(-2 * 24 * 60), quote: 'flagged on Monday' });
    const fresh = mention({ capturedAt: at(30), quote: 'flagged today' });
    await putMentions(db, [old, fresh]);
    const crisis = newCrisis({
      title: 'Refunds',
      level: 2,
      openedAt: at(60),
      checklist: DEFAULT_SETTINGS.checklist,
    });
    const opened = newEvent(crisis.id, at(60), 'opened', { level: 2 });
    await moveMentions(db, [fresh.id], crisis.id, at(60), { crisis, events: [opened] });
    expect((await getCrisis(db, crisis.id))!.openedAt).toBe(at(30));

    await moveMentions(db, [old.id], crisis.id, at(70));
    expect((await getCrisis(db, crisis.id))!.openedAt).toBe(old.capturedAt);

    // Moved out again: detection comes back to what the crisis still holds.
    await moveMentions(db, [old.id, fresh.id], null, at(80));
    expect((await getCrisis(db, crisis.id))!.openedAt).toBe(at(60));
  });
});
