/**
 * Evidence kept with a mention: a saved copy of its page, and the check that the capture and
 * the copy still match the hashes taken when they were made. A copy is stored apart from its
 * mention, which holds only the reference (format, size, time, hash): lists and backups never
 * read megabytes of page. Hashes are computed before a transaction opens: awaiting anything
 * but the transaction's own requests would let it commit halfway.
 */
import type { EvidenceCheck } from '../model/evidence';
import { sha256Hex, sha256HexOfBytes } from '../model/hash';
import { newId } from '../model/ids';
import { canonicalCapture, shortenedFields } from '../model/mention';
import type { Mention, PageCopyRef } from '../model/types';
import { fromStored, toStored } from './mentions';
import type { VigieDatabase } from './open';
import type { PageCopyRecord } from './schema';

/** The largest copy kept: one message carries it out again (base64, under the 64 MiB cap). */
export const MAX_COPY_BYTES = 40 * 1024 * 1024;

export interface NewPageCopy {
  format: PageCopyRef['format'];
  data: ArrayBuffer;
  savedAt: string;
}

export type KeepOutcome =
  | { kept: true; mention: Mention }
  | { kept: false; reason: 'not-found' | 'already-kept' | 'too-large'; mention: Mention | null };

/**
 * Stores `copy` as the page copy of mention `mentionId`, with its hash, and the reference in
 * the mention, in one transaction. A mention keeps its first copy: evidence is never replaced.
 */
export async function keepPageCopy(
  db: VigieDatabase,
  mentionId: string,
  copy: NewPageCopy,
): Promise<KeepOutcome> {
  if (copy.data.byteLength > MAX_COPY_BYTES) {
    return { kept: false, reason: 'too-large', mention: null };
  }
  const sha256 = await sha256HexOfBytes(copy.data);
  const tx = db.transaction(['mentions', 'pageCopies'], 'readwrite');
  const mentions = tx.objectStore('mentions');
  const stored = await mentions.get(mentionId);
  if (!stored || stored.evidence.pageCopy) {
    await tx.done;
    const mention = stored ? fromStored(stored) : null;
    return { kept: false, reason: stored ? 'already-kept' : 'not-found', mention };
  }
  const ref: PageCopyRef = {
    id: newId(),
    format: copy.format,
    sha256,
    savedAt: copy.savedAt,
    bytes: copy.data.byteLength,
  };
  const record: PageCopyRecord = { ...ref, mentionId, data: copy.data };
  await tx.objectStore('pageCopies').add(record);
  // The reference changes the record, not what it counts in: the kept counts stay as they are.
  const mention: Mention = {
    ...fromStored(stored),
    evidence: { ...stored.evidence, pageCopy: ref },
    updatedAt: copy.savedAt,
  };
  await mentions.put(toStored(mention));
  await tx.done;
  return { kept: true, mention };
}

/** A mention as stored and the copy its reference names (undefined: no mention, or no copy). */
async function mentionAndCopy(db: VigieDatabase, mentionId: string) {
  const tx = db.transaction(['mentions', 'pageCopies']);
  const stored = await tx.objectStore('mentions').get(mentionId);
  const ref = stored?.evidence.pageCopy;
  const record = ref ? await tx.objectStore('pageCopies').get(ref.id) : undefined;
  await tx.done;
  return { stored, record };
}

/** The page copy of a mention, or undefined when it has none (or it is not in this browser). */
export async function readPageCopy(
  db: VigieDatabase,
  mentionId: string,
): Promise<PageCopyRecord | undefined> {
  return (await mentionAndCopy(db, mentionId)).record;
}

/** Recomputes the hashes of a mention's capture and copy; undefined when there is no mention. */
export async function verifyEvidence(
  db: VigieDatabase,
  mentionId: string,
): Promise<EvidenceCheck | undefined> {
  const { stored, record } = await mentionAndCopy(db, mentionId);
  if (!stored) return undefined;
  const ref = stored.evidence.pageCopy;

  const saved = stored.evidence.captureSha256;
  const computed = await sha256Hex(canonicalCapture(stored));
  const fields = shortenedFields(fromStored(stored));
  const capture = {
    state: computed === saved ? 'match' : fields.length > 0 ? 'shortened' : 'mismatch',
    saved,
    computed,
    fields,
  } as const;
  if (!ref) return { capture, copy: { state: 'none' } };
  if (!record) return { capture, copy: { state: 'missing', saved: ref.sha256 } };
  const copyHash = await sha256HexOfBytes(record.data);
  // The copy matches when its bytes hash to what the mention's reference says they did.
  const state = copyHash === ref.sha256 && record.sha256 === ref.sha256 ? 'match' : 'mismatch';
  return { capture, copy: { state, saved: ref.sha256, computed: copyHash } };
}

/**
 * Deletes the copies whose mention no longer exists, but for the mentions of `keep` (those an
 * undo may still bring back). Walks the `mentionId` index by keys only: no copy's bytes are
 * read. A copy whose mention exists stays, even when the mention now refers to another one
 * (a merged backup's newer record): evidence is only let go with its mention. Returns how many
 * copies were deleted.
 */
export async function dropOrphanCopies(
  db: VigieDatabase,
  keep: ReadonlySet<string>,
): Promise<number> {
  const tx = db.transaction(['mentions', 'pageCopies'], 'readwrite');
  const mentions = tx.objectStore('mentions');
  const copies = tx.objectStore('pageCopies');
  let dropped = 0;
  let cursor = await copies.index('mentionId').openKeyCursor();
  while (cursor) {
    const mentionId = cursor.key;
    if (!keep.has(mentionId) && (await mentions.count(mentionId)) === 0) {
      await copies.delete(cursor.primaryKey);
      dropped += 1;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return dropped;
}
