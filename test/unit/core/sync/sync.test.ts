/**
 * Two members, two browsers' databases, one CouchDB-compatible server: a crisis shared by one
 * reaches the other with its journal and mentions; both edit it offline and both edits survive
 * once they sync; a push cut off mid-way loses nothing; a non-member is refused.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectCell, shareCrisis } from '../../../../src/core/db/cell';
import {
  getCrisis,
  listEvents,
  moveMentions,
  newEvent,
  saveCrisis,
} from '../../../../src/core/db/crises';
import { addMention, getMentions } from '../../../../src/core/db/mentions';
import type { VigieDatabase } from '../../../../src/core/db/open';
import { getCell, outboxEntries } from '../../../../src/core/db/outbox';
import { applyCrisisChange, type CrisisChange } from '../../../../src/core/model/crisis-change';
import { newCrisis } from '../../../../src/core/model/crisis';
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
