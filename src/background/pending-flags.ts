/**
 * Flags that could not be stored because the disk is full are not lost: they wait in session
 * storage (held in memory by the browser, outside the full disk, and outliving a stopped worker)
 * and are filed, with their original time, as soon as a retry succeeds. A retry runs every
 * minute by alarm, and whenever the worker starts.
 */
import { browser } from '../core/browser';
import type { FlagInto, FlagOutcome, PageCapture } from '../core/messaging/protocol';
import { toErrorData } from '../core/messaging/rpc';
import type { FlagSource } from './flag';

export interface PendingFlag {
  source: FlagSource;
  capture: PageCapture | null;
  into: FlagInto;
  /** When the user flagged it: the mention keeps this time. */
  at: string;
}

const KEY = 'pendingFlags';
export const RETRY_ALARM = 'vigie-retry-flags';

async function pending(): Promise<PendingFlag[]> {
  const stored = (await browser.storage.session.get(KEY))[KEY];
  return Array.isArray(stored) ? (stored as PendingFlag[]) : [];
}

/** Keeps a flag to retry; false when even that is impossible (then the user is told so). */
export async function keepPending(flag: PendingFlag): Promise<boolean> {
  try {
    await browser.storage.session.set({ [KEY]: [...(await pending()), flag] });
    await browser.alarms.create(RETRY_ALARM, { delayInMinutes: 1, periodInMinutes: 1 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Files the waiting flags in order with `file`, stopping at the first one the disk still
 * refuses; a flag refused for another reason (a deleted crisis, say) is filed into the inbox
 * by `file` itself or dropped after being reported. Returns the outcomes of those saved.
 */
export async function retryPending(
  file: (flag: PendingFlag) => Promise<FlagOutcome>,
): Promise<{ saved: FlagOutcome[]; left: number }> {
  const queue = await pending();
  const saved: FlagOutcome[] = [];
  let done = 0;
  for (const flag of queue) {
    try {
      saved.push(await file(flag));
    } catch (error) {
      if (toErrorData(error).code === 'storage-full') break;
      console.error('Vigie: a waiting flag could not be filed', error);
    }
    done += 1;
  }
  const left = queue.slice(done);
  await browser.storage.session.set({ [KEY]: left });
  if (left.length === 0) await browser.alarms.clear(RETRY_ALARM);
  return { saved, left: left.length };
}
