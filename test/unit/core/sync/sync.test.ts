/**
 * Two members, two browsers' databases, one CouchDB-compatible server: a crisis shared by one
 * reaches the other with its journal and mentions; both edit it offline and both edits survive
 * once they sync; a push cut off mid-way loses nothing; a non-member is refused.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectCell, copySharing, shareCrisis, sharePageCopy } from '../../../../src/core/db/cell';
import {
  getCrisis,
  listEvents,
  moveMentions,
  newEvent,
  saveCrisis,
} from '../../../../src/core/db/crises';
import {
  addMention,
  deleteMentions,
  getMentions,
  restoreMentions,
  updateMention,
} from '../../../../src/core/db/mentions';
import { mentionCounts } from '../../../../src/core/db/mention-counts';
import { keepPageCopy, readPageCopy, verifyEvidence } from '../../../../src/core/db/page-copies';
import type { VigieDatabase } from '../../../../src/core/db/open';
import { getCell, outboxEntries } from '../../../../src/core/db/outbox';
import { applyCrisisChange, type CrisisChange } from '../../../../src/core/model/crisis-change';
import { newCrisis } from '../../../../src/core/model/crisis';
import { applyMentionPatch } from '../../../../src/core/model/mention';
import type { Crisis } from '../../../../src/core/model/types';
import { couchClient, type CouchTarget } from '../../../../src/core/sync/couch';
import { syncOnce, type SyncDeps } from '../../../../src/core/sync/sync';
import { startCouchServer, type CouchServer } from '../../../couch-server';
import { freshDB, mention } from '../../helpers';

let server: CouchServer;
let cellNo = 0;

beforeAll(async () => {
  server = await startCouchServer();
  await server.createUser('alice', 'alice-pw');
  await server.createUser('bob', 'bob-pw');
  await server.createUser('carol', 'carol-pw');
});
afterAll(() => server.stop());

const now = () => new Date().toISOString();

interface Member {
  db: VigieDatabase;
  target: CouchTarget;
  deps: (fetchImpl?: typeof fetch) => SyncDeps;
}

async function member(cell: string, name: string): Promise<Member> {
  const db = await freshDB();
  const target = server.target(cell, name, `${name}-pw`);
  await connectCell(db, { server: target.server, db: target.db, user: name }, false);
  return { db, target, deps: (f) => ({ db, client: couchClient(target, f), now }) };
}

/** A change made as the background makes it: applied, saved, journaled, queued. */
async function change(m: Member, crisisId: string, asked: CrisisChange): Promise<Crisis> {
  const at = now();
  const crisis = (await getCrisis(m.db, crisisId))!;
  const result = applyCrisisChange(crisis, asked, at)!;
  const events = result.events.map((e) => newEvent(crisisId, at, e.type, e.data));
  return saveCrisis(m.db, result.crisis, events, { kind: 'change', change: asked, at });
}

/** The mentions of the shared crisis in a member's log. */
async function sharedMentions(m: Member) {
  const ids = (await listEvents(m.db, crisis.id))
    .filter((e) => e.type === 'mention-linked')
    .map((e) => String(e.data.mentionId));
  return getMentions(m.db, ids);
}

const countsOf = (m: Member) => mentionCounts(m.db);

let cell: string;
let alice: Member;
let bob: Member;
let crisis: Crisis;

beforeEach(async () => {
  cell = `cell-${++cellNo}`;
  await server.createDb(cell, { names: ['alice', 'bob'] });
  alice = await member(cell, 'alice');
  bob = await member(cell, 'bob');
  const at = now();
  crisis = newCrisis({ title: 'Bad review', level: 2, openedAt: at, checklist: [] });
  const { mention: m } = await addMention(alice.db, mention());
  await moveMentions(alice.db, [m.id], crisis.id, at, {
    crisis,
    events: [newEvent(crisis.id, at, 'opened', { level: 2, title: crisis.title })],
  });
  await shareCrisis(alice.db, crisis.id);
});

describe('the cell’s sync', () => {
  it('brings a shared crisis to the other member, with its journal, mentions and authors', async () => {
    const pushed = await syncOnce(alice.deps());
    expect(pushed.failure).toBeNull();
    expect(await outboxEntries(alice.db, 10)).toEqual([]);
    const pulled = await syncOnce(bob.deps());
    expect(pulled.failure).toBeNull();
    expect((await getCrisis(bob.db, crisis.id))?.title).toBe('Bad review');
    const events = await listEvents(bob.db, crisis.id);
    expect(events.map((e) => [e.type, e.by])).toEqual([
      ['opened', 'alice'],
      ['mention-linked', 'alice'],
    ]);
    const [linked] = events.filter((e) => e.type === 'mention-linked');
    expect(await getMentions(bob.db, [String(linked?.data.mentionId)])).toHaveLength(1);
    expect((await getCell(bob.db))?.shared).toEqual([crisis.id]);
  });

  it('keeps both members’ edits made offline at the same time', async () => {
    await syncOnce(alice.deps());
    await syncOnce(bob.deps());
    // Offline, each changes the same crisis.
    await change(alice, crisis.id, { op: 'title', title: 'Review storm' });
    await change(alice, crisis.id, {
      op: 'action',
      action: {
        id: 'a1',
        what: 'Answer',
        damageId: null,
        owner: 'alice',
        due: null,
        status: 'todo',
        replacesChecklistId: null,
      },
    });
    await change(bob, crisis.id, { op: 'level', level: 3 });
    await change(bob, crisis.id, {
      op: 'action',
      action: {
        id: 'b1',
        what: 'Refund',
        damageId: null,
        owner: 'bob',
        due: null,
        status: 'todo',
        replacesChecklistId: null,
      },
    });
    // Back online: Alice first; Bob's push meets her revision (409) and is made again on it.
    expect((await syncOnce(alice.deps())).failure).toBeNull();
    expect((await syncOnce(bob.deps())).failure).toBeNull();
    expect((await syncOnce(alice.deps())).failure).toBeNull();
    for (const m of [alice, bob]) {
      const merged = await getCrisis(m.db, crisis.id);
      expect(merged?.title).toBe('Review storm');
      expect(merged?.level).toBe(3);
      expect(merged?.plan.actions.map((a) => a.id).sort()).toEqual(['a1', 'b1']);
      const types = (await listEvents(m.db, crisis.id)).map((e) => `${e.type}:${e.by}`);
      expect(types).toEqual(expect.arrayContaining(['renamed:alice', 'level-changed:bob']));
    }
  });

  it('loses nothing when the server goes away in the middle of a push', async () => {
    let cut = true;
    const flaky: typeof fetch = async (input, init) => {
      if (cut && String(input).includes('_bulk_docs')) {
        cut = false;
        throw new TypeError('Failed to fetch');
      }
      return fetch(input, init);
    };
    const first = await syncOnce(alice.deps(flaky));
    expect(first.failure).toBe('unreachable');
    const waiting = (await outboxEntries(alice.db, 100)).length;
    expect(waiting).toBeGreaterThan(0);
    expect((await getCell(alice.db))?.lastError).toBe('unreachable');
    const second = await syncOnce(alice.deps(flaky));
    expect(second).toMatchObject({ pushed: waiting, failure: null });
    expect((await getCell(alice.db))?.lastError).toBeNull();
    await syncOnce(bob.deps());
    expect((await getCrisis(bob.db, crisis.id))?.id).toBe(crisis.id);
  });

  it('takes a mention one member deletes out of the other’s crisis, and back on undo', async () => {
    await syncOnce(alice.deps());
    await syncOnce(bob.deps());
    const [shared] = await sharedMentions(bob);
    await deleteMentions(alice.db, [shared!.id], now());
    expect((await syncOnce(alice.deps())).failure).toBeNull();
    expect((await syncOnce(bob.deps())).failure).toBeNull();
    expect(await getMentions(bob.db, [shared!.id])).toEqual([]);
    // The cell keeps a mark in its place, with who deleted it and nothing of the quote.
    const doc = await server.asAdmin('GET', `/${cell}/mention:${shared!.id}`);
    expect(doc.body).toMatchObject({ author: 'alice', mention: { id: shared!.id } });
    expect(JSON.stringify(doc.body)).not.toContain(shared!.quote);
    // Nowhere else either: the inbox stays personal.
    expect(await countsOf(bob)).toMatchObject({ mentions: 0, inbox: 0 });
    // The deletion undone: the mention goes back to the cell, and to Bob.
    await restoreMentions(alice.db, [shared!]);
    await syncOnce(alice.deps());
    await syncOnce(bob.deps());
    expect((await getMentions(bob.db, [shared!.id]))[0]?.crisisId).toBe(crisis.id);
  });

  it('takes a mention one member moves to their inbox out of the other’s browser', async () => {
    await syncOnce(alice.deps());
    await syncOnce(bob.deps());
    const [shared] = await sharedMentions(bob);
    await moveMentions(alice.db, [shared!.id], null, now());
    await syncOnce(alice.deps());
    await syncOnce(bob.deps());
    expect(await getMentions(bob.db, [shared!.id])).toEqual([]);
    // Alice's own pull of her change leaves her mention where she put it.
    await syncOnce(alice.deps());
    expect((await getMentions(alice.db, [shared!.id]))[0]?.crisisId).toBeNull();
  });

  it('keeps in the inbox a mention whose page this browser saved, when another deletes it', async () => {
    await syncOnce(alice.deps());
    await syncOnce(bob.deps());
    const [shared] = await sharedMentions(bob);
    const page = new TextEncoder().encode('<p>the page</p>').buffer;
    const kept = await keepPageCopy(bob.db, shared!.id, {
      format: 'html',
      data: page,
      savedAt: now(),
    });
    expect(kept.kept).toBe(true);
    await deleteMentions(alice.db, [shared!.id], now());
    await syncOnce(alice.deps());
    await syncOnce(bob.deps());
    const [mine] = await getMentions(bob.db, [shared!.id]);
    expect(mine?.crisisId).toBeNull();
    expect(mine?.evidence.pageCopy).not.toBeNull();
  });

  it('sends a page copy when asked, and the other member keeps it, checked', async () => {
    await syncOnce(alice.deps());
    await syncOnce(bob.deps());
    const [shared] = await sharedMentions(alice);
    expect(await copySharing(alice.db, shared!.id)).toBe('no-copy');
    const html = '<html><body><p>They never answered.</p></body></html>';
    const data = new TextEncoder().encode(html).buffer;
    await keepPageCopy(alice.db, shared!.id, { format: 'html', data, savedAt: now() });
    expect(await copySharing(alice.db, shared!.id)).toBe('can-share');
    // Until asked, the copy stays in Alice's browser.
    await syncOnce(alice.deps());
    await syncOnce(bob.deps());
    expect((await getMentions(bob.db, [shared!.id]))[0]?.evidence.pageCopy).toBeNull();

    expect(await sharePageCopy(alice.db, shared!.id)).toBe('shared');
    await syncOnce(alice.deps());
    const round = await syncOnce(bob.deps());
    expect(round).toMatchObject({ copies: 1, failure: null });
    const copy = await readPageCopy(bob.db, shared!.id);
    expect(new TextDecoder().decode(copy!.data)).toBe(html);
    expect(await verifyEvidence(bob.db, shared!.id)).toMatchObject({ copy: { state: 'match' } });
    expect(await copySharing(bob.db, shared!.id)).toBe('shared');

    // Bob's later edit of the mention keeps the attachment on the server.
    await updateMention(bob.db, shared!.id, (m) =>
      applyMentionPatch(m, { note: 'Bob: escalated' }, now()),
    );
    await syncOnce(bob.deps());
    const doc = await server.asAdmin('GET', `/${cell}/mention:${shared!.id}`);
    expect(doc.body).toMatchObject({ _attachments: { page: { content_type: 'text/html' } } });
  });

  it('does not keep a shared copy whose bytes do not match its reference', async () => {
    await syncOnce(alice.deps());
    const [shared] = await sharedMentions(alice);
    const data = new TextEncoder().encode('<p>original</p>').buffer;
    await keepPageCopy(alice.db, shared!.id, { format: 'html', data, savedAt: now() });
    await sharePageCopy(alice.db, shared!.id);
    await syncOnce(alice.deps());
    // Someone with the admin's rights swaps the attachment's bytes behind the reference.
    const id = `mention:${shared!.id}`;
    const current = (await server.asAdmin('GET', `/${cell}/${id}`)).body as { _rev: string };
    const forged = btoa('<p>forged</p>');
    await server.asAdmin('PUT', `/${cell}/${id}`, {
      ...current,
      _attachments: { page: { content_type: 'text/html', data: forged } },
    });
    const round = await syncOnce(bob.deps());
    expect(round).toMatchObject({ copies: 0, failure: null });
    expect(await readPageCopy(bob.db, shared!.id)).toBeUndefined();
    expect((await getCell(bob.db))?.wantCopies).toEqual([]);
  });

  it('refuses a non-member and keeps their changes waiting', async () => {
    const carol = await member(cell, 'carol');
    const at = now();
    const theirs = newCrisis({ title: 'Carol’s', level: 1, openedAt: at, checklist: [] });
    await moveMentions(carol.db, [], theirs.id, at, { crisis: theirs, events: [] });
    await shareCrisis(carol.db, theirs.id);
    const round = await syncOnce(carol.deps());
    expect(['forbidden', 'unauthorized']).toContain(round.failure);
    expect(await outboxEntries(carol.db, 10)).toHaveLength(1);
  });
});
