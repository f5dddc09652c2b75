/**
 * One round of the team cell's sync: the outbox pushed with `_bulk_docs`, then the server's
 * `_changes` taken in from the checkpoint. A change the server already has under a newer
 * revision (409) is made again on the server's copy and sent again: two members editing the
 * same crisis both keep their edits. An entry leaves the outbox only once the server has it.
 */
import { applyPulled, copyFetched, noteSyncError, settlePush, type Applied } from '../db/cell';
import { keepPageCopy, MAX_COPY_BYTES } from '../db/page-copies';
import { outboxEntries, getCell } from '../db/outbox';
import type { VigieDatabase } from '../db/open';
import type { OutboxEntry, PageCopyRecord } from '../db/schema';
import { CouchError, type BulkResult, type CouchClient, type CouchDoc } from './couch';
import { COPY_TYPES } from '../model/evidence';
import type { Mention } from '../model/types';
import { base64Of } from '../text/base64';
import {
  attachedCopy,
  COPY_ATTACHMENT,
  docId,
  fromDoc,
  splitDocId,
  toDoc,
  type CellRecord,
} from './docs';
import {
  rebaseCrisis,
  rebaseMention,
  type CrisisOp,
  type MentionOp,
  type MentionState,
} from './ops';

export interface SyncDeps {
  db: VigieDatabase;
  client: CouchClient;
  now: () => string;
}

/** Entries pushed in one `_bulk_docs`. */
const PUSH_BATCH = 200;
/** Documents taken in per `_changes` page. */
const PULL_BATCH = 500;
/** Times a document that keeps meeting newer revisions is made again, in one round. */
const REBASE_TRIES = 3;

/** What the failure of a request says to the user, in the status: the failure's kind. */
function failureOf(error: unknown): string {
  if (error instanceof CouchError) return error.failure;
  throw error;
}

/** The entries of one document, in order, and what goes to the server for them. */
interface DocPush {
  docId: string;
  entries: OutboxEntry[];
}

function byDoc(entries: readonly OutboxEntry[]): DocPush[] {
  const docs = new Map<string, DocPush>();
  for (const entry of entries) {
    let doc = docs.get(entry.docId);
    if (!doc) docs.set(entry.docId, (doc = { docId: entry.docId, entries: [] }));
    doc.entries.push(entry);
  }
  return [...docs.values()];
}

/**
 * The document to send for `push` over the server's copy (undefined: none there), or null when
 * there is nothing to send: a change to a record the server does not have and this browser
 * did not share whole.
 */
function docFor(
  push: DocPush,
  server: CouchDoc | undefined,
  user: string,
  copies: ReadonlyMap<string, PageCopyRecord>,
): CouchDoc | null {
  const first = push.entries[0];
  if (!first) return null;
  if (first.kind === 'event') return toDoc({ kind: 'event', event: first.event, author: user });
  const base = server ? fromDoc(server).record : null;
  let record: CellRecord | null = null;
  if (first.kind === 'crisis') {
    const ops = push.entries.flatMap((e) => (e.kind === 'crisis' ? [e.op] : ([] as CrisisOp[])));
    const crisis = rebaseCrisis(base?.kind === 'crisis' ? base.crisis : null, ops);
    record = crisis && { kind: 'crisis', crisis, author: user };
  } else {
    const ops = push.entries.flatMap((e) => (e.kind === 'mention' ? [e.op] : ([] as MentionOp[])));
    const before: MentionState =
      base?.kind === 'mention' ? base.mention : base?.kind === 'removed' ? 'removed' : null;
    const mention = rebaseMention(before, ops);
    if (mention === 'removed') {
      // Marked already: sending the mark again would only change who deleted it.
      if (before === 'removed') return null;
      const at = ops.findLast((op) => op.kind === 'removed')?.at ?? '';
      record = { kind: 'removed', mentionId: splitDocId(push.docId)?.id ?? '', at, author: user };
    } else if (mention) {
      return mentionDoc(mention, user, server, ops, copies);
    }
  }
  return record && toDoc(record, server?._rev);
}

/**
 * A mention's document: with the page copy a member shared as its attachment, the first time
 * it goes; after that, the server's attachment kept by its stub (a document written without
 * its attachments loses them).
 */
function mentionDoc(
  mention: Mention,
  user: string,
  server: CouchDoc | undefined,
  ops: readonly MentionOp[],
  copies: ReadonlyMap<string, PageCopyRecord>,
): CouchDoc {
  const base = server && fromDoc(server).record;
  const kept = base?.kind === 'mention' ? base.copy : undefined;
  const sharing = ops.findLast((op) => op.kind === 'copy');
  const bytes = sharing && copies.get(sharing.ref.id);
  if (sharing && bytes && kept?.sha256 !== bytes.sha256) {
    const doc = toDoc({ kind: 'mention', mention, author: user, copy: sharing.ref }, server?._rev);
    const contentType = COPY_TYPES[bytes.format];
    return {
      ...doc,
      _attachments: {
        [COPY_ATTACHMENT]: { content_type: contentType, data: base64Of(bytes.data) },
      },
    };
  }
  const doc = toDoc(
    { kind: 'mention', mention, author: user, ...(kept ? { copy: kept } : {}) },
    server?._rev,
  );
  return kept && server?._attachments ? { ...doc, _attachments: server._attachments } : doc;
}

/** The page copies the entries send, read before the documents are built. */
async function copiesOf(db: VigieDatabase, pushes: readonly DocPush[]) {
  const copies = new Map<string, PageCopyRecord>();
  for (const push of pushes) {
    for (const entry of push.entries) {
      if (entry.kind !== 'mention' || entry.op.kind !== 'copy') continue;
      const record = await db.get('pageCopies', entry.op.ref.id);
      if (record) copies.set(record.id, record);
    }
  }
  return copies;
}

/** Whether the server's answer for a document means it has this browser's change. */
function landed(push: DocPush, result: BulkResult | undefined): boolean {
  if (!result) return false;
  if (!result.error) return true;
  // An event never changes: one the server has already is this very event, pushed before.
  return result.error === 'conflict' && push.entries[0]?.kind === 'event';
}

/**
 * Pushes the outbox, oldest first, until it is empty or the server refuses something. Returns
 * how many entries the server took and the failure that stopped it, if any.
 */
export async function pushOutbox(
  deps: SyncDeps,
  user: string,
): Promise<{ pushed: number; failure: string | null }> {
  let pushed = 0;
  for (;;) {
    const entries = await outboxEntries(deps.db, PUSH_BATCH);
    if (entries.length === 0) return { pushed, failure: null };
    let pending = byDoc(entries);
    const copies = await copiesOf(deps.db, pending);
    const done: number[] = [];
    let failure: string | null = null;
    try {
      for (let attempt = 0; attempt < REBASE_TRIES && pending.length > 0; attempt++) {
        const editable = pending.filter((p) => p.entries[0]?.kind !== 'event').map((p) => p.docId);
        const server = editable.length ? await deps.client.getDocs(editable) : new Map();
        const sending: { push: DocPush; doc: CouchDoc }[] = [];
        for (const push of pending) {
          const doc = docFor(push, server.get(push.docId), user, copies);
          // Nothing to send (the server lost what it was shared): the change has nowhere to go.
          if (!doc) done.push(...push.entries.map((e) => e.seq as number));
          else sending.push({ push, doc });
        }
        const results = sending.length ? await deps.client.bulkDocs(sending.map((s) => s.doc)) : [];
        const answers = new Map(results.map((r) => [r.id, r]));
        const again: DocPush[] = [];
        for (const { push } of sending) {
          const answer = answers.get(push.docId);
          if (landed(push, answer)) done.push(...push.entries.map((e) => e.seq as number));
          else if (answer?.error === 'conflict') again.push(push);
          else failure ??= answer?.error ?? 'bad-response';
        }
        pending = again;
      }
      if (pending.length > 0) failure ??= 'conflict';
    } catch (error) {
      failure = failureOf(error);
    }
    await settlePush(deps.db, done, deps.now(), failure);
    pushed += done.length;
    if (failure || done.length === 0) return { pushed, failure: failure ?? 'conflict' };
  }
}

/**
 * Takes in the server's changes since the checkpoint, page after page. With `longpollMs`, the
 * first request waits up to that long for a change (the crisis log open); `signal` stops it.
 */
export async function pullChanges(
  deps: SyncDeps,
  options: { longpollMs?: number; signal?: AbortSignal } = {},
): Promise<{ applied: Applied; failure: string | null }> {
  const applied: Applied = { crises: 0, events: 0, mentions: 0, skipped: [] };
  let longpollMs = options.longpollMs;
  try {
    for (;;) {
      const cell = await getCell(deps.db);
      if (!cell) return { applied, failure: null };
      const page = await deps.client.changes({
        since: cell.since,
        limit: PULL_BATCH,
        ...(longpollMs ? { longpollMs } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      longpollMs = undefined;
      const records: CellRecord[] = [];
      for (const change of page.results) {
        if (!change.doc) continue;
        const { record, problem } = fromDoc(change.doc);
        if (record) records.push(record);
        else if (problem) applied.skipped.push(problem);
      }
      const batch = await applyPulled(deps.db, records, page.lastSeq, deps.now());
      applied.crises += batch.crises;
      applied.events += batch.events;
      applied.mentions += batch.mentions;
      applied.skipped.push(...batch.skipped);
      // A full page may have more behind it even where the server does not say how many.
      const more = page.pending > 0 || page.results.length >= PULL_BATCH;
      if (!more || page.results.length === 0) return { applied, failure: null };
    }
  } catch (error) {
    if (options.signal?.aborted) return { applied, failure: null };
    return { applied, failure: failureOf(error) };
  }
}

/** Page copies fetched per round: each may be megabytes. */
const COPIES_PER_ROUND = 5;

/**
 * Fetches the page copies members shared that this browser lacks, a few per round, and keeps
 * each one whose bytes match its reference. One the server no longer has, or that does not
 * match, is not asked again; one a failed request left is asked next round.
 */
export async function fetchCopies(
  deps: SyncDeps,
): Promise<{ kept: number; failure: string | null }> {
  const wanted = (await getCell(deps.db))?.wantCopies ?? [];
  let kept = 0;
  for (const mentionId of wanted.slice(0, COPIES_PER_ROUND)) {
    let doc: CouchDoc | undefined;
    try {
      doc = await deps.client.getDocWithAttachments(docId('mention', mentionId));
    } catch (error) {
      return { kept, failure: failureOf(error) };
    }
    const copy = doc && (await attachedCopy(doc, MAX_COPY_BYTES));
    if (copy) {
      const { format, savedAt } = copy.ref;
      const outcome = await keepPageCopy(deps.db, mentionId, { format, savedAt, data: copy.data });
      if (outcome.kept) kept++;
    }
    await copyFetched(deps.db, mentionId);
  }
  return { kept, failure: null };
}

/** A push then a pull: what one round did, and what stopped it. */
export async function syncOnce(
  deps: SyncDeps,
): Promise<{ pushed: number; applied: Applied; copies: number; failure: string | null }> {
  const cell = await getCell(deps.db);
  if (!cell)
    return {
      pushed: 0,
      applied: { crises: 0, events: 0, mentions: 0, skipped: [] },
      copies: 0,
      failure: null,
    };
  const push = await pushOutbox(deps, cell.user);
  const pull = await pullChanges(deps);
  const copies = pull.failure ? { kept: 0, failure: null } : await fetchCopies(deps);
  // A pull that went through says nothing of the push that did not: its failure stays shown.
  const failure = push.failure ?? pull.failure ?? copies.failure;
  if (failure) await noteSyncError(deps.db, failure);
  return { pushed: push.pushed, applied: pull.applied, copies: copies.kept, failure };
}
