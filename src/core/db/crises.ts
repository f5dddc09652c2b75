/**
 * The crises repository and the journal. Every change to a crisis appends its event in the
 * same transaction, so the journal can never miss or invent a change.
 */
import type { CrisisPage, CrisisSummary, TimeCursor } from '../model/paging';
import type { CrisisFilter } from '../model/search';
import { agenda } from '../model/agenda';
import { newId } from '../model/ids';
import { reactionDueAt } from '../model/deadlines';
import { nextAction, uninformedKeyCount } from '../model/next-action';
import { hasReacted } from '../model/steps';
import { matchesWords, queryWords, wordsOf } from '../model/search';
import type { Crisis, CrisisEvent, EventType, Mention } from '../model/types';
import { allChecked, checked } from './checked';
import { MENTION_WRITE, MentionChanges } from './mention-changes';
import { SYNC_WRITE, SyncOut, type SharedWriteTx } from './outbox';
import type { CrisisOp } from '../sync/ops';
import { fromStored, toStored } from './mentions';
import type { VigieDatabase } from './open';
import { getSettings } from './settings';
import { timeRange, type Direction } from './time-range';

let sequence = 0;

/**
 * An id that sorts in the order events were made, so that events of the same instant keep
 * their order in the journal (its index sorts by crisis, time, then id).
 */
function eventId(): string {
  sequence = (sequence + 1) % 36 ** 4;
  return `${Date.now().toString(36).padStart(9, '0')}${sequence.toString(36).padStart(4, '0')}-${newId().slice(0, 8)}`;
}

/** A journal event, ready to append. */
export function newEvent(
  crisisId: string,
  at: string,
  type: EventType,
  data: CrisisEvent['data'] = {},
  actor: CrisisEvent['actor'] = 'user',
): CrisisEvent {
  return { id: eventId(), crisisId, at, type, actor, data };
}

export async function getCrisis(db: VigieDatabase, id: string): Promise<Crisis | undefined> {
  return db.get('crises', id);
}

/** The journal of a crisis, oldest first. */
export function listEvents(db: VigieDatabase, crisisId: string): Promise<CrisisEvent[]> {
  return db.getAllFromIndex('events', 'crisisAt', IDBKeyRange.bound([crisisId], [crisisId, []]));
}

/** Appends journal events (for changes that live outside the crisis record). */
export async function appendEvents(
  db: VigieDatabase,
  events: readonly CrisisEvent[],
): Promise<void> {
  if (events.length === 0) return;
  allChecked('events', events);
  const tx = db.transaction(['events', ...SYNC_WRITE], 'readwrite');
  const out = await SyncOut.open(tx);
  const stamped = out.stamped(events);
  for (const e of stamped) await tx.objectStore('events').add(e);
  await out.events(stamped);
  await tx.done;
}

/**
 * Appends an event unless the crisis's journal already has one that `same` recognises. The check
 * and the write share one transaction, so two callers racing (an alarm and a worker start) cannot
 * both append it. Returns whether it was appended.
 */
export async function appendEventOnce(
  db: VigieDatabase,
  event: CrisisEvent,
  same: (existing: CrisisEvent) => boolean,
): Promise<boolean> {
  checked('events', event);
  const tx = db.transaction(['events', ...SYNC_WRITE], 'readwrite');
  const range = IDBKeyRange.bound([event.crisisId], [event.crisisId, []]);
  const existing = await tx.objectStore('events').index('crisisAt').getAll(range);
  const append = !existing.some(same);
  if (append) {
    const out = await SyncOut.open(tx);
    const stamped = out.stamped([event]);
    for (const e of stamped) await tx.objectStore('events').add(e);
    await out.events(stamped);
  }
  await tx.done;
  return append;
}

/**
 * Writes a crisis and appends its events, atomically; when the crisis is shared with a cell,
 * the change `op` that made it and the events go to the outbox in the same transaction.
 */
export async function saveCrisis(
  db: VigieDatabase,
  crisis: Crisis,
  events: readonly CrisisEvent[],
  op?: CrisisOp,
): Promise<Crisis> {
  checked('crises', crisis);
  allChecked('events', events);
  const tx = db.transaction(['crises', 'events', ...SYNC_WRITE], 'readwrite');
  const out = await SyncOut.open(tx);
  const stamped = out.stamped(events);
  await tx.objectStore('crises').put(crisis);
  for (const e of stamped) await tx.objectStore('events').add(e);
  if (op) await out.crisis(crisis.id, op);
  await out.events(stamped);
  await tx.done;
  return crisis;
}

/**
 * Moves mentions into a crisis (or back to the inbox with null), journaling each link and
 * unlink, in one transaction. Returns how many mentions changed.
 */
export async function moveMentions(
  db: VigieDatabase,
  ids: readonly string[],
  crisisId: string | null,
  now: string,
  extra: { crisis?: Crisis; events?: CrisisEvent[] } = {},
): Promise<number> {
  if (extra.crisis) checked('crises', extra.crisis);
  allChecked('events', extra.events ?? []);
  const tx = db.transaction([...MENTION_WRITE, 'crises', 'events', ...SYNC_WRITE], 'readwrite');
  const mentions = tx.objectStore('mentions');
  const changes = new MentionChanges();
  const events = tx.objectStore('events');
  const out = await SyncOut.open(tx);
  const journal = async (list: readonly CrisisEvent[]) => {
    const stamped = out.stamped(list);
    for (const e of stamped) await events.add(e);
    await out.events(stamped);
  };
  if (extra.crisis) {
    await tx.objectStore('crises').put(extra.crisis);
    await out.shareIfNew(extra.crisis);
  }
  await journal(extra.events ?? []);
  if (crisisId !== null && !(await tx.objectStore('crises').get(crisisId))) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return 0;
  }
  let moved = 0;
  const affected = new Set<string>(crisisId === null ? [] : [crisisId]);
  for (const id of ids) {
    const stored = await mentions.get(id);
    if (!stored || stored.crisisId === crisisId) continue;
    const m = fromStored(stored);
    if (m.crisisId) affected.add(m.crisisId);
    if (m.crisisId)
      await journal([newEvent(m.crisisId, now, 'mention-unlinked', { mentionId: id })]);
    if (crisisId) await journal([newEvent(crisisId, now, 'mention-linked', { mentionId: id })]);
    const next: Mention = { ...m, crisisId, triagedAt: m.triagedAt ?? now, updatedAt: now };
    const nextStored = toStored(next);
    await mentions.put(nextStored);
    changes.replaced(stored, nextStored);
    await out.mention(m, next, now);
    moved++;
  }
  await changes.save(tx);
  if (moved > 0) for (const id of affected) await keepDetection(tx, id, out);
  await tx.done;
  return moved;
}

/**
 * Keeps a crisis's `openedAt` at its detection: the flag of its earliest mention, or its
 * opening (its first journal line) when it holds none earlier. The reaction countdown and
 * every metric start there: days a mention waited in the inbox count.
 */
async function keepDetection(tx: SharedWriteTx, crisisId: string, out: SyncOut): Promise<void> {
  const crisis = await tx.objectStore('crises').get(crisisId);
  if (!crisis) return;
  const range = IDBKeyRange.bound([crisisId], [crisisId, []]);
  const [earliest, opening] = await Promise.all([
    tx.objectStore('mentions').index('crisisId').openCursor(range),
    tx.objectStore('events').index('crisisAt').openCursor(range),
  ]);
  const times = [opening?.value.at ?? crisis.openedAt, earliest?.value.capturedAt].filter(
    (at): at is string => typeof at === 'string',
  );
  const detection = times.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
  if (detection !== crisis.openedAt) {
    await tx.objectStore('crises').put({ ...crisis, openedAt: detection });
    await out.crisis(crisisId, { kind: 'detected', openedAt: detection });
  }
}

async function summarize(db: VigieDatabase, crises: Crisis[]): Promise<CrisisSummary[]> {
  const settings = await getSettings(db);
  const tx = db.transaction('mentions');
  const index = tx.store.index('crisisId');
  const counts = await Promise.all(
    crises.map((c) => index.count(IDBKeyRange.bound([c.id], [c.id, []]))),
  );
  await tx.done;
  return crises.map((c, i) => ({
    id: c.id,
    title: c.title,
    level: c.level,
    step: c.step,
    state: c.state,
    openedAt: c.openedAt,
    mentionCount: counts[i] ?? 0,
    reactDueAt:
      c.state === 'open' && !hasReacted(c)
        ? new Date(reactionDueAt(c, settings)).toISOString()
        : null,
    uninformedKey: uninformedKeyCount(c),
    next: nextAction(c),
    due: agenda([c], settings)[0] ?? null,
  }));
}

/** The crises a list reads at most per call before it returns its page, full or not. */
const MAX_CRISIS_SCAN = 1000;

/**
 * One page of crises, most recently opened first unless the filter sorts oldest first. A few
 * hundred crises are expected: the filter is checked on each by cursor, titles are not indexed.
 */
export async function listCrises(
  db: VigieDatabase,
  state: 'open' | 'closed' | 'all',
  limit: number,
  after: TimeCursor | null,
  filter: CrisisFilter = {},
): Promise<CrisisPage> {
  const words = queryWords(filter.q ?? '');
  const direction: Direction = filter.sort === 'oldest' ? 'next' : 'prev';
  const matches = (c: Crisis) =>
    (!filter.level || c.level === filter.level) &&
    (!filter.step || (c.state === 'open' && c.step === filter.step)) &&
    matchesWords(wordsOf(c.title), words);
  const checked = Boolean(filter.level || filter.step || words.length > 0);

  const tx = db.transaction('crises');
  const prefix = state === 'all' ? [] : [state];
  const index = tx.store.index(state === 'all' ? 'openedAt' : 'stateOpenedAt');
  const items: Crisis[] = [];
  let last: Crisis | null = null;
  let scanned = 0;
  const range = timeRange(prefix, {}, after, direction);
  let cursor = range && (await index.openCursor(range, direction));
  while (cursor) {
    last = cursor.value;
    scanned += 1;
    if (matches(last)) items.push(last);
    if (items.length >= limit || scanned >= MAX_CRISIS_SCAN) break;
    cursor = await cursor.continue();
  }
  const more = cursor !== null && (await cursor.continue()) !== null;
  let total: number | null = null;
  if (!checked) total = await index.count(timeRange(prefix, {}, null, direction));
  else if (!more && after === null) total = items.length;
  await tx.done;
  return {
    items: await summarize(db, items),
    total,
    next: more && last ? { at: last.openedAt, id: last.id } : null,
  };
}

/** The most recently opened open crises (for the menu and the popup). */
export async function recentOpenCrises(db: VigieDatabase, limit: number): Promise<CrisisSummary[]> {
  return (await listCrises(db, 'open', limit, null)).items;
}

/** Every open crisis in full (for deadlines and the badge); open crises are few. */
export function openCrises(db: VigieDatabase): Promise<Crisis[]> {
  return db.getAllFromIndex('crises', 'stateOpenedAt', IDBKeyRange.bound(['open'], ['open', []]));
}

export function countOpenCrises(db: VigieDatabase): Promise<number> {
  return db.countFromIndex('crises', 'stateOpenedAt', IDBKeyRange.bound(['open'], ['open', []]));
}

/** Every crisis (a few hundred at most), for recurrence checks. */
export function allCrises(db: VigieDatabase): Promise<Crisis[]> {
  return db.getAll('crises');
}
