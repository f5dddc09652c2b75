/**
 * Flags that could not be stored because the disk is full are not lost: they wait in session
 * storage (held in memory by the browser, outside the full disk, and outliving a stopped worker)
 * and are filed, with their original time, as soon as a retry succeeds. A retry runs every
 * minute by alarm, and whenever the worker starts.
 *
 * An alarm that wakes a stopped worker fires while the worker's start runs its own retry: the
 * two must not both file the same flags. Retries run one at a time (the later one reads what
 * the earlier left), each flag leaves the list by its id once filed (a flag kept meanwhile
 * stays), and every change of the list is one read and one write in turn with the others.
 */
import { browser } from '../core/browser';
import type { FlagInto, FlagOutcome, PageCapture } from '../core/messaging/protocol';
import { toErrorData } from '../core/errors';
import { newId } from '../core/model/ids';
import type { FlagSource } from './flag';

export interface PendingFlag {
  /** Which waiting flag this is (a flag kept by an earlier version is given one when read). */
  id: string;
  source: FlagSource;
  capture: PageCapture | null;
  into: FlagInto;
  /** When the user flagged it: the mention keeps this time. */
  at: string;
}

const KEY = 'pendingFlags';
export const RETRY_ALARM = 'vigie-retry-flags';

/** Runs tasks one after the other, each once the one before has settled. */
function queue() {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const next = last.then(task, task);
    last = next.catch(() => undefined);
    return next;
  };
}

/** Changes of the stored list, and retries: each in its own line, in turn. */
const listTurn = queue();
const retryTurn = queue();

async function readList(): Promise<PendingFlag[]> {
  const stored = (await browser.storage.session.get(KEY))[KEY];
  if (!Array.isArray(stored)) return [];
  return (stored as (Omit<PendingFlag, 'id'> & { id?: string })[]).map((f) => ({
    ...f,
    id: f.id ?? newId(),
  }));
}

/** Rewrites the stored list through `change`, in turn with every other change. */
function changeList<T>(change: (list: PendingFlag[]) => { list: PendingFlag[]; result: T }) {
  return listTurn(async () => {
    const { list, result } = change(await readList());
    await browser.storage.session.set({ [KEY]: list });
    return { left: list.length, result };
  });
}

/** Keeps a flag to retry; false when even that is impossible (then the user is told so). */
export async function keepPending(flag: Omit<PendingFlag, 'id'>): Promise<boolean> {
  try {
    const kept = { ...flag, id: newId() };
    await changeList((list) => ({ list: [...list, kept], result: undefined }));
    await browser.alarms.create(RETRY_ALARM, { delayInMinutes: 1, periodInMinutes: 1 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Files the waiting flags in order with `file`, stopping at the first one the disk still
 * refuses; a flag refused for another reason (a deleted crisis, say) is filed into the inbox
 * by `file` itself or dropped after being reported. Returns the outcomes of those saved and how
 * many still wait. One retry at a time: a second call waits for the first, then files what is
 * left.
 */
export function retryPending(
  file: (flag: PendingFlag) => Promise<FlagOutcome>,
): Promise<{ saved: FlagOutcome[]; left: number }> {
  return retryTurn(async () => {
    const saved: FlagOutcome[] = [];
    // Read and written back at once: a flag kept by an earlier version gets its id for good.
    const waiting = await changeList((list) => ({ list, result: list }));
    let left = waiting.left;
    for (const flag of waiting.result) {
      try {
        saved.push(await file(flag));
      } catch (error) {
        if (toErrorData(error).code === 'storage-full') break;
        console.error('Vigie: a waiting flag could not be filed', error);
      }
      ({ left } = await changeList((list) => ({
        list: list.filter((f) => f.id !== flag.id),
        result: undefined,
      })));
    }
    if (left === 0) await browser.alarms.clear(RETRY_ALARM);
    return { saved, left };
  });
}
