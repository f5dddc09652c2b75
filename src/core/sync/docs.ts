/**
 * A cell's documents in CouchDB, and the records they carry: `crisis:<id>`, `mention:<id>` and
 * `event:<id>`, each with its author (the member who wrote it last; for an event, who made it).
 * What comes back from the server is checked as an import checks a backup: the database never
 * holds what the import would refuse, whoever wrote it.
 */
import * as v from 'valibot';
import { sha256HexOfBytes } from '../model/hash';
import { LIMITS } from '../model/limits';
import { bytesOfBase64 } from '../text/base64';
import { CrisisSchema, EventSchema, MentionSchema } from '../model/schemas';
import type { Crisis, CrisisEvent, Mention, PageCopyRef } from '../model/types';
import type { CouchDoc } from './couch';

export type DocKind = 'crisis' | 'mention' | 'event';

export const docId = (kind: DocKind, id: string): string => `${kind}:${id}`;

/** A document's kind and record id, or null for a document that is not one of Vigie's. */
export function splitDocId(id: string): { kind: DocKind; id: string } | null {
  const colon = id.indexOf(':');
  const kind = id.slice(0, colon);
  if (colon < 1 || (kind !== 'crisis' && kind !== 'mention' && kind !== 'event')) return null;
  return { kind, id: id.slice(colon + 1) };
}

export type CellRecord =
  | { kind: 'crisis'; crisis: Crisis; author: string }
  /** `copy`: the page copy the document carries as its attachment, when a member shared it. */
  | { kind: 'mention'; mention: Mention; author: string; copy?: PageCopyRef }
  /** A mention a member deleted: its document keeps only its id and when. */
  | { kind: 'removed'; mentionId: string; at: string; author: string }
  | { kind: 'event'; event: CrisisEvent; author: string };

/** The name of a mention document's attachment: the copy of its page, when one was shared. */
export const COPY_ATTACHMENT = 'page';

/**
 * A mention as the cell sees it: its saved page copy stays in the browser that made it (it can
 * be megabytes) unless a member shares it, and then the reference names the attachment.
 */
function sharedMention(mention: Mention, copy: PageCopyRef | undefined): Mention {
  return { ...mention, evidence: { ...mention.evidence, pageCopy: copy ?? null } };
}

/** The document that carries `record`, written by `author`, at the server's revision `rev`. */
export function toDoc(record: CellRecord, rev?: string): CouchDoc {
  const base = { ...(rev ? { _rev: rev } : {}), type: record.kind, author: record.author };
  switch (record.kind) {
    case 'crisis':
      return { _id: docId('crisis', record.crisis.id), ...base, crisis: record.crisis };
    case 'mention':
      return {
        _id: docId('mention', record.mention.id),
        ...base,
        mention: sharedMention(record.mention, record.copy),
      };
    case 'removed':
      // Members cannot delete a document (_design/vigie): the mark replaces its content.
      return {
        _id: docId('mention', record.mentionId),
        ...base,
        type: 'mention',
        mention: { id: record.mentionId },
        removedAt: record.at,
      };
    case 'event':
      return {
        _id: docId('event', record.event.id),
        ...base,
        event: { ...record.event, by: record.event.by ?? record.author },
      };
  }
}

/** Whether a document carries the page copy as its attachment (inline, or as a stub). */
export function isAttached(doc: CouchDoc): boolean {
  const attachments = doc._attachments;
  return typeof attachments === 'object' && attachments !== null && COPY_ATTACHMENT in attachments;
}

const author = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const removedAt = v.pipe(v.string(), v.isoTimestamp());

/**
 * The record a server document carries, checked; null for a document that is not Vigie's, is
 * deleted, or would not pass an import (named in `problem` for the sync status).
 */
export function fromDoc(doc: CouchDoc): { record: CellRecord | null; problem: string | null } {
  const split = splitDocId(doc._id);
  if (!split || doc._deleted) return { record: null, problem: null };
  const who = v.safeParse(author, doc.author);
  if (!who.success) return { record: null, problem: `${doc._id}: no author` };
  if (split.kind === 'mention' && doc.removedAt !== undefined) {
    const at = v.safeParse(removedAt, doc.removedAt);
    if (!at.success) return { record: null, problem: `${doc._id}: ${at.issues[0].message}` };
    if (split.id.length > LIMITS.id) return { record: null, problem: `${doc._id}: id too long` };
    return {
      record: { kind: 'removed', mentionId: split.id, at: at.output, author: who.output },
      problem: null,
    };
  }
  const checks = { crisis: CrisisSchema, mention: MentionSchema, event: EventSchema } as const;
  const result = v.safeParse(checks[split.kind], doc[split.kind]);
  if (!result.success) return { record: null, problem: `${doc._id}: ${result.issues[0].message}` };
  const record = result.output as Crisis & Mention & CrisisEvent;
  if (record.id !== split.id) return { record: null, problem: `${doc._id}: id mismatch` };
  switch (split.kind) {
    case 'crisis':
      return { record: { kind: 'crisis', crisis: record, author: who.output }, problem: null };
    case 'mention': {
      // A reference is to a copy in this browser: the cell's copy is named apart, and fetched.
      const copy = isAttached(doc) ? (record.evidence.pageCopy ?? undefined) : undefined;
      const mention = { ...record, evidence: { ...record.evidence, pageCopy: null } };
      return {
        record: { kind: 'mention', mention, author: who.output, ...(copy ? { copy } : {}) },
        problem: null,
      };
    }
    case 'event':
      return { record: { kind: 'event', event: record, author: who.output }, problem: null };
  }
}

/**
 * The page copy a mention document carries inline (read with `attachments=true`), checked: its
 * bytes must hash to what the shared reference says, as a copy's evidence check demands. Null
 * when the document has none, or it is not the copy its reference names.
 */
export async function attachedCopy(
  doc: CouchDoc,
  maxBytes: number,
): Promise<{ ref: PageCopyRef; data: ArrayBuffer } | null> {
  const { record } = fromDoc(doc);
  if (record?.kind !== 'mention' || !record.copy) return null;
  const attachment = (doc._attachments as Record<string, { data?: unknown }>)[COPY_ATTACHMENT];
  if (typeof attachment?.data !== 'string' || attachment.data.length > (maxBytes * 4) / 3 + 4) {
    return null;
  }
  let data: ArrayBuffer;
  try {
    data = bytesOfBase64(attachment.data);
  } catch {
    return null;
  }
  const matches = (await sha256HexOfBytes(data)) === record.copy.sha256;
  return matches ? { ref: record.copy, data } : null;
}
