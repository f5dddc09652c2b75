/**
 * The team cell on this browser's side: connecting and disconnecting, sharing a crisis, taking
 * in what the server sent, and letting go of what it has. Each is one transaction: a crisis is
 * shared with its journal and mentions whole or not at all, and a batch from the server is
 * applied with its checkpoint, so a worker stopped halfway asks for the same batch again.
 */
import type { Crisis, CrisisEvent, Mention } from '../model/types';
import type { CellRecord as SharedRecord } from '../sync/docs';
import { docId } from '../sync/docs';
import { rebaseCrisis, rebaseMention, type CrisisOp, type MentionOp } from '../sync/ops';
import { MENTION_WRITE, MentionChanges } from './mention-changes';
import { fromStored, toStored } from './mentions';
import type { VigieDatabase } from './open';
import { SYNC_WRITE, type SharedWriteTx } from './outbox';
import type { CellRecord, OutboxEntry } from './schema';

/**
 * Connects the log to a cell as `member.user`; the same member of the same cell connecting
 * again keeps the crises shared before and the checkpoint.
 */
export async function connectCell(
  db: VigieDatabase,
  member: { server: string; db: string; user: string },
  shareNew: boolean,
): Promise<CellRecord> {
  const tx = db.transaction('cell', 'readwrite');
  const before = await tx.store.get('cell');
  const same =
    before?.user === member.user && before.server === member.server && before.db === member.db;
  const cell: CellRecord = {
    key: 'cell',
    ...member,
    shareNew,
    shared: same ? before.shared : [],
    since: same ? before.since : '0',
    lastSyncAt: same ? before.lastSyncAt : null,
    lastError: null,
  };
  await tx.store.put(cell);
  await tx.done;
  return cell;
}

/**
 * Disconnects the cell: the changes still waiting are dropped with it (the caller has said so
 * to the user), and with `forget`, the shared crises with their journals and mentions too.
 * Returns how many crises were forgotten.
 */
export async function disconnectCell(db: VigieDatabase, forget: boolean): Promise<number> {
  const tx = db.transaction([...SYNC_WRITE, ...MENTION_WRITE, 'crises', 'events'], 'readwrite');
  const cell = await tx.objectStore('cell').get('cell');
  await tx.objectStore('cell').clear();
  await tx.objectStore('outbox').clear();
  const shared = forget ? (cell?.shared ?? []) : [];
  const changes = new MentionChanges();
  for (const crisisId of shared) {
    await tx.objectStore('crises').delete(crisisId);
    const range = IDBKeyRange.bound([crisisId], [crisisId, []]);
    const events = tx.objectStore('events').index('crisisAt');
    for (let c = await events.openCursor(range); c; c = await c.continue()) await c.delete();
    const mentions = tx.objectStore('mentions').index('crisisId');
    for (let c = await mentions.openCursor(range); c; c = await c.continue()) {
      changes.replaced(c.value, undefined);
      await c.delete();
    }
  }
  await changes.save(tx);
  await tx.done;
  return shared.length;
}

/** Settings of the connected cell that the user changes: the default for new crises. */
export async function setShareNew(db: VigieDatabase, shareNew: boolean): Promise<void> {
  const tx = db.transaction('cell', 'readwrite');
  const cell = await tx.store.get('cell');
  if (cell) await tx.store.put({ ...cell, shareNew });
  await tx.done;
}

/**
 * Shares a crisis with the connected cell: the crisis, its whole journal and its mentions go to
 * the outbox. False when no cell is connected or the crisis does not exist; sharing it again
 * does nothing.
 */
export async function shareCrisis(db: VigieDatabase, crisisId: string): Promise<boolean> {
  const tx = db.transaction([...SYNC_WRITE, 'crises', 'events', 'mentions'], 'readwrite');
  const cell = await tx.objectStore('cell').get('cell');
  const crisis = await tx.objectStore('crises').get(crisisId);
  if (!cell || !crisis) {
    await tx.done;
    return false;
  }
  if (!cell.shared.includes(crisisId)) {
    await tx.objectStore('cell').put({ ...cell, shared: [...cell.shared, crisisId] });
    const outbox = tx.objectStore('outbox');
    await outbox.add({
      docId: docId('crisis', crisisId),
      kind: 'crisis',
      op: { kind: 'whole', crisis },
    });
    const range = IDBKeyRange.bound([crisisId], [crisisId, []]);
    for (const event of await tx.objectStore('events').index('crisisAt').getAll(range)) {
      await outbox.add({ docId: docId('event', event.id), kind: 'event', event });
    }
    for (const stored of await tx.objectStore('mentions').index('crisisId').getAll(range)) {
      const mention = fromStored(stored);
      await outbox.add({
        docId: docId('mention', mention.id),
        kind: 'mention',
        op: { kind: 'whole', mention },
      });
    }
  }
  await tx.done;
  return true;
}

/** What one pull applied, for the sync status and the lists to refresh. */
export interface Applied {
  crises: number;
  events: number;
  mentions: number;
  /** Documents left out, each with why (a mention already flagged here under another id…). */
  skipped: string[];
}

/**
 * Applies a batch of the server's records and its checkpoint `since`, in one transaction. A
 * record with changes of this browser still waiting is the server's copy with those changes
 * applied again on top (core/sync/ops.ts): nothing done here is lost by taking others' work in.
 */
export async function applyPulled(
  db: VigieDatabase,
  records: readonly SharedRecord[],
  since: string,
  now: string,
): Promise<Applied> {
  const tx = db.transaction([...SYNC_WRITE, ...MENTION_WRITE, 'crises', 'events'], 'readwrite');
  const applied: Applied = { crises: 0, events: 0, mentions: 0, skipped: [] };
  const cellStore = tx.objectStore('cell');
  const cell = await cellStore.get('cell');
  if (!cell) {
    // Disconnected meanwhile: nothing of the batch is wanted.
    await tx.done;
    return applied;
  }
  const shared = new Set(cell.shared);
  const pending = async (id: string) =>
    (await tx.objectStore('outbox').index('docId').getAll(id)) as OutboxEntry[];
  // Crises first, so that the mentions and events of a crisis new here find it shared.
  const order = { crisis: 0, mention: 1, event: 2 } as const;
  const changes = new MentionChanges();
  for (const record of [...records].sort((a, b) => order[a.kind] - order[b.kind])) {
    if (record.kind === 'crisis') {
      const ops = (await pending(docId('crisis', record.crisis.id))).flatMap((e) =>
        e.kind === 'crisis' ? [e.op] : ([] as CrisisOp[]),
      );
      const crisis = rebaseCrisis(record.crisis, ops) as Crisis;
      await tx.objectStore('crises').put(crisis);
      shared.add(crisis.id);
      applied.crises++;
    } else if (record.kind === 'event') {
      if (!shared.has(record.event.crisisId)) continue;
      const events = tx.objectStore('events');
      if (await events.get(record.event.id)) continue;
      const event: CrisisEvent = { ...record.event, by: record.event.by ?? record.author };
      await events.add(event);
      applied.events++;
    } else {
      const outcome = await applyMention(tx, record.mention, shared, pending, changes);
      if (outcome === 'put') applied.mentions++;
      else if (outcome !== 'not-shared') applied.skipped.push(outcome);
    }
  }
  await changes.save(tx);
  await cellStore.put({ ...cell, shared: [...shared], since, lastSyncAt: now, lastError: null });
  await tx.done;
  return applied;
}

/**
 * Puts one pulled mention: 'put'; 'not-shared' for a mention of no crisis shared here (moved to
 * a member's inbox, which stays personal); else why it was left out.
 */
async function applyMention(
  tx: SharedWriteTx,
  server: Mention,
  shared: ReadonlySet<string>,
  pending: (id: string) => Promise<OutboxEntry[]>,
  changes: MentionChanges,
): Promise<string> {
  const ops = (await pending(docId('mention', server.id))).flatMap((e) =>
    e.kind === 'mention' ? [e.op] : ([] as MentionOp[]),
  );
  const store = tx.objectStore('mentions');
  const before = await store.get(server.id);
  const merged = rebaseMention(server, ops) as Mention;
  if (!before && (merged.crisisId === null || !shared.has(merged.crisisId))) return 'not-shared';
  // The page copy stays where it was saved: this browser's reference to its own copy is kept.
  const local = before ? fromStored(before) : undefined;
  const mention: Mention = local?.evidence.pageCopy
    ? { ...merged, evidence: { ...merged.evidence, pageCopy: local.evidence.pageCopy } }
    : merged;
  const stored = toStored(mention);
  const twin = await store.index('dedupeKey').get(stored.dedupeKey);
  if (twin && twin.id !== mention.id) {
    return `mention:${mention.id}: the same quote is flagged here as ${twin.id}`;
  }
  changes.replaced(before, stored);
  await store.put(stored);
  return 'put';
}

/**
 * Takes out of the outbox the entries the server has (by sequence number), and notes the
 * sync's time; `error` says what went wrong with those left, or null.
 */
export async function settlePush(
  db: VigieDatabase,
  done: readonly number[],
  now: string,
  error: string | null,
): Promise<void> {
  const tx = db.transaction([...SYNC_WRITE], 'readwrite');
  for (const seq of done) await tx.objectStore('outbox').delete(seq);
  const cell = await tx.objectStore('cell').get('cell');
  if (cell) {
    await tx.objectStore('cell').put({
      ...cell,
      lastSyncAt: error ? cell.lastSyncAt : now,
      lastError: error,
    });
  }
  await tx.done;
}

/** Notes what went wrong with a sync, for the status shown. */
export async function noteSyncError(db: VigieDatabase, error: string): Promise<void> {
  await settlePush(db, [], '', error);
}
