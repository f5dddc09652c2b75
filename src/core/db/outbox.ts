/**
 * The outbox of the team cell: every write that changes a shared crisis, its journal or its
 * mentions adds what it changed here, in its own transaction, so that a change is never made
 * without its way to the server, nor the other way round. The background pushes the outbox
 * (core/sync/sync.ts) and takes each entry out once the server has it.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { Crisis, CrisisEvent, Mention } from '../model/types';
import { docId } from '../sync/docs';
import { MENTION_FIELDS, type CrisisOp, type MentionField, type MentionOp } from '../sync/ops';
import type { VigieDatabase } from './open';
import type { CellRecord, OutboxEntry, VigieDB } from './schema';

/** The stores a write that may share a change adds to its transaction. */
export const SYNC_WRITE = ['cell', 'outbox'] as const;

type SyncTx = IDBPTransaction<VigieDB, StoreNames<VigieDB>[], 'readwrite' | 'versionchange'>;

/**
 * A transaction that writes a crisis's records as a cell shares them: the crisis, its journal,
 * its mentions with what their writes keep (MENTION_WRITE), and SYNC_WRITE.
 */
export type SharedWriteTx = IDBPTransaction<
  VigieDB,
  ('mentions' | 'meta' | 'postings' | 'crises' | 'events' | 'cell' | 'outbox')[],
  'readwrite'
>;

/** The mention's fields a member may change that differ between `before` and `after`. */
export function changedFields(
  before: Mention,
  after: Mention,
): Partial<Pick<Mention, MentionField>> {
  const fields: Partial<Record<MentionField, unknown>> = {};
  for (const field of MENTION_FIELDS) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field]))
      fields[field] = after[field];
  }
  return fields as Partial<Pick<Mention, MentionField>>;
}

/**
 * What a transaction shares: opened once per transaction over SYNC_WRITE, it adds to the outbox
 * the changes of shared crises only, and nothing at all while no cell is connected.
 */
export class SyncOut {
  private constructor(
    private readonly tx: SyncTx,
    private cell: CellRecord | undefined,
  ) {}

  static async open(tx: SyncTx): Promise<SyncOut> {
    return new SyncOut(tx, await tx.objectStore('cell').get('cell'));
  }

  isShared(crisisId: string | null): boolean {
    return crisisId !== null && this.cell?.shared.includes(crisisId) === true;
  }

  private add(entry: OutboxEntry): Promise<unknown> {
    return this.tx.objectStore('outbox').add(entry);
  }

  /**
   * Shares a crisis just opened when the cell's default says so (the settings): it goes to the
   * outbox whole, and what follows in the transaction (its journal, its mentions) with it.
   */
  async shareIfNew(crisis: Crisis): Promise<void> {
    if (!this.cell?.shareNew || this.isShared(crisis.id)) return;
    this.cell = { ...this.cell, shared: [...this.cell.shared, crisis.id] };
    await this.tx.objectStore('cell').put(this.cell);
    await this.crisisWhole(crisis);
  }

  private crisisWhole(crisis: Crisis): Promise<unknown> {
    return this.add({
      docId: docId('crisis', crisis.id),
      kind: 'crisis',
      op: { kind: 'whole', crisis },
    });
  }

  /** The events as the journal keeps them: those of a shared crisis carry their author. */
  stamped(events: readonly CrisisEvent[]): CrisisEvent[] {
    const user = this.cell?.user;
    return events.map((e) => (user && this.isShared(e.crisisId) && !e.by ? { ...e, by: user } : e));
  }

  /** Queues the journal events of shared crises (stamped first). */
  async events(events: readonly CrisisEvent[]): Promise<void> {
    for (const event of events) {
      if (this.isShared(event.crisisId))
        await this.add({ docId: docId('event', event.id), kind: 'event', event });
    }
  }

  /** Queues a change of a crisis, when it is shared. */
  async crisis(crisisId: string, op: CrisisOp): Promise<void> {
    if (this.isShared(crisisId))
      await this.add({ docId: docId('crisis', crisisId), kind: 'crisis', op });
  }

  /**
   * Queues a mention's change: the whole mention when it joins a shared crisis, the fields that
   * changed when it was in one (leaving it: its crisis becomes none for the cell).
   */
  async mention(before: Mention | undefined, after: Mention, at: string): Promise<void> {
    const id = docId('mention', after.id);
    if (this.isShared(after.crisisId) && (!before || !this.isShared(before.crisisId))) {
      await this.add({ docId: id, kind: 'mention', op: { kind: 'whole', mention: after } });
      // Its fields too: a copy the cell already has (shared before, moved out and back) takes them.
    }
    if (!before || !(this.isShared(before.crisisId) || this.isShared(after.crisisId))) return;
    const fields = changedFields(before, after);
    if (Object.keys(fields).length > 0) {
      const op: MentionOp = { kind: 'fields', fields, at };
      await this.add({ docId: id, kind: 'mention', op });
    }
  }

  /** Queues the deletion of a mention of a shared crisis. */
  async removed(mention: Mention, at: string): Promise<void> {
    if (!this.cell || !this.isShared(mention.crisisId)) return;
    const op: MentionOp = { kind: 'removed', at };
    await this.add({ docId: docId('mention', mention.id), kind: 'mention', op });
    // The mark takes the attachment with it: an undone deletion shares the mention alone.
    if (this.cell.copies?.includes(mention.id)) {
      this.cell = { ...this.cell, copies: this.cell.copies.filter((id) => id !== mention.id) };
      await this.tx.objectStore('cell').put(this.cell);
    }
  }
}

/** The connected cell, or undefined. */
export function getCell(db: VigieDatabase): Promise<CellRecord | undefined> {
  return db.get('cell', 'cell');
}

/** The outbox's entries, oldest first, at most `limit`. */
export function outboxEntries(db: VigieDatabase, limit: number): Promise<OutboxEntry[]> {
  return db.getAll('outbox', null, limit);
}

/** How many changes wait for the server. */
export function outboxCount(db: VigieDatabase): Promise<number> {
  return db.count('outbox');
}
