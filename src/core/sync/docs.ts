/**
 * A cell's documents in CouchDB, and the records they carry: `crisis:<id>`, `mention:<id>` and
 * `event:<id>`, each with its author (the member who wrote it last; for an event, who made it).
 * What comes back from the server is checked as an import checks a backup: the database never
 * holds what the import would refuse, whoever wrote it.
 */
import * as v from 'valibot';
import { CrisisSchema, EventSchema, MentionSchema } from '../model/schemas';
import type { Crisis, CrisisEvent, Mention } from '../model/types';
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
  | { kind: 'mention'; mention: Mention; author: string }
  | { kind: 'event'; event: CrisisEvent; author: string };

/**
 * A mention as the cell sees it: its saved page copy stays in the browser that made it (it can
 * be megabytes); its hash, in the capture's evidence, goes with it.
 */
function sharedMention(mention: Mention): Mention {
  return { ...mention, evidence: { ...mention.evidence, pageCopy: null } };
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
        mention: sharedMention(record.mention),
      };
    case 'event':
      return {
        _id: docId('event', record.event.id),
        ...base,
        event: { ...record.event, by: record.event.by ?? record.author },
      };
  }
}

const author = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

/**
 * The record a server document carries, checked; null for a document that is not Vigie's, is
 * deleted, or would not pass an import (named in `problem` for the sync status).
 */
export function fromDoc(doc: CouchDoc): { record: CellRecord | null; problem: string | null } {
  const split = splitDocId(doc._id);
  if (!split || doc._deleted) return { record: null, problem: null };
  const who = v.safeParse(author, doc.author);
  if (!who.success) return { record: null, problem: `${doc._id}: no author` };
  const checks = { crisis: CrisisSchema, mention: MentionSchema, event: EventSchema } as const;
  const result = v.safeParse(checks[split.kind], doc[split.kind]);
  if (!result.success) return { record: null, problem: `${doc._id}: ${result.issues[0].message}` };
  const record = result.output as Crisis & Mention & CrisisEvent;
  if (record.id !== split.id) return { record: null, problem: `${doc._id}: id mismatch` };
  switch (split.kind) {
    case 'crisis':
      return { record: { kind: 'crisis', crisis: record, author: who.output }, problem: null };
    case 'mention':
      return { record: { kind: 'mention', mention: record, author: who.output }, problem: null };
    case 'event':
      return { record: { kind: 'event', event: record, author: who.output }, problem: null };
  }
}
