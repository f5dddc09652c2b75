/**
 * Deadlines survive a stopped worker: with the service worker stopped (as Chromium does after
 * 30 s idle), the reaction reminders still fire, are journaled once, and the badge turns red.
 */
import { describe, expect, it } from 'vitest';
import type { Crisis, CrisisEvent } from '../../src/core/model/types';
import { call, until, useVigie } from './fixtures/vigie';

const session = useVigie();

/** The journal read straight from IndexedDB by an extension page: it does not wake the worker. */
function journal(crisisId: string): Promise<CrisisEvent[]> {
  return session.vigie.ext.evaluate(
    (id) =>
      new Promise<CrisisEvent[]>((resolve, reject) => {
        const open = indexedDB.open('vigie');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('events').objectStore('events').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result as CrisisEvent[]).filter((e) => e.crisisId === id));
          };
        };
      }),
    crisisId,
  );
}

describe('reminders', () => {
  it(
    'fire while the service worker is stopped, once each, and the badge turns red',
    { timeout: 120_000 },
    async () => {
      const { vigie } = session;
      // A level-4 reaction target of 30 seconds: half at 15 s, overdue at 30 s.
      await call(vigie, 'updateSettings', {
        patch: { reactionTargetsHours: { 1: 72, 2: 24, 3: 4, 4: 30 / 3600 } },
      });
      const crisis = await call<Crisis>(vigie, 'createCrisis', {
        title: 'Data leak rumour',
        level: 4,
        mentionIds: [],
      });

      // Stop the worker through the DevTools protocol; a mark left in it tells a new one apart.
      await vigie.worker.evaluate(() => Object.assign(globalThis, { __beforeStop: true }));
      const cdp = await vigie.context.newCDPSession(vigie.ext);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');

      const reminders = await until(
        () => journal(crisis.id),
        (events) =>
          events.some((e) => e.type === 'reminder-sent' && e.data.kind === 'react-overdue'),
        60_000,
      );
      const kinds = reminders.filter((e) => e.type === 'reminder-sent').map((e) => e.data.kind);
      expect(kinds).toEqual(['react-half', 'react-overdue']);
      expect(reminders.find((e) => e.type === 'reminder-sent')?.actor).toBe('vigie');
      // The badge is recomputed right after the reminder is journaled.
      await expect
        .poll(() => vigie.ext.evaluate(() => chrome.action.getBadgeBackgroundColor({})))
        .toEqual([197, 34, 31, 255]);
      // The reminders came from a worker the alarms started anew, not from the stopped one.
      const [worker] = vigie.context.serviceWorkers();
      expect(await worker?.evaluate(() => '__beforeStop' in globalThis)).toBe(false);

      // Waking the worker again (the crisis log asks it something) gives no reminder twice.
      await call(vigie, 'getCounts', {});
      await new Promise((r) => setTimeout(r, 1000));
      const again = (await journal(crisis.id)).filter((e) => e.type === 'reminder-sent');
      expect(again).toHaveLength(2);
    },
  );
});
