import { describe, expect, it } from 'vitest';
import { appendEventOnce, listEvents, newEvent, saveCrisis } from '../../../../src/core/db/crises';
import { newCrisis } from '../../../../src/core/model/crisis';
import { freshDB } from '../../helpers';

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
