/**
 * The team cell on this browser's side: connecting and disconnecting, sharing a crisis, taking
 * in what the server sent, and letting go of what it has. Each is one transaction: a crisis is
 * shared with its journal and mentions whole or not at all, and a batch from the server is
 * applied with its checkpoint, so a worker stopped halfway asks for the same batch again.
 */
import { MAX_SHARED_COPY_BYTES, type CopySharing } from '../model/evidence';
import type { Crisis, CrisisEvent, Mention } from '../model/types';
import type { CellRecord as SharedRecord } from '../sync/docs';
import { docId } from '../sync/docs';
import { rebaseCrisis, rebaseMention, type CrisisOp, type MentionOp } from '../sync/ops';
import { MENTION_WRITE, MentionChanges } from './mention-changes';
import { fromStored, toStored } from './mentions';
import type { VigieDatabase } from './open';
import { SYNC_WRITE, type SharedWriteTx } from './outbox';
import type { IDBPTransaction } from 'idb';
import type { CellRecord, OutboxEntry, VigieDB } from './schema';

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

/** What `sharing` would answer, read in `tx`, and the mention's copy when there is one. */
async function sharingIn(
  tx: IDBPTransaction<VigieDB, ('cell' | 'mentions' | 'outbox')[], IDBTransactionMode>,
  mentionId: string,
) {
  const cell = await tx.objectStore('cell').get('cell');
  const stored = await tx.objectStore('mentions').get(mentionId);
  const ref = stored?.evidence.pageCopy ?? null;
  const state: CopySharing = !cell
    ? 'no-cell'
    : !stored
      ? 'not-found'
      : !stored.crisisId || !cell.shared.includes(stored.crisisId)
        ? 'not-shared'
        : cell.copies?.includes(mentionId)
          ? 'shared'
          : !ref
            ? 'no-copy'
            : ref.bytes > MAX_SHARED_COPY_BYTES
              ? 'too-large'
              : 'can-share';
  return { cell, ref, state };
}

/** Where the page copy of mention `mentionId` stands with the cell. */
export async function copySharing(db: VigieDatabase, mentionId: string): Promise<CopySharing> {
  const tx = db.transaction(['cell', 'mentions', 'outbox']);
  const { state } = await sharingIn(tx, mentionId);
  await tx.done;
  return state;
}

/**
 * Shares the page copy of a mention of a shared crisis with the cell: it goes with the next
 * push, as its document's attachment. Returns where the copy then stands ('shared' when it
 * was queued, or already was).
 */
export async function sharePageCopy(db: VigieDatabase, mentionId: string): Promise<CopySharing> {
  const tx = db.transaction(['cell', 'mentions', 'outbox'], 'readwrite');
  const { cell, ref, state } = await sharingIn(tx, mentionId);
  if (state !== 'can-share' || !cell || !ref) {
    await tx.done;
    return state;
  }
  await tx.objectStore('outbox').add({
    docId: docId('mention', mentionId),
    kind: 'mention',
    op: { kind: 'copy', ref },
  });
  await tx.objectStore('cell').put({ ...cell, copies: [...(cell.copies ?? []), mentionId] });
  await tx.done;
  return 'shared';
}

/** Takes mention `mentionId` off the copies to fetch: kept, or not to be had. */
export async function copyFetched(db: VigieDatabase, mentionId: string): Promise<void> {
  const tx = db.transaction('cell', 'readwrite');
  const cell = await tx.store.get('cell');
  if (cell?.wantCopies?.includes(mentionId)) {
    await tx.store.put({ ...cell, wantCopies: cell.wantCopies.filter((id) => id !== mentionId) });
  }
  await tx.done;
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
  const copies = new Set(cell.copies);
  const wanted = new Set(cell.wantCopies);
  const pending = async (id: string) =>
    (await tx.objectStore('outbox').index('docId').getAll(id)) as OutboxEntry[];
  // Crises first, so that the mentions and events of a crisis new here find it shared.
  const order = { crisis: 0, mention: 1, removed: 1, event: 2 } as const;
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
      const server = record.kind === 'mention' ? record.mention : 'removed';
      const id = record.kind === 'mention' ? record.mention.id : record.mentionId;
      const outcome = await applyMention(tx, id, server, shared, pending, changes);
      if (outcome === 'put') applied.mentions++;
      else if (outcome !== 'not-shared') applied.skipped.push(outcome);
      const here = await tx.objectStore('mentions').get(id);
      if (record.kind === 'mention' && record.copy && here?.crisisId) {
        copies.add(id);
        if (!here.evidence.pageCopy) wanted.add(id);
      } else if (!here?.crisisId) {
        wanted.delete(id);
        copies.delete(id);
      }
    }
  }
  await changes.save(tx);
  await cellStore.put({
    ...cell,
    shared: [...shared],
    copies: [...copies],
    wantCopies: [...wanted],
    since,
    lastSyncAt: now,
    lastError: null,
  });
  await tx.done;
  return applied;
}

/**
 * Takes in one pulled mention (or the mark of its deletion), with this browser's waiting
 * changes applied on top: 'put', or 'not-shared' when it is not a mention of a shared crisis
 * here, or why it was left out. A mention that leaves the shared crises here (a member deleted
 * it, or moved it to their own inbox, which stays personal) leaves this browser with them,
 * except where this browser saved a copy of its page: that evidence is its own, and the
 * mention stays, in the inbox.
 */
async function applyMention(
  tx: SharedWriteTx,
  id: string,
  server: Mention | 'removed',
  shared: ReadonlySet<string>,
  pending: (id: string) => Promise<OutboxEntry[]>,
  changes: MentionChanges,
): Promise<string> {
  const ops = (await pending(docId('mention', id))).flatMap((e) =>
    e.kind === 'mention' ? [e.op] : ([] as MentionOp[]),
  );
  const store = tx.objectStore('mentions');
  const before = await store.get(id);
  const local = before ? fromStored(before) : undefined;
  const merged = rebaseMention(server, ops);
  const inCell = (m: Mention | undefined) => m?.crisisId != null && shared.has(m.crisisId);
  if (merged === null || merged === 'removed' || !inCell(merged)) {
    // Out of the cell's crises: what this browser holds outside them is its own business.
    if (!local || !inCell(local)) return 'not-shared';
    const kept: Mention | undefined = local.evidence.pageCopy
      ? { ...local, crisisId: null }
      : undefined;
    const keptStored = kept && toStored(kept);
    changes.replaced(before, keptStored);
    if (keptStored) await store.put(keptStored);
    else await store.delete(id);
    return 'put';
  }
  // The page copy stays where it was saved: this browser's reference to its own copy is kept.
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
