import { describe, expect, it, vi } from 'vitest';
import type { PendingFlag } from '../../../src/background/pending-flags';
import type { FlagOutcome } from '../../../src/core/messaging/protocol';

const session = new Map<string, unknown>();
const alarms = new Set<string>();
vi.mock('../../../src/core/browser', () => ({
  browser: {
    storage: {
      session: {
        get: async (key: string) => (session.has(key) ? { [key]: session.get(key) } : {}),
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) session.set(k, structuredClone(v));
        },
      },
    },
    alarms: {
      create: async (name: string) => void alarms.add(name),
      clear: async (name: string) => alarms.delete(name),
    },
  },
}));

const { keepPending, retryPending, RETRY_ALARM } =
  await import('../../../src/background/pending-flags');
const { AppError } = await import('../../../src/core/messaging/rpc');

const flag = (quote: string, at: string) => ({
  source: { pageUrl: 'https://news.example/a', pageTitle: 'A', selectionText: quote },
  capture: null,
  into: { to: 'inbox' as const },
  at,
});
const outcome = { duplicate: false } as unknown as FlagOutcome;

describe('flags waiting for room on a full disk', () => {
  it('keeps every flag, in order, until the disk takes them, and each keeps its own time', async () => {
    await keepPending(flag('first', '2026-11-25T09:00:00.000Z'));
    await keepPending(flag('second', '2026-11-25T09:01:00.000Z'));
    expect(alarms.has(RETRY_ALARM)).toBe(true);

    // Still full: nothing is dropped.
    const full = vi.fn(async () => {
      throw new AppError('storage-full', 'quota');
    });
    expect(await retryPending(full)).toEqual({ saved: [], left: 2 });
    expect(full).toHaveBeenCalledOnce();

    // Room again: both are filed, oldest first, with the time the user flagged them.
    const filed: string[] = [];
    const room = vi.fn(async (f: PendingFlag) => {
      filed.push(`${f.source.selectionText}@${f.at}`);
      return outcome;
    });
    expect(await retryPending(room)).toEqual({ saved: [outcome, outcome], left: 0 });
    expect(filed).toEqual(['first@2026-11-25T09:00:00.000Z', 'second@2026-11-25T09:01:00.000Z']);
    expect(alarms.has(RETRY_ALARM)).toBe(false);
    expect(await retryPending(room)).toEqual({ saved: [], left: 0 });
  });
});
