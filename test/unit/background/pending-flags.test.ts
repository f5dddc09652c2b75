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
const { AppError } = await import('../../../src/core/errors');

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

  it('runs two retries fired at once (an alarm and a start) one after the other: each flag filed once', async () => {
    await keepPending(flag('only once', '2026-11-25T09:00:00.000Z'));
    await keepPending(flag('and once too', '2026-11-25T09:01:00.000Z'));
    const filed: string[] = [];
    const slow = async (f: PendingFlag) => {
      await new Promise((r) => setTimeout(r, 5));
      filed.push(String(f.source.selectionText));
      return outcome;
    };
    const [a, b] = await Promise.all([retryPending(slow), retryPending(slow)]);
    expect(filed).toEqual(['only once', 'and once too']);
    expect(a.saved.length + b.saved.length).toBe(2);
    expect(b.left).toBe(0);
  });

  it('keeps a flag kept while a retry runs: it is not overwritten, and waits for the next', async () => {
    await keepPending(flag('waiting', '2026-11-25T09:00:00.000Z'));
    const filed: string[] = [];
    const result = await retryPending(async (f) => {
      filed.push(String(f.source.selectionText));
      // The disk fills again as this one is filed: the next flag waits.
      await keepPending(flag('kept meanwhile', '2026-11-25T09:02:00.000Z'));
      return outcome;
    });
    expect(result).toEqual({ saved: [outcome], left: 1 });
    expect(alarms.has(RETRY_ALARM)).toBe(true);
    await retryPending(async (f) => {
      filed.push(String(f.source.selectionText));
      return outcome;
    });
    expect(filed).toEqual(['waiting', 'kept meanwhile']);
  });

  it('files the flags an earlier version kept without an id, once', async () => {
    session.set('pendingFlags', [flag('from before', '2026-11-25T08:00:00.000Z')]);
    const filed: string[] = [];
    const file = async (f: PendingFlag) => {
      filed.push(String(f.source.selectionText));
      return outcome;
    };
    await Promise.all([retryPending(file), retryPending(file)]);
    expect(filed).toEqual(['from before']);
    expect(session.get('pendingFlags')).toEqual([]);
  });
});
