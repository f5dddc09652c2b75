/**
 * What the writes of a transaction change besides the mention records themselves: the kept
 * counts (mention-counts.ts) and the search's posting lists (postings.ts). Every writer of
 * mentions notes each record it replaces, then saves once, at its end, in its own transaction
 * (MENTION_WRITE): the counts and the lists never lag behind the records.
 */
import { CountChanges, type MetaStore } from './mention-counts';
import { PostingChanges, type PostingStore } from './postings';
import type { StoredMention } from './schema';

/** The stores a transaction that writes mentions holds. */
export const MENTION_WRITE = ['mentions', 'meta', 'postings'] as const;

/** Such a transaction, as `save` uses it. */
interface MentionWriteTx {
  objectStore(name: 'meta'): MetaStore;
  objectStore(name: 'postings'): PostingStore;
}

export class MentionChanges {
  private readonly counts = new CountChanges();
  private readonly postings = new PostingChanges();

  /** Notes that the record `before` was replaced by `after` (either absent: an add, a delete). */
  replaced(before: StoredMention | undefined, after: StoredMention | undefined): void {
    this.counts.replaced(before, after);
    this.postings.replaced(before, after);
  }

  /** Saves what the writes changed, in the writer's transaction (over MENTION_WRITE). */
  async save(tx: MentionWriteTx): Promise<void> {
    await this.counts.save(tx.objectStore('meta'));
    await this.postings.save(tx.objectStore('postings'));
  }
}
