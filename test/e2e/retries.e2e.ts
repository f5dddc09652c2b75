/**
 * Flags that waited for room on a full disk are filed once each, even when the retry alarm
 * wakes a stopped worker whose start retries too: the two retries race in real Chromium, and
 * no flag is filed twice, no second crisis opens, nothing waits any more.
 */
import { describe, expect, it } from 'vitest';
import type { PendingFlag } from '../../src/background/pending-flags';
import { dump, stopWorker } from './fixtures/log-store';
import { until, useVigie } from './fixtures/vigie';

const session = useVigie();

/** Flags as Vigie keeps them in session storage when the disk refused them. */
function waitingFlags(base: string): Omit<PendingFlag, 'id'>[] {
  const flag = (quote: string, into: PendingFlag['into'], minute: number) => ({
    source: { pageUrl: `${base}?waiting`, pageTitle: 'Lumen reviews', selectionText: quote },
    capture: null,
    into,
    at: new Date(Date.UTC(2026, 11, 3, 9, minute)).toISOString(),
  });
  return [
    flag('Lumen charged us twice', { to: 'new-crisis' }, 0),
    flag('still no refund', { to: 'inbox' }, 1),
    flag('avoid Lumen', { to: 'inbox' }, 2),
  ];
}

describe('flags waiting for room on the disk', () => {
  it(
    'are filed once each when the retry alarm wakes a stopped worker that retries as it starts',
    { timeout: 120_000 },
    async () => {
      const { vigie, server } = session;
      // As the background keeps them when a flag finds the disk full (the first two with the
      // id this version gives, the last as an earlier version kept it), with the retry alarm.
      const flags = waitingFlags(server.url('article.html'));
      await vigie.worker.evaluate(async (flags) => {
        await chrome.storage.session.set({
          pendingFlags: flags.map((f, i) => (i < 2 ? { ...f, id: `kept-${i}` } : f)),
        });
        await chrome.alarms.create('vigie-retry-flags', { when: Date.now() + 3_000 });
      }, flags);

      // The worker is stopped; the alarm starts it again, and its start retries as well.
      await vigie.worker.evaluate(() => Object.assign(globalThis, { __beforeStop: true }));
      await stopWorker(vigie, vigie.ext);
      const log = await until(
        () => dump(vigie.ext),
        (d) => d.mentions.length >= 3,
        30_000,
      );
      // Time for a doubled retry to have filed its copies, had there been one.
      await new Promise((r) => setTimeout(r, 3_000));
      const after = await dump(vigie.ext);
      expect(after.mentions.map((m) => m.quote).sort()).toEqual(
        flags.map((f) => f.source.selectionText).sort(),
      );
      expect(after.crises).toHaveLength(1);
      expect(after.crises[0]!.id).toBe(log.mentions.find((m) => m.crisisId)?.crisisId);
      // Each keeps the time the user flagged it.
      expect(after.mentions.map((m) => m.capturedAt).sort()).toEqual(flags.map((f) => f.at));

      const [worker] = vigie.context.serviceWorkers();
      expect(await worker!.evaluate(() => '__beforeStop' in globalThis)).toBe(false);
      const left = await worker!.evaluate(async () => ({
        waiting: (await chrome.storage.session.get('pendingFlags')).pendingFlags,
        alarm: (await chrome.alarms.get('vigie-retry-flags')) ?? null,
      }));
      expect(left).toEqual({ waiting: [], alarm: null });
    },
  );
});
