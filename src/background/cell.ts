/**
 * The team cell's sync, on the worker's side: where the server is (the extension's storage,
 * never a page's), when to sync (soon after a local change, on an alarm, and at once when the
 * crisis log asks), one round at a time, and the back-off after a failure. Nothing here runs,
 * and no request is made, while no cell is connected.
 */
import { browser, type Alarms } from '../core/browser';
import { getCell, outboxCount } from '../core/db/outbox';
import type { VigieDatabase } from '../core/db/open';
import { couchClient, type CouchTarget } from '../core/sync/couch';
import { pullChanges, syncOnce } from '../core/sync/sync';
import type { CellStatus } from '../core/messaging/protocol';

const TARGET_KEY = 'cellTarget';
const FAILURES_KEY = 'cellFailures';
const ALARM = 'vigie-cell-sync';
/** Minutes between two rounds when all is well: others' changes arrive at least this often. */
const PERIOD_MINUTES = 5;
/** The longest wait between two tries after failures (1, 2, 4… minutes). */
const MAX_BACKOFF_MINUTES = 60;
/** How long after a local change the round starts: the changes of one gesture go together. */
const SOON_MS = 1_500;

/** The connected server and the member's credentials; null when no cell is connected. */
export async function readTarget(): Promise<CouchTarget | null> {
  const stored = (await browser.storage.local.get(TARGET_KEY))[TARGET_KEY] as
    CouchTarget | undefined;
  return stored && typeof stored.server === 'string' ? stored : null;
}

export async function saveTarget(target: CouchTarget): Promise<void> {
  await browser.storage.local.set({ [TARGET_KEY]: target });
  await browser.alarms.create(ALARM, { delayInMinutes: 0.1, periodInMinutes: PERIOD_MINUTES });
}

export async function forgetTarget(): Promise<void> {
  await browser.storage.local.remove([TARGET_KEY]);
  await browser.storage.session.remove(FAILURES_KEY);
  await browser.alarms.clear(ALARM);
}

/** What a round did, or what stopped it. */
export interface RoundReport {
  pushed: number;
  pulled: number;
  failure: string | null;
}

let running: Promise<RoundReport> | null = null;

/**
 * Counts the rounds that brought others' changes in, whoever started them (an alarm, a local
 * change, the log's wait): a page that saw an older count has changes to show. A new worker
 * starts again from 0, which a page tells apart as well, being a different count.
 */
let pulledRounds = 0;

export const pulledCount = (): number => pulledRounds;

/** After a failure, the next try waits twice as long as the one before, up to an hour. */
async function scheduleAfter(failure: string | null): Promise<void> {
  const failures = failure
    ? (((await browser.storage.session.get(FAILURES_KEY))[FAILURES_KEY] as number) ?? 0) + 1
    : 0;
  await browser.storage.session.set({ [FAILURES_KEY]: failures });
  const delay = failures ? Math.min(2 ** (failures - 1), MAX_BACKOFF_MINUTES) : PERIOD_MINUTES;
  await browser.alarms.create(ALARM, { delayInMinutes: delay, periodInMinutes: PERIOD_MINUTES });
}

/** One round (push, then pull), or the one already under way. */
export function syncNow(db: VigieDatabase, changed: () => void): Promise<RoundReport> {
  running ??= (async () => {
    const target = await readTarget();
    if (!target || !(await getCell(db))) return { pushed: 0, pulled: 0, failure: null };
    const round = await syncOnce({
      db,
      client: couchClient(target),
      now: () => new Date().toISOString(),
    });
    const { crises, events, mentions } = round.applied;
    const pulled = crises + events + mentions + round.copies;
    if (pulled > 0) {
      pulledRounds++;
      changed();
    }
    await scheduleAfter(round.failure);
    tellPages();
    return { pushed: round.pushed, pulled, failure: round.failure };
  })().finally(() => {
    running = null;
  });
  return running;
}

/** The message the crisis log hears after each round: its sync status may have changed. */
const CELL_ROUND = { vigieCellRound: 1 } as const;

/**
 * Tells the open pages of the extension that a round ended (what waited was sent, or failed),
 * so that the status they show is not left saying changes wait. No page open: nothing to do.
 */
function tellPages(): void {
  browser.runtime.sendMessage(CELL_ROUND).catch(() => undefined);
}

let soon: ReturnType<typeof setTimeout> | undefined;

/** A round shortly after a local change, when the change waits in the outbox. */
export function syncSoon(db: VigieDatabase, changed: () => void): void {
  clearTimeout(soon);
  soon = setTimeout(() => {
    void (async () => {
      if ((await outboxCount(db)) > 0 && (await readTarget())) await syncNow(db, changed);
    })().catch((error: unknown) => console.error('Vigie: cell sync', error));
  }, SOON_MS);
}

/**
 * Waits up to `ms` for others' changes and takes them in (the crisis log, while open, asks
 * again and again): others' edits show within seconds. `seen` is the count of rounds that
 * brought changes (pulledCount) the page last heard of: when others' changes came in since, by
 * whatever round, it returns at once. Returns the count now.
 */
export async function waitForChanges(
  db: VigieDatabase,
  ms: number,
  seen: number | null,
  changed: () => void,
): Promise<number> {
  const target = await readTarget();
  if (!target || !(await getCell(db))) return pulledRounds;
  // A round first, so that the wait starts from the latest checkpoint with nothing waiting.
  await syncNow(db, changed);
  if (seen !== pulledRounds) return pulledRounds;
  const signal = AbortSignal.timeout(ms + 5_000);
  const { applied } = await pullChanges(
    { db, client: couchClient(target), now: () => new Date().toISOString() },
    { longpollMs: ms, signal },
  );
  if (applied.crises + applied.events + applied.mentions > 0) {
    pulledRounds++;
    changed();
  }
  return pulledRounds;
}

/** The sync's alarm fired: a round. */
export async function onCellAlarm(
  alarm: Alarms.Alarm,
  db: VigieDatabase,
  changed: () => void,
): Promise<boolean> {
  if (alarm.name !== ALARM) return false;
  await syncNow(db, changed);
  return true;
}

/**
 * What the popup and the log show of the cell: from the database alone, which the popup's first
 * call reads anyway, so that a worker started for it makes no other read.
 */
export async function cellStatus(db: VigieDatabase): Promise<CellStatus | null> {
  const cell = await getCell(db);
  if (!cell) return null;
  return {
    server: cell.server,
    db: cell.db,
    user: cell.user,
    shareNew: cell.shareNew,
    shared: cell.shared,
    waiting: await outboxCount(db),
    lastSyncAt: cell.lastSyncAt,
    lastError: cell.lastError,
  };
}
