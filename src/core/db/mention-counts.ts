/**
 * The mention counts the crisis log, the popup and the badge show (all, in the inbox, not yet
 * reviewed), kept in the `meta` store and changed in the transaction of every write. Counting
 * an index in Chromium reads each of its keys: at 100,000 mentions the three counts took about
 * three seconds, during which the database answered nothing else, the log included.
 */
import type { MetaRecord, StoredMention } from './schema';
import type { VigieDatabase } from './open';

export interface MentionCounts {
  untriaged: number;
  inbox: number;
  mentions: number;
}

/** The key of the counts in the `meta` store. */
export const COUNTS_KEY = 'mentionCounts';

/** What the counts gain when `before` is replaced by `after` (either absent: an add, a delete). */
export function countChange(
  before: StoredMention | undefined,
  after: StoredMention | undefined,
): MentionCounts {
  const weigh = (m: StoredMention | undefined) => ({
    mentions: m ? 1 : 0,
    inbox: m?.inboxAt ? 1 : 0,
    untriaged: m?.untriagedAt ? 1 : 0,
  });
  const [b, a] = [weigh(before), weigh(after)];
  return {
    mentions: a.mentions - b.mentions,
    inbox: a.inbox - b.inbox,
    untriaged: a.untriaged - b.untriaged,
  };
}

/** The `meta` store of a read-write transaction, as a writer of mentions holds it. */
export interface MetaStore {
  get(key: string): Promise<MetaRecord | undefined>;
  put(value: MetaRecord): Promise<unknown>;
}

/** The count changes of one transaction, added up as it writes and saved once at its end. */
export class CountChanges {
  private sum: MentionCounts = { untriaged: 0, inbox: 0, mentions: 0 };

  /** Notes that the record `before` was replaced by `after` (either absent). */
  replaced(before: StoredMention | undefined, after: StoredMention | undefined): void {
    const change = countChange(before, after);
    this.sum = {
      untriaged: this.sum.untriaged + change.untriaged,
      inbox: this.sum.inbox + change.inbox,
      mentions: this.sum.mentions + change.mentions,
    };
  }

  /** Adds the changes to the kept counts, in the writer's transaction. */
  async save(meta: MetaStore): Promise<void> {
    const { untriaged, inbox, mentions } = this.sum;
    if (untriaged === 0 && inbox === 0 && mentions === 0) return;
    const kept = await meta.get(COUNTS_KEY);
    // No counts kept: the next read counts the mentions outright.
    if (!kept) return;
    await meta.put({
      key: COUNTS_KEY,
      untriaged: kept.untriaged + untriaged,
      inbox: kept.inbox + inbox,
      mentions: kept.mentions + mentions,
    });
  }
}

/** How many mentions wait in the inbox untriaged, how many in the inbox, how many in all. */
export async function mentionCounts(db: VigieDatabase): Promise<MentionCounts> {
  const kept = await db.get('meta', COUNTS_KEY);
  if (!kept) return recountMentions(db);
  return { untriaged: kept.untriaged, inbox: kept.inbox, mentions: kept.mentions };
}

/**
 * Counts the mentions outright and keeps the counts, in one transaction. For a writer that
 * does not note each change (a backup import, which writes thousands of records at once).
 */
export async function recountMentions(db: VigieDatabase): Promise<MentionCounts> {
  const tx = db.transaction(['mentions', 'meta'], 'readwrite');
  const mentions = tx.objectStore('mentions');
  const [untriaged, inbox, all] = await Promise.all([
    mentions.index('untriagedAt').count(),
    mentions.index('inboxAt').count(),
    mentions.count(),
  ]);
  const counts = { untriaged, inbox, mentions: all };
  await tx.objectStore('meta').put({ key: COUNTS_KEY, ...counts });
  await tx.done;
  return counts;
}
